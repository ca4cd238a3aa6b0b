using BorderSecurity.Domain.Recruitment;
using FigureNames = BorderSecurity.Domain.Shared.Figures;

namespace BorderSecurity.Domain.Marten;

/// <summary>Which streams a funding or recruitment question reads.</summary>
internal abstract record FigureScope
{
    /// <summary>The one aggregate kind the scope reads (<see cref="ProjectionRows.Funding"/>, <see cref="ProjectionRows.Recruitment"/>).</summary>
    public abstract string Aggregate { get; }

    /// <summary>Every stream of one aggregate kind: a funding portfolio, all recruitment.</summary>
    public sealed record OfKind(string Kind) : FigureScope
    {
        public override string Aggregate => Kind;
    }

    /// <summary>The commitments of one recipient, entered one by one through <c>bsd_commitment_recipients</c>.</summary>
    public sealed record OfRecipient(string Recipient) : FigureScope
    {
        public override string Aggregate => ProjectionRows.Funding;
    }

    /// <summary>A funding question's scope: the portfolio, or one recipient's commitments.</summary>
    public static FigureScope Funding(string? recipient) => recipient is null ? new OfKind(ProjectionRows.Funding) : new OfRecipient(recipient);
}

/// <summary>Which events a fold reads: those of one aggregate kind, those of one stream, or every event of the model.</summary>
internal abstract record EventScope
{
    public sealed record OfKind(string Aggregate) : EventScope;

    public sealed record OfStream(string StreamId) : EventScope;

    public sealed record Everything : EventScope;
}

/// <summary>
/// The SQL of the as-of questions over the projection tables, one named builder per question. Each returns a
/// <see cref="SqlQuery"/>: the text and the parameters it names, one meaning each (see <see cref="SqlQuery"/>). Only schema,
/// table and column names (from the table model, <see cref="BorderSecurityTables"/>) and fixed names of figures and events
/// are spliced into the text; every value of a question is a parameter.
/// </summary>
/// <remarks>
/// "As known at" filters on <c>known_from</c>, "as recorded by" on <c>recorded_at</c>; both columns are included in
/// the covering indexes, so either filter keeps the scans index-only. Every question is scoped to one tenant
/// (<c>tenant_id = @tenant</c>, the leading column of every index; see <see cref="BorderSecurityTables.TenantColumn"/>).
/// </remarks>
internal sealed partial class AsOfSql(BorderSecurityTables tables, string eventsSchema)
{
    private static readonly string ReannouncedEvent = EventCatalogue.NameOf(typeof(RecruitmentTargetReannounced));

    private BorderSecurityTables.StatementsTable S => tables.Statements;

    private BorderSecurityTables.EventsTable E => tables.Events;

    private BorderSecurityTables.RecipientsTable R => tables.Recipients;

    /// <summary>
    /// Three index-only parts, no sort (parts 0 to 2), for recruitment a fourth (3) and for funding a fifth (4): the
    /// latest statement of each figure (the figure index read backwards), the latest creation row of each stream with its
    /// detail, each distinct provenance of a stream's counting events with the (valid date, sequence) of its first one,
    /// packed into one bigint for min(), the number of re-announcements of each target, and the latest period row of each
    /// commitment with its detail (<see cref="LatestPeriods"/>, index-only). Columns: part, stream_id, figure, dimension,
    /// value, text, valid_on, seq.
    /// </summary>
    public SqlQuery Figures(string tenant, FigureScope scope, AsOfQuery query)
    {
        var p = Bind.Question(tenant, query, scope);
        var known = p.Knows(query, "");
        var latest = LatestFigures(scope, known, $"{S.StreamId}, {S.Figure}, {S.Dimension}, {S.Value}, {S.ValidOn}, {S.Seq}");
        var created = CreationRows(scope, known, $"{S.StreamId}, {S.Detail}, {S.ValidOn}, {S.Seq}");
        var sources = Scoped(scope, one =>
            $"""
            select {E.StreamId}, {E.ProvenanceHash}, min((({E.ValidOn} - date '1900-01-01')::bigint << 40) | {E.Seq}) as first
            from {E}
            where {E.TenantId} = @tenant and {E.Aggregate} = @aggregate and {E.ValidOn} <= @as_of{known}{OneStream(one, E.StreamId)}
            group by {E.StreamId}, {E.ProvenanceHash}
            """);
        var reannouncements = scope.Aggregate != ProjectionRows.Recruitment ? "" : $"""
            union all
            select 3, {E.StreamId}, '', '', count(*)::numeric, null, null, null
            from {E}
            where {E.TenantId} = @tenant and {E.Aggregate} = @aggregate and {E.EventType} = '{ReannouncedEvent}' and {E.ValidOn} <= @as_of{known}
            group by {E.StreamId}
            """;
        var periods = scope.Aggregate != ProjectionRows.Funding ? "" : $"""
            union all
            select 4, v.{S.StreamId}, '', '', null, v.{S.Detail}::text, v.{S.ValidOn}, v.{S.Seq}
            from ({LatestPeriods(scope, known)}) v
            """;
        return p.Query($"""
            select 0 as part, s.{S.StreamId}, s.{S.Figure}, s.{S.Dimension}, s.{S.Value}, null as text, s.{S.ValidOn}, s.{S.Seq}
            from ({latest}) s
            union all
            select 1, c.{S.StreamId}, '', '', null, c.{S.Detail}::text, c.{S.ValidOn}, c.{S.Seq}
            from ({created}) c
            union all
            select 2, p.{E.StreamId}, '', '', p.first::numeric, p.{E.ProvenanceHash}, null, null
            from ({sources}) p
            {reannouncements}
            {periods}
            """);
    }

