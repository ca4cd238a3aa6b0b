using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Changes;

/// <summary>
/// The one place that says what kind of change each event type is (<see cref="ChangeKind"/>) and which figure it
/// moves, if any (<see cref="FigureOf"/>). Both stores classify through it.
/// </summary>
public static class ChangeClassification
{
    /// <summary>The kind of change an event is: one kind per event type.</summary>
    /// <param name="event">The event.</param>
    /// <returns>Its kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="ArgumentException">The event's type has no kind (a new event type not yet classified here).</exception>
    public static ChangeKind Of(IBorderSecurityEvent @event) => Guard.Against.Null(@event) switch
    {
        FundingPledged or FundingRedirected => ChangeKind.New,
        FundingReannounced => ChangeKind.Reannouncement,
        FundingRevised => ChangeKind.Revision,
        FundingAmountCorrected or FundingPeriodCorrected => ChangeKind.Correction,
        FundingWithdrawn => ChangeKind.Withdrawal,
        FundingPeriodRevised or FundingAllocated => ChangeKind.CoverageChange,

        RecruitmentTargetSet => ChangeKind.New,
        RecruitmentTargetReannounced => ChangeKind.Reannouncement,
        RecruitmentTargetRevised => ChangeKind.Revision,
        RecruitmentTargetCorrected => ChangeKind.Correction,
        RecruitmentTargetAbandoned => ChangeKind.Withdrawal,
        RecruitmentProgressRecorded or RecruitmentTargetMet => ChangeKind.Progress,

        LegislationAnnounced or EnactedLegislationRecorded => ChangeKind.New,
        BillIntroduced or ParliamentaryStageCompleted or BillCarriedOver or BillEnded or RoyalAssentGranted or LegislationCommenced
            or LegislationRepealed => ChangeKind.StageOrCommencement,

        CommandEstablished => ChangeKind.New,
        CommandPowersConferred => ChangeKind.PowersConferred,
        CommandLeaderAppointed or AgencyJoinedCommand or AgencyLeftCommand or CommandUnitCreated or InternationalAgreementJoined => ChangeKind.CommandChange,

        DisputeRecorded => ChangeKind.DisputeOpened,
        DisputeResolved => ChangeKind.DisputeResolved,

        _ => throw new ArgumentException($"{@event.GetType().Name} has no change kind; classify it in ChangeClassification.Of.", nameof(@event)),
    };

    /// <summary>
    /// The figure an event moves or restates, whose value before and after a change answers report: a commitment's
    /// amount (<see cref="Figures.Amount"/>), an allocation to a capability (<see cref="Figures.Allocation"/>, the
    /// capability as dimension), a target's headcount (<see cref="Figures.Headcount"/>) or people in post
    /// (<see cref="Figures.InPost"/>); none for events about no figure.
    /// </summary>
    /// <param name="event">The event.</param>
    /// <returns>The figure and its dimension, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    public static (string Figure, string Dimension)? FigureOf(IBorderSecurityEvent @event) => Guard.Against.Null(@event) switch
    {
        FundingPledged or FundingRedirected or FundingReannounced or FundingRevised or FundingAmountCorrected or FundingWithdrawn
            or FundingPeriodRevised or FundingPeriodCorrected => (Figures.Amount, ""),
        FundingAllocated a => (Figures.Allocation, a.Capability),
        RecruitmentTargetSet or RecruitmentTargetReannounced or RecruitmentTargetRevised or RecruitmentTargetCorrected
            or RecruitmentTargetAbandoned => (Figures.Headcount, ""),
        RecruitmentProgressRecorded or RecruitmentTargetMet => (Figures.InPost, ""),
        _ => null,
    };
}
