using BorderSecurity.Domain.Legislative;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Legislative;

public class LegislationSpecs
{
    private const string Id = "legislation:test-bill";
    private const string Commons = "House of Commons";
    private const ParliamentHouse C = ParliamentHouse.Commons;
    private const ParliamentHouse L = ParliamentHouse.Lords;

    private static readonly LegislationAnnounced Announced = new(Id, "Test Bill", "King's Speech 2024", On(7, 17), Cited);
    private static readonly BillIntroduced Introduced = new(Id, "Test Bill", Commons, null, On(8, 1), Cited);
    private static readonly EnactedLegislationRecorded Enacted = new(Id, "Test Act 2023", new LocalDate(2023, 7, 20), Cited);

    private static ParliamentaryStageCompleted Stage(ParliamentHouse house, BillStage stage, int month, int day) => new(Id, house, stage, On(month, day), Cited);

    private static readonly IBorderSecurityEvent[] PassedCommons =
    [
        Announced, Introduced, Stage(C, BillStage.SecondReading, 8, 10), Stage(C, BillStage.CommitteeStage, 8, 20),
        Stage(C, BillStage.ReportStage, 9, 1), Stage(C, BillStage.ThirdReading, 9, 1),
    ];

    private static readonly IBorderSecurityEvent[] PassedBothHouses =
    [
        .. PassedCommons, Stage(L, BillStage.FirstReading, 9, 2), Stage(L, BillStage.SecondReading, 9, 10), Stage(L, BillStage.CommitteeStage, 9, 20),
        Stage(L, BillStage.ReportStage, 10, 1), Stage(L, BillStage.ThirdReading, 10, 8),
    ];

