using BorderSecurity.Domain.Legislative;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Legislative;

public class LegislationSpecs
{
    private const string Id = "legislation:test-bill";
    private const string Commons = "House of Commons";

    private static readonly LegislationAnnounced Announced = new(Id, "Test Bill", "King's Speech 2024", On(7, 17), Cited);
    private static readonly BillIntroduced Introduced = new(Id, "Test Bill", Commons, On(8, 1), Cited);
    private static readonly EnactedLegislationRecorded Enacted = new(Id, "Test Act 2023", new LocalDate(2023, 7, 20), Cited);

    private static ParliamentaryStageCompleted Stage(LegislationStage stage, int month, int day) => new(Id, stage, Commons, On(month, day), Cited);

    private static readonly IBorderSecurityEvent[] PassedBothHouses =
    [
        Announced, Introduced, Stage(LegislationStage.SecondReading, 8, 10), Stage(LegislationStage.Committee, 8, 20),
        Stage(LegislationStage.Report, 9, 1), Stage(LegislationStage.ThirdReading, 9, 2), Stage(LegislationStage.OtherHouse, 10, 1),
    ];

    [Fact]
    public void AnnouncingABillRecordsIt() =>
        Given().When(new AnnounceLegislation(Id, "Test Bill", "King's Speech 2024", On(7, 17), Cited)).Then(Announced);

    [Fact]
    public void AnnouncingABillTwiceIsRejected() =>
        Given(Announced).When(new AnnounceLegislation(Id, "Test Bill", "King's Speech 2024", On(7, 17), Cited)).ThenBreaks("LegislationAlreadyExists");

    [Fact]
    public void RecordingAnEnactedActRecordsItAtRoyalAssent() =>
        Given().When(new RecordEnactedLegislation(Id, "Test Act 2023", new LocalDate(2023, 7, 20), Cited)).Then(Enacted);

    [Fact]
    public void IntroducingAnAnnouncedBillRecordsIt() =>
        Given(Announced).When(new IntroduceBill(Id, "Test Bill", Commons, On(8, 1), Cited)).Then(Introduced);

    [Fact]
    public void IntroducingABillNeverAnnouncedCreatesIt() =>
        Given().When(new IntroduceBill(Id, "Test Bill", Commons, On(8, 1), Cited)).Then(Introduced);

    [Fact]
    public void IntroducingABillTwiceIsRejected() =>
        Given(Announced, Introduced).When(new IntroduceBill(Id, "Test Bill", Commons, On(8, 2), Cited)).ThenBreaks("StageOutOfOrder");

    [Fact]
    public void CompletingTheNextStageRecordsIt() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage(Id, LegislationStage.SecondReading, Commons, On(8, 10), Cited))
            .Then(Stage(LegislationStage.SecondReading, 8, 10));

    [Fact]
    public void AThirdReadingBeforeTheSecondIsRejected() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage(Id, LegislationStage.ThirdReading, Commons, On(8, 10), Cited))
            .ThenBreaks("StageOutOfOrder");

    [Fact]
    public void AStageDatedBeforeThePreviousStageIsRejected() =>
        Given(Announced, Introduced).When(new CompleteParliamentaryStage(Id, LegislationStage.SecondReading, Commons, On(7, 30), Cited))
            .ThenBreaks("StageBeforePreviousStage");

    [Fact]
    public void AStageOfLegislationThatDoesNotExistIsRejected() =>
        Given().When(new CompleteParliamentaryStage(Id, LegislationStage.SecondReading, Commons, On(8, 10), Cited)).ThenBreaks("LegislationMustExist");

    [Fact]
    public void RoyalAssentIsNotAParliamentaryStageRequest() =>
        Given(PassedBothHouses).When(new CompleteParliamentaryStage(Id, LegislationStage.RoyalAssent, Commons, On(10, 2), Cited))
            .ThenRejectsArgument("Stage");

    [Fact]
    public void RoyalAssentAfterBothHousesRecordsIt() =>
        Given(PassedBothHouses).When(new GrantRoyalAssent(Id, "Test Act 2024", On(10, 5), Cited))
            .Then(new RoyalAssentGranted(Id, "Test Act 2024", On(10, 5), Cited));

    [Fact]
    public void RoyalAssentBeforeTheOtherHouseIsRejected() =>
        Given(Announced, Introduced).When(new GrantRoyalAssent(Id, "Test Act 2024", On(10, 5), Cited)).ThenBreaks("StageOutOfOrder");

    [Fact]
    public void CommencingAnActRecordsIt() =>
        Given(Enacted).When(new CommenceLegislation(Id, "sections 1 to 5", On(1, 1), Cited))
            .Then(new LegislationCommenced(Id, "sections 1 to 5", On(1, 1), Cited));

    [Fact]
    public void CommencingABillIsRejected() =>
        Given(Announced).When(new CommenceLegislation(Id, "all", On(8, 1), Cited)).ThenBreaks("NotAnAct");

    [Fact]
    public void RepealingAnActRecordsIt() =>
        Given(Enacted).When(new RepealLegislation(Id, "Repeal Act 2025", new LocalDate(2025, 6, 1), Cited))
            .Then(new LegislationRepealed(Id, "Repeal Act 2025", new LocalDate(2025, 6, 1), Cited));

    [Fact]
    public void RepealingARepealedActIsRejected() =>
        Given(Enacted, new LegislationRepealed(Id, "Repeal Act 2025", new LocalDate(2025, 6, 1), Cited))
            .When(new RepealLegislation(Id, "Again", new LocalDate(2025, 7, 1), Cited)).ThenBreaks("AlreadyRepealed");

    [Fact]
    public void TheHistoryListsEveryStageInOrder()
    {
        var state = PassedBothHouses.Append(new RoyalAssentGranted(Id, "Test Act 2024", On(10, 5), Cited))
            .Aggregate((Legislation?)null, Legislation.Evolve)!;

        state.Stage.Should().Be(LegislationStage.RoyalAssent);
        state.Title.Should().Be("Test Act 2024");
        state.History.Select(h => h.Stage).Should().Equal(
            LegislationStage.Announced, LegislationStage.Introduced, LegislationStage.SecondReading, LegislationStage.Committee,
            LegislationStage.Report, LegislationStage.ThirdReading, LegislationStage.OtherHouse, LegislationStage.RoyalAssent);
    }
}
