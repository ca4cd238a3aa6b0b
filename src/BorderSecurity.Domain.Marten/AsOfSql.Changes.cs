using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Disputes;

namespace BorderSecurity.Domain.Marten;

// The SQL of the change questions: the window read through the known-from index, and the histories of the streams it touches.
internal sealed partial class AsOfSql
{
    // A dispute's record under every wire name it was stored by (dispute.recorded.v2 and the v1 rows, whose bsd_events row
    // keeps the name it was projected under): a v1 row names its one subject as SubjectId, a v2 row its subjects as SubjectIds.
    private static readonly string[] DisputeRecordedEvents =
    [
        EventCatalogue.NameOf(typeof(DisputeRecorded)),
        .. EventCatalogue.LegacyShapes.Where(s => s.CurrentType == typeof(DisputeRecorded)).Select(s => s.WireName),
    ];

    /// <summary>
    /// The events known in the question's window after its continuation, in known order (known_from, then seq), at most
    /// <paramref name="limit"/>: <c>ix_bsd_events_known</c> entered at the window's start and read forward. For one subject,
    /// only the subject's stream and the disputes recorded about it. Columns as <see cref="CountingEvents"/>.
    /// </summary>
    public SqlQuery ChangesWindow(string tenant, ChangesQuery query, string? subject, int limit)
    {
        var p = Bind.Knowledge(tenant, null);
        var (fromInstant, fromSequence) = query.ResumeAfter ?? (query.KnownAfter, long.MaxValue);
        var about = About(p, subject);
        var recorded = query.RecordedBy is { } by ? $" and b.{E.RecordedAt} <= {p.Add("recorded_by", Utc(by))}" : "";

        // A plain range on known-from, which PostgreSQL estimates from its statistics: a row comparison alone gets a default
        // third of the table, and the planner then hashes the whole of mt_events instead of looking up the page's events.
        var start = query.ResumeAfter is null
            ? $"b.{E.KnownFrom} > {p.Add("from_known", Utc(fromInstant))}"
            : $"b.{E.KnownFrom} >= {p.Add("from_known", Utc(fromInstant))} and (b.{E.KnownFrom}, b.{E.Seq}) > (@from_known, {p.Add("from_seq", fromSequence)})";
        return p.Query($"""
            select b.{E.Seq}, b.{E.StreamId}, e.version, b.{E.KnownFrom}, b.{E.RecordedAt}, e.type, e.data::text
            from {E} b join {eventsSchema}.mt_events e on e.seq_id = b.{E.Seq}
            where b.{E.TenantId} = @tenant
              and {start}
              and b.{E.KnownFrom} <= {p.Add("known_by", Utc(query.KnownBy))}{recorded}{about}
            order by b.{E.KnownFrom}, b.{E.Seq}
            limit {p.Add("limit", limit)}
            """);
    }

    /// <summary>
    /// The events dated from <see cref="HappenedQuery.From"/> to <see cref="HappenedQuery.To"/> that the question knows, by valid
    /// date then seq (columns as <see cref="CountingEvents"/>): <c>ix_bsd_events_aggregate_valid</c> entered once per aggregate at
    /// the window's first date (every aggregate is named so the index's leading column is bound). For one subject, only its
    /// stream and the disputes about it.
    /// </summary>
    public SqlQuery HappenedWindow(string tenant, HappenedQuery query, string? subject)
    {
        var p = Bind.Question(tenant, query.Knowledge);
        var about = About(p, subject);
        return p.Query($"""
            select b.{E.Seq}, b.{E.StreamId}, e.version, b.{E.KnownFrom}, b.{E.RecordedAt}, e.type, e.data::text
            from {E} b join {eventsSchema}.mt_events e on e.seq_id = b.{E.Seq}
            where b.{E.TenantId} = @tenant and b.{E.Aggregate} = any({p.Add("aggregates", ProjectionRows.Aggregates)})
              and b.{E.ValidOn} >= {p.Add("valid_from", query.From.Year < 1 ? DateOnly.MinValue : query.From.ToDateOnly())} and b.{E.ValidOn} <= @as_of{p.Knows(query.Knowledge, "b.")}{about}
            order by b.{E.ValidOn}, b.{E.Seq}
            """);
    }

    /// <summary>Every event of one recipient's commitments (<c>bsd_commitment_recipients</c>), by seq. Columns as <see cref="CountingEvents"/>.</summary>
    public SqlQuery RecipientEvents(string tenant, string recipient)
    {
        var p = Bind.Knowledge(tenant, null);
        return p.Query($"""
            select b.{E.Seq}, b.{E.StreamId}, e.version, b.{E.KnownFrom}, b.{E.RecordedAt}, e.type, e.data::text
            from {R} r
            join {E} b on b.{E.TenantId} = r.{R.TenantId} and b.{E.StreamId} = r.{R.StreamId}
            join {eventsSchema}.mt_events e on e.seq_id = b.{E.Seq}
            where r.{R.TenantId} = @tenant and r.{R.Recipient} = {p.Add("recipient", recipient)}
            order by b.{E.Seq}
            """);
    }

    // For one subject: the events of its stream and of the disputes about it (a dispute names its subjects in its first
    // event: SubjectIds in v2, the one SubjectId in v1). The disputes are found through ix_bsd_events_aggregate_valid (the
    // dispute aggregate alone), not a scan.
    private string About(Bind p, string? subject) => subject is null
        ? ""
        : $"""

           and (b.{E.StreamId} = {p.Add("subject", subject)} or b.{E.StreamId} in (
             select d.{E.StreamId} from {E} d join {eventsSchema}.mt_events de on de.seq_id = d.{E.Seq}
             where d.{E.TenantId} = @tenant and d.{E.Aggregate} = {p.Add("dispute_aggregate", ProjectionRows.Dispute)}
               and d.{E.EventType} = any({p.Add("dispute_recorded", DisputeRecordedEvents)})
               and (de.data->'SubjectIds' @> jsonb_build_array(@subject::text) or de.data->>'SubjectId' = @subject)))
           """;

    // An instant as a parameter: those beyond DateTime's range as its ends (which Npgsql sends as -infinity and infinity).
    private static DateTime Utc(Instant instant) =>
        instant <= Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)) ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)
        : instant >= Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
        : instant.ToDateTimeUtc();

    /// <summary>Whether the store holds any event of a stream, whatever its instants: one boolean.</summary>
    public SqlQuery StreamHeld(string tenant, string stream)
    {
        var p = Bind.Knowledge(tenant, null);
        return p.Query($"select exists (select 1 from {E} b where b.{E.TenantId} = @tenant and b.{E.StreamId} = {p.Add("stream", stream)})");
    }

    /// <summary>Every event of the given streams, whatever its instants, by seq. Columns as <see cref="CountingEvents"/>.</summary>
    public SqlQuery StreamsEvents(string tenant, string[] streams)
    {
        var p = Bind.Knowledge(tenant, null);
        return p.Query($"""
            select b.{E.Seq}, b.{E.StreamId}, e.version, b.{E.KnownFrom}, b.{E.RecordedAt}, e.type, e.data::text
            from {E} b join {eventsSchema}.mt_events e on e.seq_id = b.{E.Seq}
            where b.{E.TenantId} = @tenant and b.{E.StreamId} = any({p.Add("streams", streams)})
            order by b.{E.Seq}
            """);
    }
}
