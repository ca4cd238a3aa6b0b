using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Funding;

/// <summary>The funding commitment, registered once: its requests, decider, evolve, and each event's wire name, statements, description and old shapes.</summary>
internal static class FundingCommitmentAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>).</summary>
    public static AggregateRegistration<FundingCommitment, IFundingRequest> Registration { get; } =
        new AggregateRegistration<FundingCommitment, IFundingRequest>(AggregateKind.FundingCommitment, FundingCommitment.Evolve,
                (state, request, referenced) => FundingCommitmentDecider.Decide(state, request, Aggregates.ReferencedAct(referenced)))
            .Requests(typeof(PledgeFunding), typeof(RedirectFunding), typeof(AllocateFunding), typeof(ReviseFunding), typeof(CorrectFundingAmount),
                typeof(WithdrawFunding), typeof(ReannounceFunding), typeof(ReviseFundingPeriod), typeof(CorrectFundingPeriod), typeof(ReportSpending))
            .Refers<RedirectFunding>(r => r.FromLegislationId)
            .Event<FundingPledged>(
                ChangeKind.New,
                e => $"{e.Amount}{Ceiling(e.Basis)} pledged to {e.Recipient} ({new FundingOrigin(FundingOriginKind.NewMoney, e.OriginName).Label}) by {e.AnnouncedBy}",
                e => [new(Figures.Created, "", null), new(Figures.Amount, "", e.Amount.Pounds), new(Figures.Period, "", null)],
                moves: Moves.Amount)
            .Event<FundingRedirected>(
                ChangeKind.New,
                e => $"{e.Amount}{Ceiling(e.Basis)} redirected from {e.FromProgramme} to {e.Recipient} by {e.AnnouncedBy}",
                e => [new(Figures.Created, "", null), new(Figures.Amount, "", e.Amount.Pounds), new(Figures.Period, "", null)],
                moves: Moves.Amount)
            .Event<FundingAllocated>(
                ChangeKind.CoverageChange,
                e => $"{e.Amount} of {e.CommitmentId} allocated to {e.Capability}",
                e => [new(Figures.Allocation, e.Capability, e.Amount.Pounds)],
                moves: e => (Figures.Allocation, e.Capability))
            .Event<FundingRevised>(
                ChangeKind.Revision,
                e => $"{e.CommitmentId} revised to {e.RevisedAmount}: {e.Reason}",
                e => [new(Figures.Amount, "", e.RevisedAmount.Pounds)],
                moves: Moves.Amount)
            .Event<FundingAmountCorrected>(
                ChangeKind.Correction,
                e => $"{e.CommitmentId} corrected to {e.CorrectedAmount}: {e.Reason}",
                e => [new(Figures.Amount, "", e.CorrectedAmount.Pounds)],
                moves: Moves.Amount)
            .Event<FundingWithdrawn>(
                ChangeKind.Withdrawal,
                e => $"{e.CommitmentId} withdrawn: {e.Reason}",
                e => [new(Figures.Withdrawn, "", 1m)],
                moves: Moves.Amount)
            .Event<FundingReannounced>(
                ChangeKind.Reannouncement,
                e => $"{e.CommitmentId} re-announced by {e.AnnouncedBy} (no new money)",
                States.Nothing,
                moves: Moves.Amount)
            .Event<FundingPeriodRevised>(
                ChangeKind.CoverageChange,
                e => $"{e.CommitmentId} now covers {e.Period.Description}: {e.Reason}",
                e => [new(Figures.Period, "", null)],
                moves: Moves.Amount)
            .Event<FundingPeriodCorrected>(
                ChangeKind.Correction,
                e => $"{e.CommitmentId} corrected to cover {e.Period.Description}: {e.Reason}",
                e => [new(Figures.Period, "", null)],
                moves: Moves.Amount)
            .Event<SpendingReported>(
                ChangeKind.Spending,
                e => $"{e.Amount} {(e.Stage == SpendingStage.Outturn ? "spent" : "planned")} in {e.Year}{Kind(e.Kind)} against {e.CommitmentId}",
                e => [new(Figures.Spending, SpendingLine.KeyOf(e.Year, e.Stage, e.Kind), e.Amount.Pounds)],
                moves: e => (Figures.Spending, SpendingLine.KeyOf(e.Year, e.Stage, e.Kind)))
            .LegacyEvent(LegacyEventShape.Of<FundingPledgedV1, FundingPledged>("funding.pledged.v1", old => old.Forward()))
            .LegacyEvent(LegacyEventShape.Of<FundingRedirectedV1, FundingRedirected>("funding.redirected.v1", old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<PledgeFundingV1, PledgeFunding>(untilFormat: 1, old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<RedirectFundingV1, RedirectFunding>(untilFormat: 1, old => old.Forward()));

    private static string Kind(SpendingKind kind) => kind switch
    {
        SpendingKind.Resource => " (resource)",
        SpendingKind.Capital => " (capital)",
        _ => "",
    };

    private static string Ceiling(FundingBasis basis) => basis == FundingBasis.UpTo ? " (up to)" : "";
}
