using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Legislative;

/// <summary>
/// Stored history keeps reading (issue 23, bills belong to sessions): a timeline file of format 4, whose introduction
/// names no session, reads with the session not stated and keeps its idempotency keys; format 5 writes a session and a
/// format 4 file cannot carry one. v1 introduction events are read in LegislationLegacyShapeTests (the in-memory path)
/// and MartenParliamentLegacyTests (rows in mt_events).
/// </summary>
public class SessionVersioningTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public async Task AFormat4FileReadsItsBillWithoutASessionWithTheKeysItHadAndImportsIntoAStore()
    {
        var steps = TimelineFile.Read(Encoding.UTF8.GetBytes(Fixture("timeline-format-4-bill.json")));
        var introduce = steps[0].Request.Should().BeOfType<IntroduceBill>().Subject;
        introduce.Session.Should().BeNull();
        JsonSerializer.Serialize(introduce, TimelineFile.JsonOptions).Should().NotContain("session", "a session not stated is left out of the JSON, so the key is unchanged");

        var store = new InMemoryBorderSecurityStore(new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        (await store.ImportAsync(steps)).Should().Be(new ImportResult(2, 0));
        (await store.ImportAsync(TimelineFile.Read(Encoding.UTF8.GetBytes(TimelineFile.Write(steps))))).Should().Be(new ImportResult(0, 2),
            "the same steps written in format 5 are recognised by their keys");

        var answer = await BillsBySession.OfAsync(store, new AsOfQuery(new LocalDate(2025, 6, 1)));
        answer.SessionNotStated.Should().ContainSingle().Which.Should().Match<SessionBill>(
            b => b.LegislationId == "legislation:legacy-bill" && b.Outcome == SessionOutcome.CarriedOver && b.On == new LocalDate(2025, 5, 1));
        answer.Bills("2025-26", SessionOutcome.BeforeParliament).Select(b => b.LegislationId).Should().Equal("legislation:legacy-bill");
    }

    [Fact]
    public void ASessionRoundTripsInFormat5AndAFormat4FileCannotCarryOne()
    {
        var step = new TimelineStep(Instant.FromUtc(2025, 1, 30, 12, 0), new IntroduceBill
        {
            LegislationId = new("legislation:new-bill"),
            Title = "Format Five Bill",
            House = ParliamentHouse.Commons,
            Session = "2024-25",
            ValidOn = new LocalDate(2025, 1, 30),
            Provenance = Provenance.Of(new SourceReference("format-5.txt", "A source of the format 5 file")),
        });
        var text = TimelineFile.Write([step]);
        text.Should().Contain("\"session\": \"2024-25\"").And.Contain("border-security-timeline/5");
        TimelineFile.Read(Encoding.UTF8.GetBytes(text)).Should().Equal(step);

        var asFormat4 = () => TimelineFile.Read(Encoding.UTF8.GetBytes(text.Replace("border-security-timeline/5", "border-security-timeline/4", StringComparison.Ordinal)));
        asFormat4.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].data.session");
    }
}
