using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

// Sessions of Parliament: bills by session and outcome, on both axes; a session's name and a carry-over's order are checked.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>
    /// Three illustrative bills (not the reference timeline's: its sources name no session) across the 2024-25 and 2025-26
    /// sessions: one carried over and then withdrawn, one that fell at the end of 2024-25, one whose session was not stated.
    /// Which bills fell at the end of 2024-25, and which were carried over, as of a date and as known at an instant.
    /// </summary>
    [Fact]
    public async Task BillsAreListedBySessionAndOutcomeOnBothAxes()
    {
        var store = await NewStoreAsync();
        var cited = Provenance.Of(BillPassage2025.Illustrative);
        var at = (int month, int day) => Instant.FromUtc(2025, month, day, 12, 0);
        IntroduceBill Introduce(string id, string title, string? session, int month, int day) => new()
        {
            LegislationId = new(id),
            Title = title,
            House = ParliamentHouse.Commons,
            Session = session,
            ValidOn = new LocalDate(2025, month, day),
            Provenance = cited,
        };
        await store.ImportAsync(
        [
            new TimelineStep(at(1, 10), Introduce("legislation:carried", "Illustrative Carried Bill", "2024-25", 1, 10)),
            new TimelineStep(at(1, 11), Introduce("legislation:fallen", "Illustrative Fallen Bill", "2024-25", 1, 11)),
            new TimelineStep(at(1, 12), Introduce("legislation:unnamed", "Illustrative Unnamed Bill", null, 1, 12)),
            new TimelineStep(at(5, 2), new CarryOverBill { LegislationId = new("legislation:carried"), IntoSession = "2025-26", ValidOn = new LocalDate(2025, 5, 1), Provenance = cited }),
            new TimelineStep(at(5, 3), new EndBill { LegislationId = new("legislation:fallen"), How = BillEnding.FellAtEndOfSession, ValidOn = new LocalDate(2025, 4, 30), Provenance = cited }),
            new TimelineStep(at(11, 2), new EndBill { LegislationId = new("legislation:carried"), How = BillEnding.Withdrawn, ValidOn = new LocalDate(2025, 11, 1), Provenance = cited }),
        ]);
        var log = await store.ReadAllAsync();

        // Everything known, at the end of 2025: the 2024-25 session's bills, one carried over and one that fell.
        var now = await BillsBySession.OfAsync(store, new AsOfQuery(new LocalDate(2025, 12, 31)));
        now.Sessions.Select(s => s.Session).Should().Equal("2024-25", "2025-26");
        now.Bills("2024-25", SessionOutcome.Fell).Select(b => b.LegislationId).Should().Equal("legislation:fallen");
        now.Bills("2024-25", SessionOutcome.CarriedOver).Should().ContainSingle().Which.Should().Be(
            new SessionBill("legislation:carried", "Illustrative Carried Bill", SessionOutcome.CarriedOver, new LocalDate(2025, 1, 10), new LocalDate(2025, 5, 1), cited.Sources));
        now.Bills("2025-26", SessionOutcome.Withdrawn).Select(b => b.LegislationId).Should().Equal("legislation:carried");
        now.SessionNotStated.Select(b => (b.LegislationId, b.Outcome)).Should().Equal(("legislation:unnamed", SessionOutcome.BeforeParliament));
        OracleAssertions.Sessions(now, log, "everything known");

        // As of 1 May 2025 (valid date), still everything known: carried over that day, not yet withdrawn.
        var may = await BillsBySession.OfAsync(store, new AsOfQuery(new LocalDate(2025, 5, 1)));
        may.Bills("2025-26", SessionOutcome.BeforeParliament).Select(b => b.LegislationId).Should().Equal("legislation:carried");
        OracleAssertions.Sessions(may, log, "as of 1 May 2025");

        // As known on 2 May 2025 at noon: the carry-over recorded, the fall not yet; both bills still in 2024-25 as far as
        // the fall goes, and no bill is listed as fallen before the fall was known.
        var knownMay2 = await BillsBySession.OfAsync(store, new AsOfQuery(new LocalDate(2025, 12, 31), at(5, 2)));
        knownMay2.Bills("2024-25", SessionOutcome.Fell).Should().BeEmpty();
        knownMay2.Bills("2024-25", SessionOutcome.BeforeParliament).Select(b => b.LegislationId).Should().Equal("legislation:fallen");
        knownMay2.Bills("2025-26", SessionOutcome.BeforeParliament).Select(b => b.LegislationId).Should().Equal("legislation:carried");
        OracleAssertions.Sessions(knownMay2, log, "as known on 2 May 2025");
        await OracleAssertions.AllQuestionsAsync(store, new AsOfQuery(new LocalDate(2025, 12, 31), at(5, 2)), "sessions as known on 2 May 2025");
    }

    /// <summary>A session not named YYYY-YY, or a carry-over into the session the bill is already in, is refused and nothing is stored.</summary>
    [Fact]
    public async Task ASessionMustBeNamedAndACarryOverMustGoForward()
    {
        var store = await NewStoreAsync();
        var cited = Provenance.Of(BillPassage2025.Illustrative);
        await store.SubmitAsync(new IntroduceBill
        {
            LegislationId = new("legislation:forward"),
            Title = "Illustrative Forward Bill",
            House = ParliamentHouse.Lords,
            Session = "2024-25",
            ValidOn = new LocalDate(2025, 1, 10),
            Provenance = cited,
        });
        var stored = (await store.ReadAllAsync()).Count;

        var unnamed = () => store.SubmitAsync(new IntroduceBill
        {
            LegislationId = new("legislation:unnamed-session"),
            Title = "Illustrative Bill",
            House = ParliamentHouse.Commons,
            Session = "the next one",
            ValidOn = new LocalDate(2025, 1, 10),
            Provenance = cited,
        });
        (await unnamed.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("Session");
        var backwards = () => store.SubmitAsync(new CarryOverBill
        {
            LegislationId = new("legislation:forward"),
            IntoSession = "2024-25",
            ValidOn = new LocalDate(2025, 5, 1),
            Provenance = cited,
        });
        (await backwards.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be("CarriedIntoLaterSession");
        var freeText = () => store.SubmitAsync(new CarryOverBill
        {
            LegislationId = new("legislation:forward"),
            IntoSession = "next session",
            ValidOn = new LocalDate(2025, 5, 1),
            Provenance = cited,
        });
        (await freeText.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("IntoSession");

        (await store.ReadAllAsync()).Should().HaveCount(stored, "nothing refused is stored");
        (await BillsBySession.OfAsync(store, new AsOfQuery(new LocalDate(2025, 12, 31)))).Bills("2024-25", SessionOutcome.BeforeParliament)
            .Select(b => b.LegislationId).Should().Equal("legislation:forward");
    }
}
