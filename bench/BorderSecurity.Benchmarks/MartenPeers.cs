using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Projections;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The conventional Marten peer of the package's tables: an <see cref="EventProjection"/> that stores the same rows
/// (one document per event, one per statement of a figure) as Marten documents, each with both instants (the
/// known-from instant read as the package reads it, <see cref="MartenRecordedEvents.ToRecorded"/>). Registered as an
/// async projection and rebuilt by the async daemon's <c>RebuildProjectionAsync</c>, it is what a team would build on
/// raw Marten; <see cref="Register"/> adds the duplicated fields and indexes a Marten user would add for the as-of
/// questions, and <see cref="DocumentPeer"/> asks them.
/// </summary>
internal sealed partial class ConventionalTablesProjection : EventProjection
{
    /// <summary>The documents, their duplicated (column) fields and indexes: what the as-of filters and the recipient lookup use.</summary>
    public static void Register(StoreOptions options)
    {
        options.Projections.Add(new ConventionalTablesProjection(), JasperFx.Events.Projections.ProjectionLifecycle.Async);
        options.Schema.For<EventDocument>()
            .Duplicate(x => x.Aggregate)
            .Duplicate(x => x.StreamId)
            .Duplicate(x => x.ValidOn, "date")
            .Duplicate(x => x.KnownFrom, "timestamp with time zone");
        options.Schema.For<StatementDocument>()
            .Duplicate(x => x.Aggregate)
            .Duplicate(x => x.StreamId)
            .Duplicate(x => x.ValidOn, "date")
            .Duplicate(x => x.KnownFrom, "timestamp with time zone")
            .Duplicate(x => x.Recipient!);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not IBorderSecurityEvent)
        {
            return ValueTask.CompletedTask;
        }

