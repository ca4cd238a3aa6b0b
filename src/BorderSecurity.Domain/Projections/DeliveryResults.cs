using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Pledges;

namespace BorderSecurity.Domain.Projections;

/// <summary>One outcome indicator as of a question, with the disputes open about it.</summary>
/// <param name="Query">The question.</param>
/// <param name="Indicator">
/// The indicator as of the question: the values whose period ended by its date (a value is dated its period's last day),
/// each with every release known at its instant, the first release first (<see cref="OutcomeValue.First"/>,
/// <see cref="OutcomeValue.Latest"/>, <see cref="OutcomeValue.Revisions"/>); in period order, the indicator's series.
/// </param>
public sealed record IndicatorOverview(AsOfQuery Query, OutcomeIndicator Indicator)
{
    /// <summary>The indicator's stream id.</summary>
    public string IndicatorId => Indicator.IndicatorId;

    /// <summary>The disputes open for the question about the indicator, in dispute-id order. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}

/// <summary>One pledge as of a question, with the disputes open about it.</summary>
/// <param name="Query">The question.</param>
/// <param name="Pledge">
/// The pledge as of the question: what was promised, what delivers it, and every verdict that counts (dated by the question's
/// date, known at its instant), by date: <see cref="Pledges.Pledge.Verdicts"/> is the verdict history,
/// <see cref="Pledges.Pledge.LatestVerdict"/> the one that stands.
/// </param>
public sealed record PledgeOverview(AsOfQuery Query, Pledge Pledge)
{
    /// <summary>The pledge's stream id.</summary>
    public string PledgeId => Pledge.PledgeId;

    /// <summary>The disputes open for the question about the pledge, in dispute-id order. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}
