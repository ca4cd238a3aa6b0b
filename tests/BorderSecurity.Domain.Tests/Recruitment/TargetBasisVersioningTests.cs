using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Recruitment;

/// <summary>
/// Stored history keeps reading (issue 23, a target's basis): checked-in JSON of <c>recruitment.target-set.v1</c> and a
/// timeline file of format 3, both without a basis, read as firm targets; a firm target's request keeps the idempotency key
/// it had, so a store written before bases existed recognises it. The Marten package reads real v1 events in
/// MartenDatabase010Tests.
/// </summary>
public class TargetBasisVersioningTests
{
    private static readonly JsonSerializerOptions Stored = new JsonSerializerOptions
    {
        Converters = { new NodaTimeIsoConverters.LocalDateConverter() },
    }.ConfigureForBorderSecurity();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void AV1TargetReadsAsAFirmTargetInTodaysShape()
    {
        var set = EventCatalogue.Read("recruitment.target-set.v1", type => JsonSerializer.Deserialize(Fixture("recruitment.target-set.v1.json"), type, Stored))
            .Should().BeOfType<RecruitmentTargetSet>().Subject;

        (set.TargetId, set.Headcount, set.Basis, set.ValidOn).Should().Be(("recruitment:legacy-nca", 100, TargetBasis.Firm, new LocalDate(2024, 8, 21)));
        EventCatalogue.NameOf(typeof(RecruitmentTargetSet)).Should().Be("recruitment.target-set.v2");
    }

    [Fact]
    public async Task AFormat3FileReadsItsTargetAsFirmWithTheKeyItHadAndImportsIntoAStore()
    {
        var steps = TimelineFile.Read(Encoding.UTF8.GetBytes(Fixture("timeline-format-3-target.json")));
        var request = steps.Should().ContainSingle().Which.Request.Should().BeOfType<SetRecruitmentTarget>().Subject;
        request.Basis.Should().Be(TargetBasis.Firm);

        // The same request built today (firm) has the same content key: its JSON leaves a firm basis out.
        IdempotencyKeys.For(request).Should().Be(IdempotencyKeys.For(request with { }));
        JsonSerializer.Serialize(request, TimelineFile.JsonOptions).Should().NotContain("basis", "a firm basis is left out of the JSON");

        var store = new InMemoryBorderSecurityStore(new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        await store.ImportAsync(steps);
        (await store.ImportAsync(steps)).Should().Be(new ImportResult(0, 1), "the step is recognised by its key");
        (await store.RecruitmentAsync(new AsOfQuery(new LocalDate(2024, 12, 31)))).Organisations.Single().Targets.Single().Basis.Should().Be(TargetBasis.Firm);
    }

    [Fact]
    public void AnUpToTargetRoundTripsInFormat4AndAFormat3FileCannotCarryABasis()
    {
        var upTo = new TimelineStep(Instant.FromUtc(2024, 8, 21, 12, 0), new SetRecruitmentTarget
        {
            TargetId = new("recruitment:up-to"),
            Organisation = ReferenceTimeline2024.NationalCrimeAgency,
            Role = "officers",
            Headcount = 100,
            Basis = TargetBasis.UpTo,
            AnnouncedBy = "Home Secretary",
            ValidOn = new LocalDate(2024, 8, 21),
            Provenance = Provenance.Of(Sources2024.CheckedFacts),
        });
        var text = TimelineFile.Write([upTo]);
        text.Should().Contain("\"basis\": \"UpTo\"").And.Contain(TimelineFile.Format);
        TimelineFile.Read(Encoding.UTF8.GetBytes(text)).Should().Equal(upTo);

        var asFormat3 = () => TimelineFile.Read(Encoding.UTF8.GetBytes(text.Replace(TimelineFile.Format, "border-security-timeline/3", StringComparison.Ordinal)));
        asFormat3.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].data.basis");

        var unknown = () => TimelineFile.Read(Encoding.UTF8.GetBytes(text.Replace("\"UpTo\"", "\"Roughly\"", StringComparison.Ordinal)));
        unknown.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].data.basis");
    }
}