    /// <summary>
    /// The funding totals per (origin, basis, what the period covers), summed inside PostgreSQL: one aggregation per
    /// commitment over its latest figures, its creation row and its latest period row (<see cref="LatestPeriods"/>, as the
    /// financial-year question reads it), then one per (origin, basis, coverage, first year, last year). No join, so no row
    /// estimate can turn it into a nested loop. Whether a coverage is a yearly level is decided in C#, by the model's one rule
    /// (<see cref="Projections.FundingTotals.Of(IEnumerable{Projections.FundingShare})"/>), not here. Columns: origin, basis,
    /// coverage, first year, last year (null when no period row counts, or the period names none), total, allocated.
    /// </summary>
    public SqlQuery FundingTotals(string tenant, AsOfQuery query, string? recipient)
    {
        var scope = FigureScope.Funding(recipient);
        var p = Bind.Question(tenant, query, scope);
        var known = p.Knows(query, "");
        var latest = LatestFigures(scope, known, $"{S.StreamId}, {S.Figure}, {S.Value}", $" and {S.Figure} <> '{FigureNames.Created}'");
        var created = CreationRows(scope, known, $"{S.StreamId}, {S.Detail}");
        var periods = LatestPeriods(scope, known);
        return p.Query($"""
            with figures as (
              select l.{S.StreamId}, l.{S.Figure}, l.{S.Value}, null as origin, null as basis, null as recipient,
                     null as coverage, null as first_year, null as last_year from ({latest}) l
              union all
              select c.{S.StreamId}, '{FigureNames.Created}', null, c.{S.Detail}->>'OriginKind', c.{S.Detail}->>'Basis', c.{S.Detail}->>'Recipient', null, null, null from ({created}) c
              union all
              select p.{S.StreamId}, 'covers', null, null, null, null, p.{S.Detail}->>'Coverage', p.{S.Detail}->>'FirstYear', p.{S.Detail}->>'LastYear' from ({periods}) p
            ), per_commitment as (
              select {S.StreamId},
                     max({S.Value}) filter (where {S.Figure} = '{FigureNames.Amount}') as amount,
                     bool_or({S.Figure} = '{FigureNames.Withdrawn}') as withdrawn,
                     coalesce(sum({S.Value}) filter (where {S.Figure} = '{FigureNames.Allocation}' and {S.Value} > 0), 0) as allocated,
                     max(origin) as origin, max(basis) as basis, max(recipient) as recipient,
                     max(coverage) as coverage, max(first_year) as first_year, max(last_year) as last_year
              from figures
              group by {S.StreamId}
            )
            select origin, basis, coverage, first_year, last_year,
                   sum(case when withdrawn then 0 else amount end),
                   sum(case when withdrawn then 0 else allocated end)
            from per_commitment
            where amount is not null and origin is not null{(recipient is null ? "" : " and recipient = @recipient")}
            group by origin, basis, coverage, first_year, last_year
            """);
    }

