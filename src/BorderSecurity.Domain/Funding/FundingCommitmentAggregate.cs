namespace BorderSecurity.Domain.Funding;

/// <summary>The funding commitment, registered once: its requests, decider, evolve, and each event's wire name, statements, description and old shapes.</summary>
internal static class FundingCommitmentAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>).</summary>
    public static AggregateRegistration<FundingCommitment, IFundingRequest> Registration { get; } =
        new AggregateRegistration<FundingCommitment, IFundingRequest>(AggregateKind.FundingCommitment, FundingCommitment.Evolve,
                (state, request, referenced) => FundingCommitmentDecider.Decide(state, request, Aggregates.ReferencedAct(referenced)))
            .Requests(typeof(PledgeFunding), typeof(RedirectFunding), typeof(AllocateFunding), typeof(ReviseFunding), typeof(CorrectFundingAmount),
                typeof(WithdrawFunding), typeof(ReannounceFunding), typeof(ReviseFundingPeriod), typeof(CorrectFundingPeriod))
            .Refers<RedirectFunding>(r => r.FromLegislationId)
            .Event<FundingPledged>(
                e => $"{e.Amount}{Ceiling(e.Basis)} pledged to {e.Recipient} ({new FundingOrigin(FundingOriginKind.NewMoney, e.OriginName).Label}) by {e.AnnouncedBy}",
                e => [new(Figures.Created, "", null), new(Figures.Amount, "", e.Amount.Pounds), new(Figures.Period, "", null)])
            .Event<FundingRedirected>(
                e => $"{e.Amount}{Ceiling(e.Basis)} redirected from {e.FromProgramme} to {e.Recipient} by {e.AnnouncedBy}",
                e => [new(Figures.Created, "", null), new(Figures.Amount, "", e.Amount.Pounds), new(Figures.Period, "", null)])
            .Event<FundingAllocated>(
                e => $"{e.Amount} of {e.CommitmentId} allocated to {e.Capability}",
                e => [new(Figures.Allocation, e.Capability, e.Amount.Pounds)])
            .Event<FundingRevised>(
                e => $"{e.CommitmentId} revised to {e.RevisedAmount}: {e.Reason}",
                e => [new(Figures.Amount, "", e.RevisedAmount.Pounds)])
            .Event<FundingAmountCorrected>(
                e => $"{e.CommitmentId} corrected to {e.CorrectedAmount}: {e.Reason}",
                e => [new(Figures.Amount, "", e.CorrectedAmount.Pounds)])
            .Event<FundingWithdrawn>(
                e => $"{e.CommitmentId} withdrawn: {e.Reason}",
                e => [new(Figures.Withdrawn, "", 1m)])
            .Event<FundingReannounced>(
                e => $"{e.CommitmentId} re-announced by {e.AnnouncedBy} (no new money)",
                States.Nothing)
            .Event<FundingPeriodRevised>(
                e => $"{e.CommitmentId} now covers {e.Period.Description}: {e.Reason}",
                e => [new(Figures.Period, "", null)])
            .Event<FundingPeriodCorrected>(
                e => $"{e.CommitmentId} corrected to cover {e.Period.Description}: {e.Reason}",
                e => [new(Figures.Period, "", null)])
            .LegacyEvent(LegacyEventShape.Of<FundingPledgedV1, FundingPledged>("funding.pledged.v1", old => old.Forward()))
            .LegacyEvent(LegacyEventShape.Of<FundingRedirectedV1, FundingRedirected>("funding.redirected.v1", old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<PledgeFundingV1, PledgeFunding>(untilFormat: 1, old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<RedirectFundingV1, RedirectFunding>(untilFormat: 1, old => old.Forward()));

    private static string Ceiling(FundingBasis basis) => basis == FundingBasis.UpTo ? " (up to)" : "";
}