    [Fact]
    public void AnnouncingABillRecordsIt() =>
        Given().When(new AnnounceLegislation
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            AnnouncedIn = "King's Speech 2024",
            ValidOn = On(7, 17),
            Provenance = Cited,
        }).Then(Announced);

    [Fact]
    public void AnnouncingABillTwiceIsRejected() =>
        Given(Announced).When(new AnnounceLegislation
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            AnnouncedIn = "King's Speech 2024",
            ValidOn = On(7, 17),
            Provenance = Cited,
        }).ThenBreaks("LegislationAlreadyExists");

    [Fact]
    public void RecordingAnEnactedActRecordsItAtRoyalAssent() =>
        Given().When(new RecordEnactedLegislation
        {
            LegislationId = new(Id),
            Title = "Test Act 2023",
            RoyalAssentOn = new LocalDate(2023, 7, 20),
            Provenance = Cited,
        }).Then(Enacted);

    [Fact]
    public void IntroducingAnAnnouncedBillRecordsIt() =>
        Given(Announced).When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = C,
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).Then(Introduced);

    [Fact]
    public void IntroducingABillNeverAnnouncedCreatesIt() =>
        Given().When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = C,
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).Then(Introduced);

    [Fact]
    public void IntroducingABillTwiceIsRejected() =>
        Given(Announced, Introduced).When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = C,
            ValidOn = On(8, 2),
            Provenance = Cited,
        }).ThenBreaks("AlreadyIntroduced");

    [Fact]
    public void IntroducingABillInNoHouseIsRejected() =>
        Given(Announced).When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = ParliamentHouse.NotStated,
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).ThenRejectsArgument("House");

    [Fact]
    public void IntroducingABillInAnUndefinedHouseIsRejected() =>
        Given(Announced).When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = (ParliamentHouse)7,
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).ThenRejectsArgument("House");

    [Fact]
    public void IntroducingABillInTheLordsRecordsTheHouseByItsName() =>
        Given(Announced).When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = L,
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).Then(Introduced with { House = "House of Lords" });

    [Fact]
    public void CompletingTheNextStageRecordsIt() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = C,
            Stage = BillStage.SecondReading,
            ValidOn = On(8, 10),
            Provenance = Cited,
        })
            .Then(Stage(C, BillStage.SecondReading, 8, 10));

    [Fact]
    public void AThirdReadingBeforeTheSecondIsRejected() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = C,
            Stage = BillStage.ThirdReading,
            ValidOn = On(8, 10),
            Provenance = Cited,
        })
            .ThenBreaks("StageOutOfOrder");

    [Fact]
    public void AStageInTheOtherHouseBeforeTheFirstHouseFinishesIsRejected() =>
        Given(Announced, Introduced, Stage(C, BillStage.SecondReading, 8, 10))
            .When(new CompleteParliamentaryStage
            {
                LegislationId = new(Id),
                House = L,
                Stage = BillStage.FirstReading,
                ValidOn = On(8, 11),
                Provenance = Cited,
            }).ThenBreaks("StageOutOfOrder");

    [Fact]
    public void AStageBeforeIntroductionIsRejected() =>
        Given(Announced).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = C,
            Stage = BillStage.SecondReading,
            ValidOn = On(8, 10),
            Provenance = Cited,
        }).ThenBreaks("BillNotIntroduced");

    [Fact]
    public void ReportStageMayBeSkippedAfterACommitteeOfTheWholeHouse() =>
        Given(Announced, Introduced, Stage(C, BillStage.SecondReading, 8, 10), Stage(C, BillStage.CommitteeStage, 8, 20))
            .When(new CompleteParliamentaryStage
            {
                LegislationId = new(Id),
                House = C,
                Stage = BillStage.ThirdReading,
                ValidOn = On(8, 20),
                Provenance = Cited,
            }).Then(Stage(C, BillStage.ThirdReading, 8, 20));

    [Fact]
    public void TheLordsStagesFollowTheCommonsThirdReading() =>
        Given(PassedCommons).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = L,
            Stage = BillStage.FirstReading,
            ValidOn = On(9, 2),
            Provenance = Cited,
        })
            .Then(Stage(L, BillStage.FirstReading, 9, 2));

    [Fact]
    public void ConsiderationOfAmendmentsStartsInTheOriginatingHouse() =>
        Given(PassedBothHouses).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = L,
            Stage = BillStage.ConsiderationOfAmendments,
            ValidOn = On(10, 9),
            Provenance = Cited,
        })
            .ThenBreaks("StageOutOfOrder");

    [Fact]
    public void PingPongAlternatesBetweenTheHouses() =>
        Given([.. PassedBothHouses, Stage(C, BillStage.ConsiderationOfAmendments, 10, 15), Stage(L, BillStage.ConsiderationOfAmendments, 10, 20)])
            .When(new CompleteParliamentaryStage
            {
                LegislationId = new(Id),
                House = C,
                Stage = BillStage.ConsiderationOfAmendments,
                ValidOn = On(10, 21),
                Provenance = Cited,
            })
            .Then(Stage(C, BillStage.ConsiderationOfAmendments, 10, 21));

    [Fact]
    public void TheSameHouseCannotConsiderAmendmentsTwiceInARow() =>
        Given([.. PassedBothHouses, Stage(C, BillStage.ConsiderationOfAmendments, 10, 15)])
            .When(new CompleteParliamentaryStage
            {
                LegislationId = new(Id),
                House = C,
                Stage = BillStage.ConsiderationOfAmendments,
                ValidOn = On(10, 21),
                Provenance = Cited,
            }).ThenBreaks("StageOutOfOrder");

    [Fact]
    public void AStageDatedBeforeThePreviousStageIsRejected() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = C,
            Stage = BillStage.SecondReading,
            ValidOn = On(7, 30),
            Provenance = Cited,
        })
            .ThenBreaks("StageBeforePreviousStage");

    [Fact]
    public void AStageOfLegislationThatDoesNotExistIsRejected() =>
        Given().When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = C,
            Stage = BillStage.SecondReading,
            ValidOn = On(8, 10),
            Provenance = Cited,
        }).ThenBreaks("LegislationMustExist");

    [Fact]
    public void AStageInNoHouseIsRejected() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = ParliamentHouse.NotStated,
            Stage = BillStage.SecondReading,
            ValidOn = On(8, 10),
            Provenance = Cited,
        })
            .ThenRejectsArgument("House");

    [Fact]
    public void AnUndefinedStageIsRejected() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = C,
            Stage = (BillStage)42,
            ValidOn = On(8, 10),
            Provenance = Cited,
        }).ThenRejectsArgument("Stage");

    [Fact]
    public void RoyalAssentAfterBothHousesRecordsIt() =>
        Given(PassedBothHouses).When(new GrantRoyalAssent
        {
            LegislationId = new(Id),
            ActTitle = "Test Act 2024",
            ValidOn = On(10, 9),
            Provenance = Cited,
        })
            .Then(new RoyalAssentGranted(Id, "Test Act 2024", On(10, 9), Cited));

    [Fact]
    public void RoyalAssentBeforeTheOtherHouseIsRejected() =>
        Given(PassedCommons).When(new GrantRoyalAssent
        {
            LegislationId = new(Id),
            ActTitle = "Test Act 2024",
            ValidOn = On(10, 5),
            Provenance = Cited,
        }).ThenBreaks("StageOutOfOrder");

    [Fact]
    public void AStageAfterRoyalAssentIsRejected() =>
        Given([.. PassedBothHouses, new RoyalAssentGranted(Id, "Test Act 2024", On(10, 9), Cited)])
            .When(new CompleteParliamentaryStage
            {
                LegislationId = new(Id),
                House = C,
                Stage = BillStage.ConsiderationOfAmendments,
                ValidOn = On(10, 10),
                Provenance = Cited,
            }).ThenBreaks("AfterRoyalAssent");

    [Fact]
    public void AStageAfterTheBillFellIsRejected() =>
        Given(Announced, Introduced, new BillEnded(Id, BillEnding.FellAtEndOfSession, On(8, 5), Cited))
            .When(new CompleteParliamentaryStage
            {
                LegislationId = new(Id),
                House = C,
                Stage = BillStage.SecondReading,
                ValidOn = On(8, 10),
                Provenance = Cited,
            }).ThenBreaks("BillHasEnded");

    [Fact]
    public void EndingABillRecordsIt() =>
        Given(Announced, Introduced).When(new EndBill
        {
            LegislationId = new(Id),
            How = BillEnding.Withdrawn,
            ValidOn = On(8, 5),
            Provenance = Cited,
        })
            .Then(new BillEnded(Id, BillEnding.Withdrawn, On(8, 5), Cited));

    [Fact]
    public void EndingAnActIsRejected() =>
        Given(Enacted).When(new EndBill
        {
            LegislationId = new(Id),
            How = BillEnding.Defeated,
            ValidOn = On(8, 5),
            Provenance = Cited,
        }).ThenBreaks("AfterRoyalAssent");

    [Fact]
    public void CarryingABillOverKeepsItsStages()
    {
        Given(PassedCommons).When(new CarryOverBill
        {
            LegislationId = new(Id),
            IntoSession = "2025-26",
            ValidOn = On(9, 5),
            Provenance = Cited,
        }).Then(new BillCarriedOver(Id, "2025-26", On(9, 5), Cited));

        var state = PassedCommons.Append(new BillCarriedOver(Id, "2025-26", On(9, 5), Cited)).Aggregate((Legislation?)null, Legislation.Evolve)!;
        state.CarriedIntoSession.Should().Be("2025-26");
        state.Position.Should().Be(new BillPosition(C, BillStage.ThirdReading, On(9, 1)));
    }

    [Fact]
    public void CarryingOverABillNotBeforeParliamentIsRejected() =>
        Given(Announced).When(new CarryOverBill
        {
            LegislationId = new(Id),
            IntoSession = "2025-26",
            ValidOn = On(9, 5),
            Provenance = Cited,
        }).ThenBreaks("NotABillBeforeParliament");

    [Fact]
    public void CommencingAnActRecordsIt() =>
        Given(Enacted).When(new CommenceLegislation
        {
            LegislationId = new(Id),
            Provisions = ["section 1", "section 2"],
            ValidOn = On(1, 1),
            Provenance = Cited,
        })
            .Then(new LegislationCommenced(Id, ["section 1", "section 2"], On(1, 1), Cited));

    [Fact]
    public void CommencingAProvisionAlreadyInForceIsRejected() =>
        Given(Enacted, new LegislationCommenced(Id, ["section 1"], On(1, 1), Cited))
            .When(new CommenceLegislation
            {
                LegislationId = new(Id),
                Provisions = ["section 2", "section 1"],
                ValidOn = On(2, 1),
                Provenance = Cited,
            }).ThenBreaks("ProvisionAlreadyInForce");

    [Fact]
    public void CommencingNoProvisionIsRejected() =>
        Given(Enacted).When(new CommenceLegislation
        {
            LegislationId = new(Id),
            Provisions = [],
            ValidOn = On(1, 1),
            Provenance = Cited,
        }).ThenRejectsArgument("Provisions");

    [Fact]
    public void CommencingTheSameProvisionTwiceInOneRequestIsRejected() =>
        Given(Enacted).When(new CommenceLegislation
        {
            LegislationId = new(Id),
            Provisions = ["section 1", "section 1"],
            ValidOn = On(1, 1),
            Provenance = Cited,
        }).ThenRejectsArgument("Provisions");

    [Fact]
    public void CommencingABillIsRejected() =>
        Given(Announced).When(new CommenceLegislation
        {
            LegislationId = new(Id),
            Provisions = ["all"],
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).ThenBreaks("NotAnAct");

    [Fact]
    public void RepealingAnActRecordsIt() =>
        Given(Enacted).When(new RepealLegislation
        {
            LegislationId = new(Id),
            RepealedBy = "Repeal Act 2025",
            ValidOn = new LocalDate(2025, 6, 1),
            Provenance = Cited,
        })
            .Then(new LegislationRepealed(Id, "Repeal Act 2025", new LocalDate(2025, 6, 1), Cited));

    [Fact]
    public void RepealingARepealedActIsRejected() =>
        Given(Enacted, new LegislationRepealed(Id, "Repeal Act 2025", new LocalDate(2025, 6, 1), Cited))
            .When(new RepealLegislation
            {
                LegislationId = new(Id),
                RepealedBy = "Again",
                ValidOn = new LocalDate(2025, 7, 1),
                Provenance = Cited,
            }).ThenBreaks("AlreadyRepealed");

    [Fact]
    public void ProvisionsAreInForceFromTheirCommencementUntilRepeal()
    {
        var state = new IBorderSecurityEvent[]
        {
            Enacted, new LegislationCommenced(Id, ["section 1"], On(1, 1), Cited), new LegislationCommenced(Id, ["section 2"], On(3, 1), Cited),
            new LegislationRepealed(Id, "Repeal Act 2025", new LocalDate(2025, 6, 1), Cited),
        }.Aggregate((Legislation?)null, Legislation.Evolve)!;

        state.IsInForceOn("section 2", On(2, 29)).Should().BeFalse();
        state.IsInForceOn("section 2", On(3, 1)).Should().BeTrue();
        state.ProvisionsInForceOn(On(2, 1)).Select(p => p.Provision).Should().Equal("section 1");
        state.ProvisionsInForceOn(new LocalDate(2025, 6, 1)).Should().BeEmpty();
    }

    [Fact]
    public void TheHistoryNamesEveryStageWithItsHouse()
    {
        var state = PassedBothHouses
            .Append(Stage(C, BillStage.ConsiderationOfAmendments, 10, 15)).Append(Stage(L, BillStage.ConsiderationOfAmendments, 10, 15))
            .Append(new RoyalAssentGranted(Id, "Test Act 2024", On(10, 16), Cited))
            .Aggregate((Legislation?)null, Legislation.Evolve)!;

        state.Stage.Should().Be(LegislationStage.RoyalAssent);
        state.Title.Should().Be("Test Act 2024");
        state.OriginatingHouse.Should().Be(C);
        state.History.Select(h => h.Name).Should().Equal(
            "Announced", "1st reading (House of Commons)", "2nd reading (House of Commons)", "Committee stage (House of Commons)",
            "Report stage (House of Commons)", "3rd reading (House of Commons)", "1st reading (House of Lords)", "2nd reading (House of Lords)",
            "Committee stage (House of Lords)", "Report stage (House of Lords)", "3rd reading (House of Lords)",
            "Consideration of Lords amendments (House of Commons)", "Consideration of Commons amendments (House of Lords)", "RoyalAssent");
    }

    [Fact]
    public void ALordsCommitteeReadsAsTheLordsCommitteeNotAThirdReading()
    {
        var state = PassedCommons.Append(Stage(L, BillStage.FirstReading, 9, 2)).Append(Stage(L, BillStage.SecondReading, 9, 10))
            .Append(Stage(L, BillStage.CommitteeStage, 9, 20)).Aggregate((Legislation?)null, Legislation.Evolve)!;

        state.Position!.Name.Should().Be("Committee stage (House of Lords)");
        state.Stage.Should().Be(LegislationStage.OtherHouse);
    }

    [Fact]
    public void ABillStartingInTheLordsGoesToTheCommonsSecond()
    {
        var lordsBill = new IBorderSecurityEvent[]
        {
            new BillIntroduced(Id, "Lords Bill", "House of Lords", null, On(8, 1), Cited), Stage(L, BillStage.SecondReading, 8, 10),
            Stage(L, BillStage.CommitteeStage, 8, 20), Stage(L, BillStage.ReportStage, 9, 1), Stage(L, BillStage.ThirdReading, 9, 8),
        };

        Given(lordsBill).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = C,
            Stage = BillStage.FirstReading,
            ValidOn = On(9, 9),
            Provenance = Cited,
        }).Then(Stage(C, BillStage.FirstReading, 9, 9));
        Given(lordsBill).When(new CompleteParliamentaryStage
        {
            LegislationId = new(Id),
            House = L,
            Stage = BillStage.FirstReading,
            ValidOn = On(9, 9),
            Provenance = Cited,
        }).ThenBreaks("StageOutOfOrder");
    }
}