    /// <summary>
    /// The funding totals from the kept sums (<c>bsd_funding_totals</c>), known now or as known at an instant: the changes of
    /// the scope (a recipient, or the portfolio) on or before the date, as the rows of the whole calendar years before it, of
    /// the whole months of its year before its month and of the days of its month up to it; known now, from the rows of every
    /// known instant (three ranges of the primary key); as known at an instant, from the rows of the whole UTC years before
    /// it and the whole months of its year before its month (six ranges, the valid spans crossed with the known spans), and
    /// the changes known in its own month up to it (one range of the instants' index, across recipients for the portfolio).
    /// However many commitments count and however long the history, a few rows per key, and the changes of one month.
    /// Summed per origin, basis and what the period covers: the same columns as <see cref="FundingTotals"/> (coverage and
    /// years null where the period states none), groups summing to nothing left out.
    /// </summary>
    public SqlQuery KeptFundingTotals(string tenant, LocalDate asOf, Instant? knownAt, string? recipient)
    {
        var t = tables.FundingTotals;
        var p = Bind.Question(tenant, new AsOfQuery(asOf));
        var scope = p.Add("scope", recipient ?? BorderSecurityTables.FundingTotalsTable.PortfolioScope);
        var year = p.Add("year_start", new LocalDate(asOf.Year, 1, 1).ToDateOnly());
        var month = p.Add("month_start", new LocalDate(asOf.Year, asOf.Month, 1).ToDateOnly());
        (string Span, string Range)[] valid =
        [
            (BorderSecurityTables.FundingTotalsTable.Year, $"{t.ValidFrom} < {year}"),
            (BorderSecurityTables.FundingTotalsTable.Month, $"{t.ValidFrom} >= {year} and {t.ValidFrom} < {month}"),
            (BorderSecurityTables.FundingTotalsTable.Day, $"{t.ValidFrom} >= {month} and {t.ValidFrom} <= @as_of"),
        ];
        string ranges;
        if (knownAt is not { } at)
        {
            ranges = $"{t.Scope} = {scope} and (" + string.Join("\n  or ", valid.Select(v =>
                $"({t.KnownSpan} = '{BorderSecurityTables.FundingTotalsTable.KnownNow}' and {t.Span} = '{v.Span}' and {v.Range})")) + ")";
        }
        else
        {
            var day = at.InUtc().Date;
            var knownYear = p.Add("known_year", BorderSecurityTables.FundingTotalsTable.Start(new LocalDate(day.Year, 1, 1)).ToDateTimeUtc());
            var knownMonth = p.Add("known_month", BorderSecurityTables.FundingTotalsTable.Start(new LocalDate(day.Year, day.Month, 1)).ToDateTimeUtc());
            var known = p.Add("known_at", at.ToDateTimeUtc());
            (string Span, string Range)[] knownSpans =
            [
                (BorderSecurityTables.FundingTotalsTable.KnownYear, $"{t.KnownFrom} < {knownYear}"),
                (BorderSecurityTables.FundingTotalsTable.KnownMonth, $"{t.KnownFrom} >= {knownYear} and {t.KnownFrom} < {knownMonth}"),
            ];
            // The instants of the month are kept under each recipient only: the portfolio reads every recipient's.
            ranges = $"({t.Scope} = {scope} and (" + string.Join("\n  or ", valid.SelectMany(v => knownSpans.Select(k =>
                    $"({t.KnownSpan} = '{k.Span}' and {t.Span} = '{v.Span}' and {v.Range} and {k.Range})"))) + "))" +
                $"\n  or ({t.KnownSpan} = '{BorderSecurityTables.FundingTotalsTable.KnownInstant}' and {t.KnownFrom} >= {knownMonth} and {t.KnownFrom} <= {known} " +
                $"and {t.ValidFrom} <= @as_of{(recipient is null ? "" : $" and {t.Scope} = {scope}")})";
        }

        // One scan with the ranges or-ed (a bitmap of index ranges), not a union: a union's parallel append starts workers,
        // which costs ten times the scan (20 ms against 1.6 ms for the portfolio at 1,000,000 events, known now).
        return p.Query($"""
            select {t.Origin}, {t.Basis}, nullif({t.Coverage}, ''), nullif({t.FirstYear}, ''), nullif({t.LastYear}, ''), sum({t.Amount}), sum({t.Allocated})
            from {t}
            where {t.TenantId} = @tenant and (
              {ranges})
            group by {t.Origin}, {t.Basis}, {t.Coverage}, {t.FirstYear}, {t.LastYear}
            having sum({t.Amount}) <> 0 or sum({t.Allocated}) <> 0
            """);
    }

