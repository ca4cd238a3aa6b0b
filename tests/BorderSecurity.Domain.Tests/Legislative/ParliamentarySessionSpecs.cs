using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Legislative;

// Bills belong to sessions of Parliament: the session of introduction, each carry-over, and what ended the bill's time in each.
public class ParliamentarySessionSpecs
{
    private const string Id = "legislation:test-bill";
    private const string Commons = "House of Commons";

    private static readonly BillIntroduced Introduced = new(Id, "Test Bill", Commons, "2024-25", On(8, 1), Cited);
    private static readonly BillIntroduced IntroducedNoSession = new(Id, "Test Bill", Commons, null, On(8, 1), Cited);

    private static Legislation Fold(params IBorderSecurityEvent[] events) => events.Aggregate((Legislation?)null, Legislation.Evolve)!;

    [Fact]
    public void IntroducingABillInASessionRecordsTheSession() =>
        Given().When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = ParliamentHouse.Commons,
            Session = " 2024-25 ",
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).Then(Introduced);

    [Theory]
    [InlineData("next session")]
    [InlineData("2024/25")]
    [InlineData("2024-23")]
    [InlineData("2024-29")]
    [InlineData("")]
    public void ASessionNotNamedYyyyYyIsRejectedNamingTheField(string session) =>
        Given().When(new IntroduceBill
        {
            LegislationId = new(Id),
            Title = "Test Bill",
            House = ParliamentHouse.Commons,
            Session = session,
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).ThenRejectsArgument("Session");

    [Fact]
    public void ABillIsBeforeParliamentInTheSessionItWasIntroducedIn()
    {
        var bill = Fold(Introduced);

        bill.Session.Should().Be("2024-25");
        bill.Sessions.Should().Equal(new BillSession("2024-25", On(8, 1), SessionOutcome.BeforeParliament, null, Cited.Sources));
    }

    [Fact]
    public void ACarryOverEndsOneSessionAndBeginsTheNext()
    {
        var bill = Fold(Introduced, new BillCarriedOver(Id, "2025-26", On(11, 5), Cited), new RoyalAssentGranted(Id, "Test Act 2025", On(12, 1), Cited));

        bill.Sessions.Should().Equal(
            new BillSession("2024-25", On(8, 1), SessionOutcome.CarriedOver, On(11, 5), Cited.Sources),
            new BillSession("2025-26", On(11, 5), SessionOutcome.RoyalAssent, On(12, 1), Cited.Sources));
        bill.Session.Should().Be("2025-26");
    }

    [Theory]
    [InlineData(BillEnding.FellAtEndOfSession, SessionOutcome.Fell)]
    [InlineData(BillEnding.Withdrawn, SessionOutcome.Withdrawn)]
    [InlineData(BillEnding.Defeated, SessionOutcome.Defeated)]
    public void AnEndingEndsTheBillsTimeInItsSession(BillEnding how, SessionOutcome outcome) =>
        Fold(Introduced, new BillEnded(Id, how, On(10, 1), Cited)).Sessions
            .Should().Equal(new BillSession("2024-25", On(8, 1), outcome, On(10, 1), Cited.Sources));

    [Fact]
    public void ABillIntroducedWithoutASessionHasItsFirstSessionUnnamed()
    {
        var bill = Fold(IntroducedNoSession, new BillCarriedOver(Id, "2025-26", On(11, 5), Cited));

        bill.Sessions.Select(s => (s.Session, s.Outcome)).Should().Equal((null, SessionOutcome.CarriedOver), ("2025-26", SessionOutcome.BeforeParliament));
    }

    [Theory]
    [InlineData("2024-25")]
    [InlineData("2023-24")]
    public void ABillIsCarriedOverOnlyIntoALaterSession(string into) =>
        Given(Introduced).When(new CarryOverBill
        {
            LegislationId = new(Id),
            IntoSession = into,
            ValidOn = On(11, 5),
            Provenance = Cited,
        }).ThenBreaks("CarriedIntoLaterSession");

    [Fact]
    public void ACarryOverNamesASession() =>
        Given(Introduced).When(new CarryOverBill
        {
            LegislationId = new(Id),
            IntoSession = "the next one",
            ValidOn = On(11, 5),
            Provenance = Cited,
        }).ThenRejectsArgument("IntoSession");

    [Fact]
    public void ASessionStoredInFreeTextStillReadsAndAnyNamedSessionMayFollowIt()
    {
        var bill = Fold(IntroducedNoSession, new BillCarriedOver(Id, "session 3", On(11, 5), Cited));
        bill.Session.Should().Be("session 3");

        Given(IntroducedNoSession, new BillCarriedOver(Id, "session 3", On(11, 5), Cited)).When(new CarryOverBill
        {
            LegislationId = new(Id),
            IntoSession = "2026-27",
            ValidOn = On(12, 5),
            Provenance = Cited,
        }).Then(new BillCarriedOver(Id, "2026-27", On(12, 5), Cited));
    }

    [Fact]
    public void BillsBySessionListEachBillInEverySessionItWasInWithItsOutcome()
    {
        var carried = Fold(Introduced, new BillCarriedOver(Id, "2025-26", On(11, 5), Cited));
        var fell = Fold(new BillIntroduced("legislation:b", "Bill B", Commons, "2024-25", On(8, 2), Cited), new BillEnded("legislation:b", BillEnding.FellAtEndOfSession, On(10, 30), Cited));
        var unnamed = Fold(new BillIntroduced("legislation:c", "Bill C", Commons, null, On(8, 3), Cited));
        var act = Fold(new EnactedLegislationRecorded("legislation:d", "Act D 2023", new LocalDate(2023, 7, 20), Cited));

        var answer = BillsBySession.Of(new AsOfQuery(On(12, 31)), [unnamed, act, fell, carried]);

        answer.Sessions.Select(s => s.Session).Should().Equal("2024-25", "2025-26");
        answer.Session("2024-25")!.Bills.Select(b => (b.LegislationId, b.Outcome)).Should().Equal(
            ("legislation:b", SessionOutcome.Fell), (Id, SessionOutcome.CarriedOver));
        answer.Bills("2024-25", SessionOutcome.Fell).Should().ContainSingle().Which.Should().Be(
            new SessionBill("legislation:b", "Bill B", SessionOutcome.Fell, On(8, 2), On(10, 30), Cited.Sources));
        answer.Bills("2025-26", SessionOutcome.BeforeParliament).Select(b => b.LegislationId).Should().Equal(Id);
        answer.SessionNotStated.Select(b => (b.LegislationId, b.Outcome)).Should().Equal(("legislation:c", SessionOutcome.BeforeParliament));
        answer.Session("2026-27").Should().BeNull();
        FluentActions.Invoking(() => answer.Session("next")).Should().Throw<ArgumentException>().WithParameterName("session");
    }
}
