using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Projections;

/// <summary>One-line, plain-English descriptions of events, for timelines.</summary>
public static class EventDescriptions
{
    /// <summary>Describes an event.</summary>
    /// <param name="event">The event.</param>
    /// <returns>A sentence, for example <c>£75,000,000.00 (up to) redirected from Illegal Migration Act 2023 to Border Security Command</c>.</returns>
    public static string Describe(IBorderSecurityEvent @event) => Guard.Against.Null(@event) switch
    {
        CommandEstablished e => $"{e.Name} established in the {e.ParentDepartment}",
        CommandLeaderAppointed e => $"{e.LeaderName}{(e.Honours is null ? "" : " " + e.Honours)} appointed {e.PostTitle}",
        AgencyJoinedCommand e => $"{e.Agency} coordinated by {e.CommandId}",
        AgencyLeftCommand e => $"{e.Agency} no longer coordinated by {e.CommandId}: {e.Reason}",
        CommandUnitCreated e => $"{e.UnitName} created: {e.Purpose}",
        CommandPowersConferred e => e.Provisions.Count == 0
            ? $"Powers conferred by {e.LegislationId}: {e.Powers}"
            : $"Powers conferred by {string.Join(", ", e.Provisions)} of {e.LegislationId}: {e.Powers}",
        InternationalAgreementJoined e => $"UK joins {e.Agreement}",
        FundingPledged e => $"{e.Amount}{Ceiling(e.Basis)} pledged to {e.Recipient} ({new FundingOrigin(FundingOriginKind.NewMoney, e.OriginName).Label}) by {e.AnnouncedBy}",
        FundingRedirected e => $"{e.Amount}{Ceiling(e.Basis)} redirected from {e.FromProgramme} to {e.Recipient} by {e.AnnouncedBy}",
        FundingAllocated e => $"{e.Amount} of {e.CommitmentId} allocated to {e.Capability}",
        FundingRevised e => $"{e.CommitmentId} revised to {e.RevisedAmount}: {e.Reason}",
        FundingAmountCorrected e => $"{e.CommitmentId} corrected to {e.CorrectedAmount}: {e.Reason}",
        FundingWithdrawn e => $"{e.CommitmentId} withdrawn: {e.Reason}",
        FundingReannounced e => $"{e.CommitmentId} re-announced by {e.AnnouncedBy} (no new money)",
        FundingPeriodRevised e => $"{e.CommitmentId} now covers {e.Period.Description}: {e.Reason}",
        FundingPeriodCorrected e => $"{e.CommitmentId} corrected to cover {e.Period.Description}: {e.Reason}",
        RecruitmentTargetSet e => $"Target of {e.Headcount} {e.Role} for {e.Organisation}{(e.Deadline is { } d ? $" by {d:yyyy-MM-dd}" : "")}",
        RecruitmentTargetReannounced e => $"{e.TargetId} re-announced by {e.AnnouncedBy} (no new heads)",
        RecruitmentTargetRevised e => $"{e.TargetId} revised to {e.RevisedHeadcount}: {e.Reason}",
        RecruitmentTargetCorrected e => $"{e.TargetId} corrected to {e.CorrectedHeadcount}: {e.Reason}",
        RecruitmentProgressRecorded e => $"{e.InPost} in post for {e.TargetId}",
        RecruitmentTargetMet e => $"{e.TargetId} met with {e.InPost} in post",
        RecruitmentTargetAbandoned e => $"{e.TargetId} abandoned: {e.Reason}",
        LegislationAnnounced e => $"{e.Title} announced in the {e.AnnouncedIn}",
        EnactedLegislationRecorded e => $"{e.Title} receives Royal Assent",
        BillIntroduced e => $"{e.Title} introduced in the {e.House}",
        ParliamentaryStageCompleted e => $"{e.LegislationId} completes {BillStages.NameOf(e.Stage, e.House)} in the {BillStages.NameOf(e.House)}",
        BillCarriedOver e => $"{e.LegislationId} carried over into session {e.IntoSession}",
        BillEnded e => $"{e.LegislationId} ended without Royal Assent: {e.How}",
        RoyalAssentGranted e => $"{e.ActTitle} receives Royal Assent",
        LegislationCommenced e => $"{e.LegislationId} commenced: {string.Join(", ", e.Provisions)}",
        LegislationRepealed e => $"{e.LegislationId} repealed by {e.RepealedBy}",
        Disputes.DisputeRecorded e => $"Sources disagree about the {e.Fact} of {e.SubjectId}: {string.Join(" / ", e.Sides.Select(side => side.Says))}",
        Disputes.DisputeResolved e => $"{e.DisputeId} resolved: {e.Resolution}",
        _ => @event.GetType().Name,
    };

    private static string Ceiling(FundingBasis basis) => basis == FundingBasis.UpTo ? " (up to)" : "";
}