    /// <summary>
    /// Every statement of the scope's figures that the knowledge allows (on both instants, at any valid date), for a series:
    /// the figure rows from the figure index, the creation and period rows with their detail from the two partial indexes
    /// (their figure and dimension written as constants, so the part reads only what the index holds), each part index-only. The caller sorts them by (valid_on, seq) and sweeps forward through the series' dates
    /// (<see cref="FigureRows.Apply"/>), so one query answers every date. Columns: stream_id, figure, dimension, value,
    /// detail (text), valid_on, seq.
    /// </summary>
    public SqlQuery SeriesStatements(string tenant, FigureScope scope, Instant? knownAt, Instant? recordedBy)
    {
        var p = Bind.Knowledge(tenant, scope);
        var known = p.Knows(new AsOfQuery(default, knownAt, recordedBy), "");
        string Part(string columns, string figures) => Scoped(scope, one =>
            $"""
            select {columns}
            from {S}
            where {S.TenantId} = @tenant and {S.Aggregate} = @aggregate and {figures}{known}{OneStream(one, S.StreamId)}
            """);

        return p.Query($"""
            {Part($"{S.StreamId}, {S.Figure}, {S.Dimension}, {S.Value}, null::text as {S.Detail}, {S.ValidOn}, {S.Seq}",
                $"{S.Figure} <> '{FigureNames.Created}' and {S.Figure} <> '{FigureNames.Period}'")}
            union all
            {Part($"{S.StreamId}, '{FigureNames.Created}', '', null::numeric, {S.Detail}::text, {S.ValidOn}, {S.Seq}", $"{S.Figure} = '{FigureNames.Created}'")}
            union all
            {Part($"{S.StreamId}, '{FigureNames.Period}', '', null::numeric, {S.Detail}::text, {S.ValidOn}, {S.Seq}", $"{S.Figure} = '{FigureNames.Period}'")}
            """);
    }

    /// <summary>
    /// Every counting event in the scope, with its data from <c>mt_events</c>, by valid date then sequence. Columns: seq,
    /// stream_id, version, known_from, recorded_at, the wire name the event was stored under (mt_events.type, so a legacy
    /// shape is read as what its JSON is), data.
    /// </summary>
    public SqlQuery CountingEvents(string tenant, EventScope scope, AsOfQuery query)
    {
        var p = Bind.Question(tenant, query);
        var condition = scope switch
        {
            EventScope.OfKind kind => $" and b.{E.Aggregate} = {p.Add("aggregate", kind.Aggregate)}",
            EventScope.OfStream stream => $" and b.{E.StreamId} = {p.Add("stream_id", stream.StreamId)}",
            _ => "",
        };
        return p.Query($"""
            select b.{E.Seq}, b.{E.StreamId}, e.version, b.{E.KnownFrom}, b.{E.RecordedAt}, e.type, e.data::text
            from {E} b join {eventsSchema}.mt_events e on e.seq_id = b.{E.Seq}
            where b.{E.TenantId} = @tenant{condition} and b.{E.ValidOn} <= @as_of{p.Knows(query, "b.")}
            order by b.{E.ValidOn}, b.{E.Seq}
            """);
    }

    /// <summary>
    /// One part of a question over the scope's streams. For every stream of the aggregate it is <paramref name="part"/>
    /// written for all streams at once; for one recipient, the same part written for one stream (<see cref="OneStream"/>)
    /// and run once per commitment of the recipient (a lateral join from <c>bsd_commitment_recipients</c>), so that the
    /// covering indexes are entered once per commitment instead of scanned whole.
    /// </summary>
    /// <param name="scope">The streams.</param>
    /// <param name="part">Writes the part: for one stream (the lateral row's, <c>r</c>) when given <see langword="true"/>.</param>
    private string Scoped(FigureScope scope, Func<bool, string> part) => scope switch
    {
        FigureScope.OfRecipient => $"""
            select x.* from {R} r
            cross join lateral ({part(true)}) x
            where r.{R.TenantId} = @tenant and r.{R.Recipient} = @recipient
            """,
        _ => part(false),
    };

