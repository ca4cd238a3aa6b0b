using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;

using BorderSecurity.Domain;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The brute-force answer to every question: keep the events that count (happened by the as-of date, recorded
/// by the known-at instant), sort them by valid date then recording order, and fold each stream with its
/// aggregate's Evolve. Slow (it refolds everything per question); the benchmarks use it as the naive peer of the
/// in-memory store's indexes (<see cref="InMemoryBenchmarks"/>).
/// </summary>
/// <remarks>
/// It is not an independent check: it shares <see cref="AsOfQuery.Includes"/>, every aggregate's Evolve and
/// <see cref="FundingPortfolio.Of"/> with the in-memory store's projection, so agreeing with it proves only the
/// indexing. The tests check the projections and both stores against an oracle that shares none of that code
/// (IndependentOracle in the conformance suite; docs/projections.md).
/// </remarks>
internal sealed partial class ReferenceProjection
{
    private readonly RecordedEvent[] _events;

    /// <summary>Creates the projection over a set of recorded events, in any order.</summary>
    /// <param name="events">The events.</param>
    public ReferenceProjection(IEnumerable<RecordedEvent> events) => _events = [.. events];

    public FundingPortfolio Funding(AsOfQuery query) => OpenDisputes.Attach(Portfolio(query), Disputes(query));

    private FundingPortfolio Portfolio(AsOfQuery query) =>
        FundingPortfolio.Of(query, Fold<FundingCommitment>(query, AggregateKind.FundingCommitment, FundingCommitment.Evolve).Select(CommitmentPosition.Of));

    public FundingPortfolio FundingOf(string recipient, AsOfQuery query)
    {
        return OpenDisputes.Attach(FundingPortfolio.Of(query, Portfolio(query).Commitments.Where(c => c.Recipient == recipient)), Disputes(query));
    }

    public RecruitmentSummary Recruitment(AsOfQuery query) => OpenDisputes.Attach(Summary(query), Disputes(query));

    private RecruitmentSummary Summary(AsOfQuery query) =>
        RecruitmentSummary.Of(query, Fold<RecruitmentTarget>(query, AggregateKind.RecruitmentTarget, RecruitmentTarget.Evolve).Select(TargetPosition.Of));

    public IReadOnlyList<Legislation> Legislation(AsOfQuery query) =>
        [.. Fold<Legislation>(query, AggregateKind.Legislation, Domain.Legislative.Legislation.Evolve).OrderBy(l => l.LegislationId, StringComparer.Ordinal)];

    public IReadOnlyList<Domain.Disputes.Dispute> Disputes(AsOfQuery query, string? subjectId = null) =>
        [.. Fold<Domain.Disputes.Dispute>(query, AggregateKind.Dispute, Domain.Disputes.Dispute.Evolve)
            .Where(d => subjectId is null || d.SubjectIds.Contains(subjectId)).OrderBy(d => d.DisputeId, StringComparer.Ordinal)];

    public CommandOverview? Command(string commandId, AsOfQuery query)
    {
        var command = Counting(query).Where(e => e.StreamId == commandId)
            .Aggregate((Command?)null, (state, e) => Domain.Commands.Command.Evolve(state, e.Data));
        return OpenDisputes.Attach(Composition.Overview(command, query, Portfolio(query), Summary(query)), Disputes(query));
    }

    public IReadOnlyList<TimelineEntry> Timeline(AsOfQuery query) => [.. Counting(query).Select(TimelineEntry.Of)];

    public IReadOnlyList<SeriesPoint<FundingSeriesValue>> FundingSeries(string? recipient, AsOfQuery query) =>
        Series.Of(DatesOf(AggregateKind.FundingCommitment, query), date =>
        {
            var portfolio = Portfolio(query with { AsOf = date });
            return FundingSeriesValue.Of(recipient is null ? portfolio.Totals : portfolio.For(recipient).Totals);
        }, FundingSeriesValue.None);

    public IReadOnlyList<SeriesPoint<int>> HeadcountSeries(string? organisation, AsOfQuery query) =>
        Series.Of(DatesOf(AggregateKind.RecruitmentTarget, query), date =>
        {
            var summary = Summary(query with { AsOf = date });
            return organisation is null ? summary.Target : summary.For(organisation).Target;
        }, 0);

    private IEnumerable<RecordedEvent> Counting(AsOfQuery query) =>
        _events.Where(query.Includes).Order(Comparer<RecordedEvent>.Create(Composition.CompareValidThenRecorded));

    private IEnumerable<TState> Fold<TState>(AsOfQuery query, AggregateKind kind, Func<TState?, IBorderSecurityEvent, TState?> evolve)
        where TState : class =>
        Counting(query)
            .Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == kind)
            .GroupBy(e => e.StreamId)
            .Select(stream => stream.Aggregate((TState?)null, (state, e) => evolve(state, e.Data)))
            .OfType<TState>();

    private IEnumerable<LocalDate> DatesOf(AggregateKind kind, AsOfQuery query) =>
        _events.Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == kind && query.Knows(e.KnownFrom, e.RecordedAt) && e.ValidOn <= query.AsOf)
            .Select(e => e.ValidOn);
}
