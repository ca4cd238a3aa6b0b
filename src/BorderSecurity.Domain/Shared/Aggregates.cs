using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Shared;

/// <summary>
/// Every aggregate's registration (<see cref="AggregateRegistration"/>), and the lookups every catalogue is derived from.
/// The only list of aggregates in the model.
/// </summary>
internal static class Aggregates
{
    /// <summary>Every aggregate, in catalogue order.</summary>
    public static IReadOnlyList<AggregateRegistration> All { get; } =
    [
        CommandAggregate.Registration,
        FundingCommitmentAggregate.Registration,
        RecruitmentTargetAggregate.Registration,
        LegislationAggregate.Registration,
        DisputeAggregate.Registration,
        OutcomeIndicatorAggregate.Registration,
        PledgeAggregate.Registration,
    ];

    /// <summary>Every event type's parts, by type.</summary>
    public static IReadOnlyDictionary<Type, EventRegistration> Events { get; } = All.SelectMany(a => a.Events).ToDictionary(e => e.Type);

    private static readonly Dictionary<AggregateKind, AggregateRegistration> ByKind = All.ToDictionary(a => a.Kind);

    /// <summary>The registration of an aggregate.</summary>
    /// <param name="kind">The aggregate's kind.</param>
    /// <returns>Its registration.</returns>
    public static AggregateRegistration Of(AggregateKind kind) => ByKind[kind];

    /// <summary>The registration of the aggregate a request belongs to, or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>Its aggregate's registration.</returns>
    public static AggregateRegistration? OfRequest(IBorderSecurityRequest request) =>
        All.FirstOrDefault(a => a.RequestInterface.IsInstanceOfType(request));

    /// <summary>An event's parts.</summary>
    /// <param name="e">The event.</param>
    /// <returns>Its registration.</returns>
    /// <exception cref="ArgumentException">The event's type is not of the model.</exception>
    public static EventRegistration Of(IBorderSecurityEvent e) =>
        Events.TryGetValue(Guard.Against.Null(e).GetType(), out var registration)
            ? registration
            : throw new ArgumentException($"{e.GetType().Name} is not an event type of the model.", nameof(e));

    /// <summary>The Act a request refers to, folded from the referenced stream's legislation events (<see langword="null"/> when none).</summary>
    /// <param name="referenced">The referenced stream's events.</param>
    /// <returns>The Act.</returns>
    public static Legislation? ReferencedAct(IEnumerable<IBorderSecurityEvent> referenced) =>
        (Legislation?)Of(AggregateKind.Legislation).Fold(referenced.Where(e => Of(e).Aggregate == AggregateKind.Legislation));

    /// <summary>The aggregate the referenced stream holds (<see langword="null"/> when it does not exist).</summary>
    /// <param name="referenced">The referenced stream's events.</param>
    /// <returns>Its kind.</returns>
    public static AggregateKind? ReferencedKind(IEnumerable<IBorderSecurityEvent> referenced) =>
        referenced.FirstOrDefault() is { } first ? Of(first).Aggregate : null;

    /// <summary>The aggregate each referenced stream holds, by stream id (a stream with no events is not named).</summary>
    /// <param name="referenced">The referenced streams' events.</param>
    /// <returns>Each stream's kind, from its first event.</returns>
    public static IReadOnlyDictionary<string, AggregateKind> ReferencedKinds(IEnumerable<IBorderSecurityEvent> referenced)
    {
        var kinds = new Dictionary<string, AggregateKind>(StringComparer.Ordinal);
        foreach (var e in referenced)
        {
            kinds.TryAdd(e.StreamId, Of(e).Aggregate);
        }

        return kinds;
    }
}