        var recorded = MartenRecordedEvents.ToRecorded(e);
        var row = ProjectionRows.EventRowOf(JasperFx.StorageConstants.DefaultTenantId, recorded);
        operations.Store(new EventDocument
        {
            Id = row.Sequence,
            StreamId = row.StreamId,
            Aggregate = row.Aggregate,
            EventType = row.EventType,
            ValidOn = row.ValidOn.ToDateOnly(),
            KnownFrom = row.KnownFrom.ToDateTimeOffset(),
            RecordedAt = row.RecordedAt.ToDateTimeOffset(),
            Provenance = recorded.Data.Provenance,
        });
        var creation = FundingStatements.CreationOf(recorded.Data);
        foreach (var s in ProjectionRows.StatementsOf(JasperFx.StorageConstants.DefaultTenantId, recorded))
        {
            var created = s.Figure == Figures.Created ? creation : null;
            operations.Store(new StatementDocument
            {
                Id = $"{s.Sequence}/{s.Figure}/{s.Dimension}",
                Sequence = s.Sequence,
                StreamId = s.StreamId,
                Aggregate = s.Aggregate,
                Figure = s.Figure,
                Dimension = s.Dimension,
                ValidOn = s.ValidOn.ToDateOnly(),
                KnownFrom = s.KnownFrom.ToDateTimeOffset(),
                RecordedAt = s.RecordedAt.ToDateTimeOffset(),
                Value = s.Value,
                Detail = s.Detail,
                Recipient = created?.Recipient,
                OriginKind = created?.OriginKind,
                OriginName = created?.OriginName,
                Basis = created?.Basis,
            });
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The conventional projection's document per event.</summary>
public sealed class EventDocument
{
    public long Id { get; set; }

    public string StreamId { get; set; } = "";

    public string Aggregate { get; set; } = "";

    public string EventType { get; set; } = "";

    public DateOnly ValidOn { get; set; }

    public DateTimeOffset KnownFrom { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Provenance? Provenance { get; set; }
}

/// <summary>The conventional projection's document per statement of a figure; a commitment's creation carries its fixed attributes.</summary>
public sealed class StatementDocument
{
    public string Id { get; set; } = "";

    public long Sequence { get; set; }

    public string StreamId { get; set; } = "";

    public string Aggregate { get; set; } = "";

    public string Figure { get; set; } = "";

    public string Dimension { get; set; } = "";

    public DateOnly ValidOn { get; set; }

    public DateTimeOffset KnownFrom { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public decimal? Value { get; set; }

    public string? Detail { get; set; }

    public string? Recipient { get; set; }

    public FundingOriginKind? OriginKind { get; set; }

    public string? OriginName { get; set; }

    public FundingBasis? Basis { get; set; }
}

/// <summary>The source rows of a counting event: what the documents peer reads for a commitment's sources.</summary>
public sealed class SourceRow
{
    public long Id { get; set; }

    public string StreamId { get; set; } = "";

    public DateOnly ValidOn { get; set; }

    public Provenance? Provenance { get; set; }
}

/// <summary>
/// The strongest conventional Marten peer for the funding questions: the daemon-kept documents of
/// <see cref="ConventionalTablesProjection"/>, filtered by Marten LINQ on duplicated (indexed) columns, both queries of a
/// question sent in one batched round trip, and the latest statement of each figure picked in the client. It gives
/// the same full answer as the package (positions, allocations, sources in first-appearance order), or totals only.
/// </summary>
internal static class DocumentPeer
{
    public static async Task<FundingPortfolio> FundingAsync(IDocumentStore store, AsOfQuery query, string? recipient, bool withSources = true)
    {
        await using var session = store.QuerySession();
        var asOf = query.AsOf.ToDateOnly();
        string[]? streams = null;
        if (recipient is not null)
        {
            // A commitment's recipient is fixed at its creation: the creation documents name the recipient's streams.
            streams = [.. await session.Query<StatementDocument>().Where(s => s.Recipient == recipient).Select(s => s.StreamId).ToListAsync()];
        }

        var batch = session.CreateBatchQuery();
        var statementQuery = batch.Query<StatementDocument>().Where(s => s.Aggregate == ProjectionRows.Funding && s.ValidOn <= asOf);
        var sourceQuery = batch.Query<EventDocument>().Where(e => e.Aggregate == ProjectionRows.Funding && e.ValidOn <= asOf);
        if (query.KnownAt is { } knownAt)
        {
            var known = knownAt.ToDateTimeOffset();
            statementQuery = statementQuery.Where(s => s.KnownFrom <= known);
            sourceQuery = sourceQuery.Where(e => e.KnownFrom <= known);
        }

        if (query.RecordedBy is { } recordedBy)
        {
            var recorded = recordedBy.ToDateTimeOffset();
            statementQuery = statementQuery.Where(s => s.RecordedAt <= recorded);
            sourceQuery = sourceQuery.Where(e => e.RecordedAt <= recorded);
        }

        if (streams is not null)
        {
            statementQuery = statementQuery.Where(s => s.StreamId.IsOneOf(streams));
            sourceQuery = sourceQuery.Where(e => e.StreamId.IsOneOf(streams));
        }

        var statements = statementQuery.ToList();
        var sources = withSources
            ? sourceQuery.Select(e => new SourceRow { Id = e.Id, StreamId = e.StreamId, ValidOn = e.ValidOn, Provenance = e.Provenance }).ToList()
            : Task.FromResult<IReadOnlyList<SourceRow>>([]);
        await batch.Execute();
        var citations = (await sources)
            .OrderBy(e => e.ValidOn).ThenBy(e => e.Id)
            .GroupBy(e => e.StreamId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SourceReference>)[.. g.SelectMany(e => e.Provenance!.Sources).Distinct()], StringComparer.Ordinal);
        var positions = new List<CommitmentPosition>();
        foreach (var stream in (await statements).GroupBy(s => s.StreamId, StringComparer.Ordinal))
        {
            var latest = new Dictionary<(string Figure, string Dimension), StatementDocument>();
            foreach (var s in stream)
            {
                if (!latest.TryGetValue((s.Figure, s.Dimension), out var seen) || (s.ValidOn, s.Sequence).CompareTo((seen.ValidOn, seen.Sequence)) > 0)
                {
                    latest[(s.Figure, s.Dimension)] = s;
                }
            }

            if (!latest.TryGetValue((Figures.Created, ""), out var created) || !latest.TryGetValue((Figures.Amount, ""), out var amount)
                || (recipient is not null && created.Recipient != recipient))
            {
                continue;
            }

            var withdrawn = latest.ContainsKey((Figures.Withdrawn, ""));
            var period = latest.TryGetValue((Figures.Period, ""), out var stated) && stated.Detail is { } json
                ? System.Text.Json.JsonSerializer.Deserialize<FundingPeriod>(json, DetailJson.Provenance)!
                : FundingPeriod.NotStated("");
            CapabilityAmount[] allocations = withdrawn
                ? []
                : [.. latest.Values
                    .Where(s => s.Figure == Figures.Allocation && s.Value > 0m)
                    .OrderBy(s => s.Dimension, StringComparer.Ordinal)
                    .Select(s => new CapabilityAmount(s.Dimension, Money.FromPounds(s.Value!.Value)))];
            positions.Add(new CommitmentPosition(stream.Key, created.Recipient!, new FundingOrigin(created.OriginKind!.Value, created.OriginName),
                created.Basis!.Value, LocalDate.FromDateOnly(created.ValidOn), withdrawn ? Money.Zero : Money.FromPounds(amount.Value!.Value),
                period, allocations, withdrawn, citations.GetValueOrDefault(stream.Key) ?? [])
            {
                Spending = [.. latest.Values
                    .Where(s => s.Figure == Figures.Spending)
                    .Select(s => SpendingLine.FromKey(s.Dimension, Money.FromPounds(s.Value ?? 0m), LocalDate.FromDateOnly(s.ValidOn)))
                    .OrderBy(l => l.Year).ThenBy(l => l.Stage).ThenBy(l => l.Kind)],
            });
        }

        return OpenDisputes.Attach(FundingPortfolio.Of(query, positions), withSources ? await PeerDisputes.AsOfAsync(session, query) : []);
    }

    public static async Task<FundingTotals> FundingTotalsAsync(IDocumentStore store, AsOfQuery query, string? recipient) =>
        (await FundingAsync(store, query, recipient, withSources: false)).Totals;
}

/// <summary>
/// The raw-events peer: Marten LINQ over <c>mt_events</c> (<c>QueryAllRawEvents</c>) for every funding and dispute event, the
/// known axis applied as the package applies it (the known-from header, else the timestamp), then the domain's own
/// in-memory fold answering the question. No projection to keep; the whole log is read per question.
/// </summary>
internal static class RawEventsPeer
{
    public static async Task<FundingPortfolio> FundingAsync(IDocumentStore store, AsOfQuery query, string? recipient)
    {
        await using var session = store.QuerySession();
        var raw = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName.StartsWith("funding.") || e.EventTypeName.StartsWith("dispute."))
            .OrderBy(e => e.Sequence)
            .ToListAsync();
        var fold = BorderSecurityProjection.Of(raw.Select(MartenRecordedEvents.ToRecorded));
        return recipient is null ? fold.Funding(query) : fold.FundingOf(recipient, query);
    }
}

/// <summary>
/// How the document peer and the naive baseline find the disputes a full answer lists: Marten LINQ over the dispute
/// events in <c>mt_events</c>, the question's axes applied to each, each dispute folded with its aggregate's Evolve; then
/// the model's one attach rule (<see cref="OpenDisputes"/>), as the package and the raw-events peer use it.
/// </summary>
internal static class PeerDisputes
{
    public static async Task<IReadOnlyList<BorderSecurity.Domain.Disputes.Dispute>> AsOfAsync(IQuerySession session, AsOfQuery query)
    {
        var raw = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName.StartsWith("dispute."))
            .OrderBy(e => e.Sequence)
            .ToListAsync();
        return [.. raw.Select(MartenRecordedEvents.ToRecorded).Where(query.Includes)
            .GroupBy(e => e.StreamId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.ValidOn).ThenBy(e => e.Sequence)
                .Aggregate((BorderSecurity.Domain.Disputes.Dispute?)null, (d, e) => BorderSecurity.Domain.Disputes.Dispute.Evolve(d, e.Data)))
            .OfType<BorderSecurity.Domain.Disputes.Dispute>()];
    }
}

