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
        new PledgeFunding
        {
            CommitmentId = new(Id),
            Recipient = new(Bsc),
            Amount = amount,
            Basis = FundingBasis.Firm,
            OriginName = "Autumn Budget 2024",
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        };

    [Fact]
    public void PledgingNewMoneyRecordsThePledge() =>
        Given().When(Pledge(M(75))).Then(Pledged);

    private static readonly BorderSecurity.Domain.Legislative.EnactedLegislationRecorded Ima =
        new("legislation:ima", "Illegal Migration Act 2023", new LocalDate(2023, 7, 20), Cited);

    [Fact]
    public void RedirectingMoneyFromAnActRecordsTheRedirect() =>
        Given().Referencing(Ima).When(new RedirectFunding
        {
            CommitmentId = new(Id),
            Recipient = new(Bsc),
            Amount = M(75),
            Basis = FundingBasis.UpTo,
            FromProgramme = "Illegal Migration Act 2023",
            FromLegislationId = new("legislation:ima"),
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "Home Secretary",
            ValidOn = On(9, 17),
            Provenance = Cited,
        }).Then(Redirected);

    [Fact]
    public void RedirectingFromLegislationThatIsNotRecordedIsRejected() =>
        Given().When(new RedirectFunding
        {
            CommitmentId = new(Id),
            Recipient = new(Bsc),
            Amount = M(75),
            Basis = FundingBasis.UpTo,
            FromProgramme = "Illegal Migration Act 2023",
            FromLegislationId = new("legislation:ima"),
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "Home Secretary",
            ValidOn = On(9, 17),
            Provenance = Cited,
        }).ThenBreaks("ProgrammeMustBeAnEnactedAct");

    [Fact]
    public void RedirectingFromABillNotYetAnActIsRejected() =>
        Given().Referencing(new BorderSecurity.Domain.Legislative.LegislationAnnounced("legislation:ima", "A Bill", "King's Speech", On(7, 17), Cited))
            .When(new RedirectFunding
            {
                CommitmentId = new(Id),
                Recipient = new(Bsc),
                Amount = M(75),
                Basis = FundingBasis.UpTo,
                FromProgramme = "A Bill",
                FromLegislationId = new("legislation:ima"),
                Period = TwoYears,
                Purpose = "Technology",
                AnnouncedBy = "Home Secretary",
                ValidOn = On(9, 17),
                Provenance = Cited,
            }).ThenBreaks("ProgrammeMustBeAnEnactedAct");

    [Fact]
    public void PledgingTheSameCommitmentTwiceIsRejected() =>
        Given(Pledged).When(Pledge(M(75))).ThenBreaks("CommitmentAlreadyExists");

    [Fact]
    public void RedirectingIntoAnExistingCommitmentIsRejected() =>
        Given(Pledged).When(new RedirectFunding
        {
            CommitmentId = new(Id),
            Recipient = new(Bsc),
            Amount = M(75),
            Basis = FundingBasis.UpTo,
            FromProgramme = "Illegal Migration Act 2023",
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "Home Secretary",
            ValidOn = On(9, 17),
            Provenance = Cited,
        }).ThenBreaks("CommitmentAlreadyExists");

    [Fact]
    public void PledgingZeroIsRejectedNamingTheAmount() =>
        Given().When(Pledge(Money.Zero)).ThenRejectsArgument("Amount");

    [Fact]
    public void PledgingWithoutARecipientIsRejectedNamingTheRecipient() =>
        Given().When(Pledge(M(1)) with { Recipient = null! }).ThenRejectsArgument("Recipient");

    [Fact]
    public void ABlankRecipientIsNoOrganisation() =>
        FluentActions.Invoking(() => new Organisation(" ")).Should().Throw<ArgumentException>();

    [Fact]
    public void PledgingWithAnUndefinedBasisIsRejectedNamingTheBasis() =>
        Given().When(Pledge(M(1)) with { Basis = (FundingBasis)7 }).ThenRejectsArgument("Basis");

    [Fact]
    public void PledgingWithoutAStreamIdIsRejectedNamingTheId() =>
        Given().When(Pledge(M(1)) with { CommitmentId = null! }).ThenRejectsArgument("StreamId");

    [Fact]
    public void AMalformedIdIsNoCommitmentIdAndNoLegislationId()
    {
        FluentActions.Invoking(() => new CommitmentId("Funding X!")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new BorderSecurity.Domain.Legislative.LegislationId("Not An Id")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AllocatingToACommitmentThatDoesNotExistIsRejected() =>
        Given().When(new AllocateFunding
        {
            CommitmentId = new(Id),
            Capability = "Cameras",
            Amount = M(10),
            ValidOn = On(11, 5),
            Provenance = Cited,
        }).ThenBreaks("CommitmentMustExist");

    [Fact]
    public void AllocatingPartOfACommitmentRecordsTheAllocation() =>
        Given(Pledged).When(new AllocateFunding
        {
            CommitmentId = new(Id),
            Capability = "Cameras",
            Amount = M(10),
            ValidOn = On(11, 5),
            Provenance = Cited,
        })
            .Then(new FundingAllocated(Id, "Cameras", M(10), On(11, 5), Cited));

    [Fact]
    public void AllocatingMoreThanTheCommitmentIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new AllocateFunding
            {
                CommitmentId = new(Id),
                Capability = "Intelligence unit",
                Amount = M(25.01m),
                ValidOn = On(11, 6),
                Provenance = Cited,
            })
            .ThenBreaks("AllocationsCannotExceedCommitment");

    [Fact]
    public void ABackFilledAllocationMustFitTheAmountOnItsOwnDateNotJustToday() =>
        Given(Pledged, new FundingRevised(Id, M(150), "Doubled", On(12, 1), Cited))
            .When(new AllocateFunding
            {
                CommitmentId = new(Id),
                Capability = "Cameras",
                Amount = M(100),
                ValidOn = On(11, 20),
                Provenance = Cited,
            })
            .ThenBreaks("AllocationsCannotExceedCommitment");

    [Fact]
    public void ReallocatingACapabilityReplacesItsEarlierAllocation() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new AllocateFunding
            {
                CommitmentId = new(Id),
                Capability = "Cameras",
                Amount = M(75),
                ValidOn = On(11, 6),
                Provenance = Cited,
            })
            .Then(new FundingAllocated(Id, "Cameras", M(75), On(11, 6), Cited));

    [Fact]
    public void AllocatingTheSameCapabilityTwiceOnOneDateIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(10), On(11, 5), Cited))
            .When(new AllocateFunding
            {
                CommitmentId = new(Id),
                Capability = "Cameras",
                Amount = M(20),
                ValidOn = On(11, 5),
                Provenance = Cited,
            })
            .ThenBreaks("OneAllocationPerCapabilityPerDate");

    [Fact]
    public void AllocatingBeforeTheCommitmentWasMadeIsRejected() =>
        Given(Pledged).When(new AllocateFunding
        {
            CommitmentId = new(Id),
            Capability = "Cameras",
            Amount = M(10),
            ValidOn = On(11, 3),
            Provenance = Cited,
        }).ThenBreaks("NothingBeforeCommitment");

    [Fact]
    public void AllocatingFromAWithdrawnCommitmentIsRejected() =>
        Given(Pledged, new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited))
            .When(new AllocateFunding
            {
                CommitmentId = new(Id),
                Capability = "Cameras",
                Amount = M(10),
                ValidOn = On(11, 5),
                Provenance = Cited,
            })
            .ThenBreaks("CommitmentWithdrawn");

    [Fact]
    public void RevisingTheAmountRecordsTheRevision() =>
        Given(Pledged).When(new ReviseFunding
        {
            CommitmentId = new(Id),
            RevisedAmount = M(60),
            Reason = "Spending review",
            ValidOn = On(12, 1),
            Provenance = Cited,
        })
            .Then(new FundingRevised(Id, M(60), "Spending review", On(12, 1), Cited));

    [Fact]
    public void RevisingOnTheCommitmentsOwnDateIsRejected() =>
        Given(Pledged).When(new ReviseFunding
        {
            CommitmentId = new(Id),
            RevisedAmount = M(60),
            Reason = "Typo",
            ValidOn = On(11, 4),
            Provenance = Cited,
        }).ThenBreaks("RevisionMustFollowCommitment");

    [Fact]
    public void RevisingTwiceOnOneDateIsRejected() =>
        Given(Pledged, new FundingRevised(Id, M(60), "Review", On(12, 1), Cited))
            .When(new ReviseFunding
            {
                CommitmentId = new(Id),
                RevisedAmount = M(50),
                Reason = "Review again",
                ValidOn = On(12, 1),
                Provenance = Cited,
            })
            .ThenBreaks("OneRevisionPerDate");

    [Fact]
    public void RevisingToTheSameAmountIsRejected() =>
        Given(Pledged).When(new ReviseFunding
        {
            CommitmentId = new(Id),
            RevisedAmount = M(75),
            Reason = "No change",
            ValidOn = On(12, 1),
            Provenance = Cited,
        }).ThenBreaks("RevisionChangesNothing");

    [Fact]
    public void RevisingBelowWhatIsAllocatedIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new ReviseFunding
            {
                CommitmentId = new(Id),
                RevisedAmount = M(40),
                Reason = "Cut",
                ValidOn = On(12, 1),
                Provenance = Cited,
            })
            .ThenBreaks("RevisionBelowAllocations");

    [Fact]
    public void RevisingAWithdrawnCommitmentIsRejected() =>
        Given(Pledged, new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited))
            .When(new ReviseFunding
            {
                CommitmentId = new(Id),
                RevisedAmount = M(40),
                Reason = "Cut",
                ValidOn = On(12, 2),
                Provenance = Cited,
            })
            .ThenBreaks("CommitmentWithdrawn");

    [Fact]
    public void CorrectingTheAmountRestatesItOnTheCommitmentsOwnDate() =>
        Given(Pledged).When(new CorrectFundingAmount
        {
            CommitmentId = new(Id),
            CorrectedAmount = M(70),
            Reason = "Misreported",
            Provenance = CitedElsewhere,
        })
            .Then(new FundingAmountCorrected(Id, M(70), "Misreported", On(11, 4), CitedElsewhere));

    [Fact]
    public void CorrectingToTheAmountAlreadyRecordedIsRejected() =>
        Given(Pledged).When(new CorrectFundingAmount
        {
            CommitmentId = new(Id),
            CorrectedAmount = M(75),
            Reason = "Same",
            Provenance = CitedElsewhere,
        }).ThenBreaks("CorrectionChangesNothing");

    [Fact]
    public void CorrectingBelowWhatIsAllocatedIsRejected() =>
        Given(Pledged, new FundingAllocated(Id, "Cameras", M(50), On(11, 5), Cited))
            .When(new CorrectFundingAmount
            {
                CommitmentId = new(Id),
                CorrectedAmount = M(40),
                Reason = "Misreported",
                Provenance = CitedElsewhere,
            })
            .ThenBreaks("CorrectionBelowAllocations");

    [Fact]
    public void WithdrawingRecordsTheWithdrawal() =>
        Given(Pledged).When(new WithdrawFunding
        {
            CommitmentId = new(Id),
            Reason = "Cancelled",
            ValidOn = On(12, 1),
            Provenance = Cited,
        })
            .Then(new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited));

    [Fact]
    public void WithdrawingTwiceIsRejected() =>
        Given(Pledged, new FundingWithdrawn(Id, "Cancelled", On(12, 1), Cited))
            .When(new WithdrawFunding { CommitmentId = new(Id), Reason = "Again", ValidOn = On(12, 2), Provenance = Cited })
            .ThenBreaks("CommitmentWithdrawn");

    [Fact]
    public void WithdrawingBeforeTheCommitmentWasMadeIsRejected() =>
        Given(Pledged).When(new WithdrawFunding
        {
            CommitmentId = new(Id),
            Reason = "Cancelled",
            ValidOn = On(1, 1),
            Provenance = Cited,
        }).ThenBreaks("NothingBeforeCommitment");

    [Fact]
    public void ReannouncingRecordsTheNewSourceAndNoMoney() =>
        Given(Redirected).When(new ReannounceFunding
        {
            CommitmentId = new(Id),
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = CitedElsewhere,
        })
            .Then(new FundingReannounced(Id, "PM", On(11, 4), CitedElsewhere));

    [Fact]
    public void ReannouncingBeforeTheCommitmentWasMadeIsRejected() =>
        Given(Redirected).When(new ReannounceFunding
        {
            CommitmentId = new(Id),
            AnnouncedBy = "PM",
            ValidOn = On(9, 1),
            Provenance = CitedElsewhere,
        }).ThenBreaks("NothingBeforeCommitment");

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
