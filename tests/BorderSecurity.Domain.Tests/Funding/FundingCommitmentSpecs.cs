using BorderSecurity.Domain.Funding;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Funding;

public class FundingCommitmentSpecs
{
    private const string Id = "funding:test";
    private const string Bsc = "Border Security Command";

    private static readonly FundingPledged Pledged =
        new(Id, Bsc, M(75), FundingBasis.Firm, "Autumn Budget 2024", TwoYears, "Technology", "PM", On(11, 4), Cited);

    private static readonly FundingRedirected Redirected =
        new(Id, Bsc, M(75), FundingBasis.UpTo, "Illegal Migration Act 2023", "legislation:ima", TwoYears, "Technology", "Home Secretary", On(9, 17), Cited);

    private static PledgeFunding Pledge(Money amount) =>
        new(Id, Bsc, amount, FundingBasis.Firm, "Autumn Budget 2024", TwoYears, "Technology", "PM", On(11, 4), Cited);

    [Fact]
    public void PledgingNewMoneyRecordsThePledge() =>
        Given().When(Pledge(M(75))).Then(Pledged);

    private static readonly BorderSecurity.Domain.Legislative.EnactedLegislationRecorded Ima =
        new("legislation:ima", "Illegal Migration Act 2023", new LocalDate(2023, 7, 20), Cited);

    [Fact]
    public void RedirectingMoneyFromAnActRecordsTheRedirect() =>
        Given().Referencing(Ima).When(new RedirectFunding(Id, Bsc, M(75), FundingBasis.UpTo, "Illegal Migration Act 2023", "legislation:ima", TwoYears,
            "Technology", "Home Secretary", On(9, 17), Cited)).Then(Redirected);

    [Fact]
    public void RedirectingFromLegislationThatIsNotRecordedIsRejected() =>
        Given().When(new RedirectFunding(Id, Bsc, M(75), FundingBasis.UpTo, "Illegal Migration Act 2023", "legislation:ima", TwoYears,
            "Technology", "Home Secretary", On(9, 17), Cited)).ThenBreaks("ProgrammeMustBeAnEnactedAct");

    [Fact]
    public void RedirectingFromABillNotYetAnActIsRejected() =>
        Given().Referencing(new BorderSecurity.Domain.Legislative.LegislationAnnounced("legislation:ima", "A Bill", "King's Speech", On(7, 17), Cited))
            .When(new RedirectFunding(Id, Bsc, M(75), FundingBasis.UpTo, "A Bill", "legislation:ima", TwoYears,
                "Technology", "Home Secretary", On(9, 17), Cited)).ThenBreaks("ProgrammeMustBeAnEnactedAct");

    [Fact]
    public void PledgingTheSameCommitmentTwiceIsRejected() =>
        Given(Pledged).When(Pledge(M(75))).ThenBreaks("CommitmentAlreadyExists");

    [Fact]
    public void RedirectingIntoAnExistingCommitmentIsRejected() =>
        Given(Pledged).When(new RedirectFunding(Id, Bsc, M(75), FundingBasis.UpTo, "Illegal Migration Act 2023", null, TwoYears,
            "Technology", "Home Secretary", On(9, 17), Cited)).ThenBreaks("CommitmentAlreadyExists");

    [Fact]
    public void PledgingZeroIsRejectedNamingTheAmount() =>
        Given().When(Pledge(Money.Zero)).ThenRejectsArgument("Amount");

    [Fact]
    public void PledgingWithABlankRecipientIsRejectedNamingTheRecipient() =>
        Given().When(Pledge(M(1)) with { Recipient = " " }).ThenRejectsArgument("Recipient");

    [Fact]
    public void PledgingWithAnUndefinedBasisIsRejectedNamingTheBasis() =>
        Given().When(Pledge(M(1)) with { Basis = (FundingBasis)7 }).ThenRejectsArgument("Basis");

    [Fact]
    public void PledgingToAMalformedStreamIdIsRejectedNamingTheId() =>
        Given().When(Pledge(M(1)) with { CommitmentId = "Funding X!" }).ThenRejectsArgument("StreamId");

    [Fact]
    public void RedirectingFromAMalformedLegislationIdIsRejected() =>
        Given().When(new RedirectFunding(Id, Bsc, M(75), FundingBasis.UpTo, "Illegal Migration Act 2023", "Not An Id", TwoYears,
            "Technology", "Home Secretary", On(9, 17), Cited)).ThenRejectsArgument("FromLegislationId");

    [Fact]
    public void AllocatingToACommitmentThatDoesNotExistIsRejected() =>
        Given().When(new AllocateFunding(Id, "Cameras", M(10), On(11, 5), Cited)).ThenBreaks("CommitmentMustExist");

    [Fact]
    public void AllocatingPartOfACommitmentRecordsTheAllocation() =>
        Given(Pledged).When(new AllocateFunding(Id, "Cameras", M(10), On(11, 5), Cited))
            .Then(new FundingAllocated(Id, "Cameras", M(10), On(11, 5), Cited));