/// <summary>
/// The naive baseline (not a peer for the targets): one <c>AggregateStreamAsync</c> per commitment, one after another,
/// each stream folded by the domain's fold as the question asks it (the known axis from the known-from header, as
/// the package reads it).
/// </summary>
public sealed class LiveCommitment
{
    private readonly List<RecordedEvent> _events = [];

    public string Id { get; set; } = "";

    public void Apply(IEvent<FundingPledged> e) => Add(e);

    public void Apply(IEvent<FundingRedirected> e) => Add(e);

    public void Apply(IEvent<FundingRevised> e) => Add(e);

    public void Apply(IEvent<FundingAmountCorrected> e) => Add(e);

    public void Apply(IEvent<FundingAllocated> e) => Add(e);

    public void Apply(IEvent<FundingWithdrawn> e) => Add(e);

    public void Apply(IEvent<FundingReannounced> e) => Add(e);

    public void Apply(IEvent<FundingPeriodRevised> e) => Add(e);

    public void Apply(IEvent<FundingPeriodCorrected> e) => Add(e);

    public void Apply(IEvent<SpendingReported> e) => Add(e);

    /// <summary>The commitment's position for the question, or <see langword="null"/> if it does not count.</summary>
    public CommitmentPosition? PositionAt(AsOfQuery query) =>
        BorderSecurityProjection.Of(_events).Funding(query).Commitments.SingleOrDefault();

    /// <summary>What the commitment covers for the question (amount, period), or <see langword="null"/> if it does not count or is withdrawn.</summary>
    public CommitmentCover? CoverAt(AsOfQuery query) =>
        BorderSecurityProjection.Of(_events).FundingByFinancialYear(FinancialYear.Of(query.AsOf), FinancialYear.Of(query.AsOf), query).Commitments.SingleOrDefault();

    private void Add(IEvent e) => _events.Add(MartenRecordedEvents.ToRecorded(e));
}