    /// <summary>The condition that narrows a part to the lateral row's stream (see <see cref="Scoped"/>), or nothing for every stream.</summary>
    private string OneStream(bool one, Column streamId) => one ? $" and {streamId} = r.{R.StreamId}" : "";

    /// <summary>The latest counting statement of every figure: the figure index read backwards, so no sort.</summary>
    private string LatestFigures(FigureScope scope, string known, string columns, string condition = "") =>
        Scoped(scope, one =>
            $"""
            select distinct on ({(one ? "" : $"{S.StreamId}, ")}{S.Figure}, {S.Dimension}) {columns}
            from {S}
            where {S.TenantId} = @tenant and {S.Aggregate} = @aggregate{condition} and {S.ValidOn} <= @as_of{known}{OneStream(one, S.StreamId)}
            order by {(one ? "" : $"{S.StreamId} desc, ")}{S.Figure} desc, {S.Dimension} desc, {S.ValidOn} desc, {S.Seq} desc
            """);

    /// <summary>The latest counting creation row of every stream, with its detail: the partial covering index read backwards.</summary>
    private string CreationRows(FigureScope scope, string known, string columns) => LatestRowOf(FigureNames.Created, scope, known, columns);

    /// <summary>
    /// The latest counting row of one figure with a partial covering index (a creation, a period) of every stream in the
    /// scope, read backwards, so index-only and no sort.
    /// </summary>
    private string LatestRowOf(string figure, FigureScope scope, string known, string columns) =>
        Scoped(scope, one => one
            ? $"""
              select {columns}
              from {S}
              where {S.TenantId} = @tenant and {S.Figure} = '{figure}' and {S.Aggregate} = @aggregate and {S.ValidOn} <= @as_of{known}{OneStream(one, S.StreamId)}
              order by {S.ValidOn} desc, {S.Seq} desc
              limit 1
              """
            : $"""
              select distinct on ({S.StreamId}) {columns}
              from {S}
              where {S.TenantId} = @tenant and {S.Figure} = '{figure}' and {S.Aggregate} = @aggregate and {S.ValidOn} <= @as_of{known}
              order by {S.StreamId} desc, {S.ValidOn} desc, {S.Seq} desc
              """);

    /// <summary>The parameters of one query, named once each, gathered while its text is written.</summary>
    private sealed class Bind
    {
        private readonly List<(string Name, object Value)> _parameters = [];

        /// <summary>An as-of question's parameters: <c>@tenant</c>, <c>@as_of</c>, and the scope's (<c>@aggregate</c>, <c>@recipient</c>).</summary>
        public static Bind Question(string tenant, AsOfQuery query, FigureScope? scope = null)
        {
            var bind = Knowledge(tenant, scope);
            bind.Add("as_of", query.AsOf.ToDateOnly());
            return bind;
        }

        /// <summary>A question about every valid date (a series): <c>@tenant</c> and the scope's parameters, no <c>@as_of</c>.</summary>
        public static Bind Knowledge(string tenant, FigureScope? scope)
        {
            var bind = new Bind();
            bind.Add("tenant", tenant);
            if (scope is not null)
            {
                bind.Add("aggregate", scope.Aggregate);
            }

            if (scope is FigureScope.OfRecipient recipient)
            {
                bind.Add("recipient", recipient.Recipient);
            }

            return bind;
        }

        /// <summary>Binds a parameter and gives its placeholder.</summary>
        public string Add(string name, object value)
        {
            _parameters.Add((name, value));
            return "@" + name;
        }

        /// <summary>
        /// The conditions on both instants a question asks for, on a table aliased <paramref name="alias"/> (with its dot, or
        /// empty; <c>bsd_events</c> and <c>bsd_statements</c> name their instants alike, so one condition serves both), binding <c>@known_at</c> and <c>@recorded_by</c> when asked. Called once per query: the parts share them.
        /// </summary>
        public string Knows(AsOfQuery query, string alias)
        {
            var known = "";
            if (query.KnownAt is { } knownAt)
            {
                known += $" and {alias}{BorderSecurityTables.KnownFromColumn} <= {Add("known_at", knownAt.ToDateTimeUtc())}";
            }

            if (query.RecordedBy is { } recordedBy)
            {
                known += $" and {alias}{BorderSecurityTables.RecordedAtColumn} <= {Add("recorded_by", recordedBy.ToDateTimeUtc())}";
            }

            return known;
        }

        public SqlQuery Query(string text) => new(text, [.. _parameters]);
    }
}