    [Fact]
    public void AllocatingMoreThanTheCommitmentIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new AllocateFunding(Id, "Intelligence unit", M(25.01m), On(11, 6), Cited))
            .ThenBreaks("AllocationsCannotExceedCommitment");

    [Fact]
    public void ABackFilledAllocationMustFitTheAmountOnItsOwnDateNotJustToday() =>
        Given(Pledged, new FundingRevised(Id, M(150), "Doubled", On(12, 1), Cited))
            .When(new AllocateFunding(Id, "Cameras", M(100), On(11, 20), Cited))
            .ThenBreaks("AllocationsCannotExceedCommitment");

    [Fact]
    public void ReallocatingACapabilityReplacesItsEarlierAllocation() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new AllocateFunding(Id, "Cameras", M(75), On(11, 6), Cited))
            .Then(new FundingAllocated(Id, "Cameras", M(75), On(11, 6), Cited));

    [Fact]
    public void AllocatingTheSameCapabilityTwiceOnOneDateIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(10), On(11, 5), Cited))
            .When(new AllocateFunding(Id, "Cameras", M(20), On(11, 5), Cited))
            .ThenBreaks("OneAllocationPerCapabilityPerDate");

    [Fact]
    public void AllocatingBeforeTheCommitmentWasMadeIsRejected() =>
        Given(Pledged).When(new AllocateFunding(Id, "Cameras", M(10), On(11, 3), Cited)).ThenBreaks("NothingBeforeCommitment");

    [Fact]
    public void AllocatingFromAWithdrawnCommitmentIsRejected() =>
        Given(Pledged, new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited))
            .When(new AllocateFunding(Id, "Cameras", M(10), On(11, 5), Cited))
            .ThenBreaks("CommitmentWithdrawn");

    [Fact]
    public void RevisingTheAmountRecordsTheRevision() =>
        Given(Pledged).When(new ReviseFunding(Id, M(60), "Spending review", On(12, 1), Cited))
            .Then(new FundingRevised(Id, M(60), "Spending review", On(12, 1), Cited));

    [Fact]
    public void RevisingOnTheCommitmentsOwnDateIsRejected() =>
        Given(Pledged).When(new ReviseFunding(Id, M(60), "Typo", On(11, 4), Cited)).ThenBreaks("RevisionMustFollowCommitment");

    [Fact]
    public void RevisingTwiceOnOneDateIsRejected() =>
        Given(Pledged, new FundingRevised(Id, M(60), "Review", On(12, 1), Cited))
            .When(new ReviseFunding(Id, M(50), "Review again", On(12, 1), Cited))
            .ThenBreaks("OneRevisionPerDate");

    [Fact]
    public void RevisingToTheSameAmountIsRejected() =>
        Given(Pledged).When(new ReviseFunding(Id, M(75), "No change", On(12, 1), Cited)).ThenBreaks("RevisionChangesNothing");

    [Fact]
    public void RevisingBelowWhatIsAllocatedIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new ReviseFunding(Id, M(40), "Cut", On(12, 1), Cited))
            .ThenBreaks("RevisionBelowAllocations");

    [Fact]
    public void RevisingAWithdrawnCommitmentIsRejected() =>
        Given(Pledged, new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited))
            .When(new ReviseFunding(Id, M(40), "Cut", On(12, 2), Cited))
            .ThenBreaks("CommitmentWithdrawn");

    [Fact]
    public void CorrectingTheAmountRestatesItOnTheCommitmentsOwnDate() =>
        Given(Pledged).When(new CorrectFundingAmount(Id, M(70), "Misreported", CitedElsewhere))
            .Then(new FundingAmountCorrected(Id, M(70), "Misreported", On(11, 4), CitedElsewhere));

    [Fact]
    public void CorrectingToTheAmountAlreadyRecordedIsRejected() =>
        Given(Pledged).When(new CorrectFundingAmount(Id, M(75), "Same", CitedElsewhere)).ThenBreaks("CorrectionChangesNothing");

    [Fact]
    public void CorrectingBelowWhatIsAllocatedIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new CorrectFundingAmount(Id, M(40), "Misreported", CitedElsewhere))
            .ThenBreaks("CorrectionBelowAllocations");

    [Fact]
    public void WithdrawingRecordsTheWithdrawal() =>
        Given(Pledged).When(new WithdrawFunding(Id, "Cancelled", On(12, 1), Cited))
            .Then(new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited));

    [Fact]
    public void WithdrawingTwiceIsRejected() =>
        Given(Pledged, new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited))
            .When(new WithdrawFunding(Id, "Again", On(12, 2), Cited))
            .ThenBreaks("CommitmentWithdrawn");

    [Fact]
    public void WithdrawingBeforeTheCommitmentWasMadeIsRejected() =>
        Given(Pledged).When(new WithdrawFunding(Id, "Cancelled", On(1, 1), Cited)).ThenBreaks("NothingBeforeCommitment");

    [Fact]
    public void ReannouncingRecordsTheNewSourceAndNoMoney() =>
        Given(Redirected).When(new ReannounceFunding(Id, "PM", On(11, 4), CitedElsewhere))
            .Then(new FundingReannounced(Id, "PM", On(11, 4), CitedElsewhere));

    [Fact]
    public void ReannouncingBeforeTheCommitmentWasMadeIsRejected() =>
        Given(Redirected).When(new ReannounceFunding(Id, "PM", On(9, 1), CitedElsewhere)).ThenBreaks("NothingBeforeCommitment");

    [Fact]
    public void ALaterRevisionSurvivesABackFilledCorrectionOfTheOriginalAmount()
    {
        var state = new IBorderSecurityEvent[]
        {
            Pledged,
            new FundingRevised(Id, M(60), "Review", On(12, 1), Cited),
            new FundingAmountCorrected(Id, M(70), "Misreported", On(11, 4), CitedElsewhere),
        }.Aggregate((FundingCommitment?)null, FundingCommitment.Evolve)!;

        state.Should().BeEquivalentTo(new { Amount = M(60), OriginalAmount = M(70), AmountStatedOn = On(12, 1) });
    }
}
