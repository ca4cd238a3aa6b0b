using Npgsql;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The SQL of the as-of questions over the projection tables. Only schema names (from the store's options) are
/// spliced into the text; every value of a question (aggregate, dates, instants, recipient) is a parameter.
/// </summary>
/// <remarks>
/// "As known at" filters on <c>known_from</c>, "as recorded by" on <c>recorded_at</c>; both columns are included in
/// the covering indexes, so either filter keeps the scans index-only. Every question is scoped to one tenant
/// (<c>tenant_id = @tenant</c>, the leading column of every index; see <see cref="BorderSecurityTables.TenantColumn"/>).
/// </remarks>
internal sealed partial class AsOfSql(string schema, string eventsSchema)
{
    /// <summary>The conditions on both instants a question asks for, on a table aliased <paramref name="alias"/> (with its dot, or empty).</summary>
    public static string Knows(AsOfQuery query, string alias) =>
        (query.KnownAt is null ? "" : $" and {alias}known_from <= @knownAt") + (query.RecordedBy is null ? "" : $" and {alias}recorded_at <= @recordedBy");

    /// <summary>Binds a question's parameters: <c>@tenant</c>, <c>@aggregate</c>, <c>@asOf</c>, and <c>@knownAt</c>/<c>@recordedBy</c> when asked.</summary>
    public static void AddParameters(NpgsqlCommand command, string tenant, AsOfQuery query, string aggregate)
    {
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("aggregate", aggregate);
        command.Parameters.AddWithValue("asOf", query.AsOf.ToDateOnly());
        AddInstants(command, query.KnownAt, query.RecordedBy);
    }

    /// <summary>Binds <c>@knownAt</c> and <c>@recordedBy</c> when given.</summary>
    public static void AddInstants(NpgsqlCommand command, Instant? knownAt, Instant? recordedBy)
    {
        if (knownAt is { } k)
        {
            command.Parameters.AddWithValue("knownAt", k.ToDateTimeUtc());
        }

        if (recordedBy is { } r)
        {
            command.Parameters.AddWithValue("recordedBy", r.ToDateTimeUtc());
        }
    }

    /// <summary>
    /// One part of an as-of query over every stream of the aggregate, or, for one recipient, the same part run per
    /// commitment of the recipient (a lateral join from <c>bsd_commitment_recipients</c>), so that the covering indexes
    /// are entered once per commitment instead of scanned whole. <c>/*stream*/</c> in each text marks where the stream
    /// condition goes.
    /// </summary>
    private string Scoped(string? recipient, string everyStream, string oneStream) =>
        recipient is null
            ? everyStream.Replace("/*stream*/", "", StringComparison.Ordinal)
            : $"""
              select x.* from {schema}.bsd_commitment_recipients r
              cross join lateral ({oneStream.Replace("/*stream*/", " and stream_id = r.stream_id", StringComparison.Ordinal)}) x
              where r.tenant_id = @tenant and r.recipient = @recipient
              """;

    /// <summary>The same part for every stream and for one stream (an aggregate that groups by stream either way).</summary>
    private string Scoped(string? recipient, string part) => Scoped(recipient, part, part);

    /// <summary>The latest counting statement of every figure: the figure index read backwards, so no sort.</summary>
    private string LatestFigures(string? recipient, string known, string columns, string condition = "") =>
        Scoped(recipient,
            $"""
            select distinct on (stream_id, figure, dimension) {columns}
            from {schema}.bsd_statements
            where tenant_id = @tenant and aggregate = @aggregate{condition} and valid_on <= @asOf{known}/*stream*/
            order by stream_id desc, figure desc, dimension desc, valid_on desc, seq desc
            """,
            $"""
            select distinct on (figure, dimension) {columns}
            from {schema}.bsd_statements
            where tenant_id = @tenant and aggregate = @aggregate{condition} and valid_on <= @asOf{known}/*stream*/
            order by figure desc, dimension desc, valid_on desc, seq desc
            """);

    /// <summary>The latest counting creation row of every stream, with its detail: the partial covering index read backwards.</summary>
    private string CreationRows(string? recipient, string known, string columns) =>
        Scoped(recipient,
            $"""
            select distinct on (stream_id) {columns}
            from {schema}.bsd_statements
            where tenant_id = @tenant and figure = 'created' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by stream_id desc, valid_on desc, seq desc
            """,
            $"""
            select {columns}
            from {schema}.bsd_statements
            where tenant_id = @tenant and figure = 'created' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by valid_on desc, seq desc
            limit 1
            """);

    /// <summary>
    /// Three index-only parts, no sort (parts 0 to 2), for recruitment a fourth (3) and for funding a fifth (4): the
    /// latest statement of each figure (the figure index read backwards), the latest creation row of each stream with its
    /// detail, each distinct provenance of a stream's counting events with the (valid date, sequence) of its first one,
    /// packed into one bigint for min(), the number of reannouncements of each target, and the latest period row of each
    /// commitment with its detail (<see cref="LatestPeriods"/>, index-only). Columns: part, stream_id, figure, dimension,
    /// value, text, valid_on, seq.
    /// </summary>
    public string Figures(string aggregate, AsOfQuery query, string? recipient)
    {
        var known = Knows(query, "");
        var latest = LatestFigures(recipient, known, "stream_id, figure, dimension, value, valid_on, seq");
        var created = CreationRows(recipient, known, "stream_id, detail, valid_on, seq");
        var sources = Scoped(recipient,
            $"""
            select stream_id, provenance_hash, min(((valid_on - date '1900-01-01')::bigint << 40) | seq) as first
            from {schema}.bsd_events
            where tenant_id = @tenant and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            group by stream_id, provenance_hash
            """);
        return $"""
            select 0 as part, s.stream_id, s.figure, s.dimension, s.value, null as text, s.valid_on, s.seq
            from ({latest}) s
            union all
            select 1, c.stream_id, '', '', null, c.detail::text, c.valid_on, c.seq
            from ({created}) c
            union all
            select 2, p.stream_id, '', '', p.first::numeric, p.provenance_hash, null, null
            from ({sources}) p
            {(aggregate != ProjectionRows.Recruitment ? "" : $"""
                union all
                select 3, stream_id, '', '', count(*)::numeric, null, null, null
                from {schema}.bsd_events
                where tenant_id = @tenant and aggregate = @aggregate and event_type = 'recruitment.target-reannounced.v1' and valid_on <= @asOf{known}
                group by stream_id
                """)}
            {(aggregate != ProjectionRows.Funding ? "" : $"""
                union all
                select 4, v.stream_id, '', '', null, v.detail::text, v.valid_on, v.seq
                from ({LatestPeriods(recipient, known)}) v
                """)}
            """;
    }

    /// <summary>
    /// The funding totals per (origin, basis, what the period covers), summed inside PostgreSQL: one aggregation per
    /// commitment over its latest figures, its creation row and its latest period row (<see cref="LatestPeriods"/>, as the
    /// financial-year question reads it), then one per (origin, basis, coverage, first year, last year). No join, so no row
    /// estimate can turn it into a nested loop. Whether a coverage is a yearly level is decided in C#, by the model's one rule
    /// (<see cref="Projections.FundingTotals.Of(IEnumerable{Projections.FundingShare})"/>), not here. Columns: origin, basis,
    /// coverage, first year, last year (null when no period row counts, or the period names none), total, allocated.
    /// </summary>
    public string FundingTotals(AsOfQuery query, string? recipient)
    {
        var known = Knows(query, "");
        var latest = LatestFigures(recipient, known, "stream_id, figure, value", " and figure <> 'created'");
        var created = CreationRows(recipient, known, "stream_id, detail");
        var periods = LatestPeriods(recipient, known);
        return $"""
            with figures as (
              select l.stream_id, l.figure, l.value, null as origin, null as basis, null as recipient,
                     null as coverage, null as first_year, null as last_year from ({latest}) l
              union all
              select c.stream_id, 'created', null, c.detail->>'OriginKind', c.detail->>'Basis', c.detail->>'Recipient', null, null, null from ({created}) c
              union all
              select p.stream_id, 'covers', null, null, null, null, p.detail->>'Coverage', p.detail->>'FirstYear', p.detail->>'LastYear' from ({periods}) p
            ), per_commitment as (
              select stream_id,
                     max(value) filter (where figure = 'amount') as amount,
                     bool_or(figure = 'withdrawn') as withdrawn,
                     coalesce(sum(value) filter (where figure = 'allocation' and value > 0), 0) as allocated,
                     max(origin) as origin, max(basis) as basis, max(recipient) as recipient,
                     max(coverage) as coverage, max(first_year) as first_year, max(last_year) as last_year
              from figures
              group by stream_id
            )
            select origin, basis, coverage, first_year, last_year,
                   sum(case when withdrawn then 0 else amount end),
                   sum(case when withdrawn then 0 else allocated end)
            from per_commitment
            where amount is not null and origin is not null{(recipient is null ? "" : " and recipient = @recipient")}
            group by origin, basis, coverage, first_year, last_year
            """;
    }

    /// <summary>
    /// Every counting event matching <paramref name="filter"/> (a condition on <c>b</c>, <c>bsd_events</c>, using only
    /// parameters), with its data from <c>mt_events</c>, by valid date then sequence. Columns: seq, stream_id, version,
    /// known_from, recorded_at, the wire name the event was stored under (mt_events.type, so a legacy shape is read as what its JSON is), data.
    /// </summary>
    public string CountingEvents(string filter, AsOfQuery query) =>
        $"""
        select b.seq, b.stream_id, e.version, b.known_from, b.recorded_at, e.type, e.data::text
        from {schema}.bsd_events b join {eventsSchema}.mt_events e on e.seq_id = b.seq
        where b.tenant_id = @tenant and ({filter}) and b.valid_on <= @asOf{Knows(query, "b.")}
        order by b.valid_on, b.seq
        """;

    /// <summary>The distinct valid dates of an aggregate's events known (and recorded) by the given instants.</summary>
    public string ValidDates(Instant? knownAt, Instant? recordedBy) =>
        $"select distinct valid_on from {schema}.bsd_events where tenant_id = @tenant and aggregate = @aggregate{Knows(new AsOfQuery(default, knownAt, recordedBy), "")} order by valid_on";
}
