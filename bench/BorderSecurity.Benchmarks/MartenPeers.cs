using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Projections;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The conventional Marten peer of the package's tables: an <see cref="EventProjection"/> that stores the same rows
/// (one document per event, one per statement of a figure) as Marten documents. Registered as an async projection
/// and rebuilt by the async daemon's <c>RebuildProjectionAsync</c>, it is what a team would hand-roll on raw Marten.
/// </summary>
internal sealed partial class ConventionalTablesProjection : EventProjection
{
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not IBorderSecurityEvent)
        {
            return ValueTask.CompletedTask;
        }

        var recorded = MartenRecordedEvents.ToRecorded(e);
        var row = ProjectionRows.EventRowOf(recorded);
        operations.Store(new EventDocument
        {
            Id = row.Sequence,
            StreamId = row.StreamId,
            Aggregate = row.Aggregate,
            EventType = row.EventType,
            ValidOn = row.ValidOn.ToDateOnly(),
            RecordedAt = row.RecordedAt.ToDateTimeOffset(),
            Provenance = recorded.Data.Provenance,
        });
        foreach (var s in ProjectionRows.StatementsOf(recorded))
        {
            operations.Store(new StatementDocument
            {
                Id = $"{s.Sequence}/{s.Figure}/{s.Dimension}",
                StreamId = s.StreamId,
                Aggregate = s.Aggregate,
                Figure = s.Figure,
                Dimension = s.Dimension,
                ValidOn = s.ValidOn.ToDateOnly(),
                RecordedAt = s.RecordedAt.ToDateTimeOffset(),
                Value = s.Value,
                Detail = s.Detail,
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

    public DateTimeOffset RecordedAt { get; set; }

    public Provenance? Provenance { get; set; }
}

/// <summary>The conventional projection's document per statement of a figure.</summary>
public sealed class StatementDocument
{
    public string Id { get; set; } = "";

    public string StreamId { get; set; } = "";

    public string Aggregate { get; set; } = "";

    public string Figure { get; set; } = "";

    public string Dimension { get; set; } = "";

    public DateOnly ValidOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public decimal? Value { get; set; }

    public string? Detail { get; set; }
}

/// <summary>
/// The live-aggregation peer: a conventional Marten aggregate folded by <c>AggregateStreamAsync(id, timestamp: knownAt)</c>.
/// Marten's timestamp filter handles the recorded axis; the valid axis needs every event's valid date, so the
/// aggregate keeps the events it is given and answers a question with the reference fold.
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

    /// <summary>The commitment's amount as of the valid date (the recorded axis was applied by Marten).</summary>
    public Money AmountAsOf(LocalDate asOf) =>
        new ReferenceProjection(_events).Funding(new AsOfQuery(asOf, null)).Totals.Total;

    private void Add(IEvent e) => _events.Add(MartenRecordedEvents.ToRecorded(e));
}
