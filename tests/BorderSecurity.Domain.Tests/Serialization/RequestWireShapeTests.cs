using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using NodaTime.Testing;

namespace BorderSecurity.Domain.Tests.Serialization;

/// <summary>
/// Requests keep their wire shape: typed ids and organisations are the plain strings they replaced, so the idempotency key
/// 0.1.0 gave a step is the key it has today (lists computed by 0.1.0, commit 6643564, checked in under Fixtures), and a
/// timeline file of format 2 (IntroduceBill's House as text) reads forward, its steps keyed as 0.1.0 keyed them.
/// </summary>
public class RequestWireShapeTests
{
    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static IReadOnlyList<TimelineStep> FormatTwoFile() => TimelineFile.Read(File.ReadAllBytes(FixturePath("timeline-format-2.json")));

    /// <summary>The checked-in keys: one line per step, index, request and key, tab-separated; lines starting with # are comments.</summary>
    private static (int Index, string Request, string Key)[] PinnedKeys(string name) =>
    [
        .. File.ReadAllLines(FixturePath(name)).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split('\t'))
            .Select(fields => (int.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], fields[2])),
    ];

    private static (int Index, string Request, string Key)[] KeysOf(IReadOnlyList<TimelineStep> steps) =>
        [.. steps.Select((step, i) => (i, step.Request.GetType().Name, IdempotencyKeys.For(step)))];

    [Fact]
    public void EveryStepOfTheReferenceTimelineHasTheIdempotencyKeyVersion010GaveIt()
    {
        var pinned = PinnedKeys("reference-timeline-keys-0.1.0.txt");

        // Steps added since 0.1.0 (the outcome figures of issue 23) are appended: the 0.1.0 steps keep their places and keys.
        pinned.Should().HaveCount(25);
        KeysOf(ReferenceTimeline2024.Steps).Take(pinned.Length).Should().Equal(pinned);
        KeysOf(TimelineFile.Read(Encoding.UTF8.GetBytes(TimelineFile.Write(ReferenceTimeline2024.Steps)))).Take(pinned.Length)
            .Should().Equal(pinned, "a file written today and read back keys its steps as 0.1.0 did");
    }

    [Fact]
    public void ATimelineFileOfFormat2ReadsForwardWithTheHouseTyped()
    {
        var steps = FormatTwoFile();

        steps.Select(s => s.Request).OfType<IntroduceBill>().Select(b => (b.LegislationId.Value, b.House)).Should().Equal(
            ("legislation:format-2-bill", ParliamentHouse.Commons),
            ("legislation:format-2-lords-bill", ParliamentHouse.Lords));
        steps[1].Id.Should().Be("introduce-format-2-bill");
        steps[4].Request.Should().BeOfType<PledgeFunding>().Which.Recipient.Should().Be(new Organisation("Border Security Command"));
    }

    [Fact]
    public void EveryStepOfAFormat2FileHasTheIdempotencyKeyVersion010GaveIt() =>
        KeysOf(FormatTwoFile()).Should().Equal(PinnedKeys("timeline-format-2.keys-0.1.0.txt"),
            "a store written by 0.1.0 that imported the file recognises its steps, the introductions with the House as text included");

    [Fact]
    public void AnIntroductionReadFromAFormat2FileAndCopiedIsKeyedAsTheCopy()
    {
        var introduction = (IntroduceBill)FormatTwoFile()[1].Request;
        var copy = introduction with { Title = "Another title" };

        IdempotencyKeys.For(copy).Should().NotBe(IdempotencyKeys.For(introduction));
        IdempotencyKeys.For(introduction with { }).Should().Be(IdempotencyKeys.For(new IntroduceBill
        {
            LegislationId = introduction.LegislationId,
            Title = introduction.Title,
            House = introduction.House,
            ValidOn = introduction.ValidOn,
            Provenance = introduction.Provenance,
        }), "only the request read from the old file keeps its old key; a copy is a request of today");
    }

    [Fact]
    public async Task AFormat2FileImportedTwiceStoresItsStepsOnceWithEachBillIntroducedInItsHouse()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Instant.FromUtc(2024, 1, 1, 0, 0)));

        var first = await store.ImportAsync(FormatTwoFile());
        var second = await store.ImportAsync(FormatTwoFile());

        first.EventsStored.Should().Be(5);
        second.Should().Be(new ImportResult(0, 5));
        (await store.ReadAllAsync()).Select(e => e.Data).OfType<BillIntroduced>().Select(e => e.House)
            .Should().Equal("House of Commons", "House of Lords");
    }

    [Fact]
    public async Task ATimelineFileOfFormat1AsTheLibraryWroteItReadsForwardAndImportsOnce()
    {
        // Written by TimelineFile.Write at commit f329fa5, the last of format 1: each request's streamId follows its fields.
        var steps = TimelineFile.Read(File.ReadAllBytes(FixturePath("timeline-format-1-written.json")));

        steps.Select(s => s.Request.GetType().Name).Should().Equal("RecordEnactedLegislation", "CommenceLegislation", "EstablishCommand",
            "ConferCommandPowers", "RedirectFunding", "PledgeFunding", "AnnounceLegislation", "IntroduceBill", "CompleteParliamentaryStage");
        steps[1].Request.Should().BeOfType<CommenceLegislation>().Which.Provisions.Should().Equal("sections 1 to 5");
        steps[3].Request.Should().BeOfType<BorderSecurity.Domain.Commands.ConferCommandPowers>().Which.Provisions.Should().BeEmpty();
        steps[4].Request.Should().BeOfType<RedirectFunding>().Which.FromLegislationId.Should().Be(new LegislationId("legislation:format-1-act"));
        steps[5].Request.Should().BeOfType<PledgeFunding>().Which.Period.Should().Be(FundingPeriod.InYear(new FinancialYear(2024), "in-year"));
        steps[7].Request.Should().BeOfType<IntroduceBill>().Which.House.Should().Be(ParliamentHouse.Commons);
        steps[8].Request.Should().BeOfType<CompleteParliamentaryStage>().Which.Should().Match<CompleteParliamentaryStage>(
            r => r.House == ParliamentHouse.Commons && r.Stage == BillStage.SecondReading);

        var store = new InMemoryBorderSecurityStore(new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        (await store.ImportAsync(steps)).Should().Be(new ImportResult(9, 0));
        (await store.ImportAsync(TimelineFile.Read(File.ReadAllBytes(FixturePath("timeline-format-1-written.json"))))).Should().Be(new ImportResult(0, 9));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AnIntroductionInAFileOfFormat1Or2NamingNoHouseIsRefusedNamingTheField(int format)
    {
        var json = $$$"""
            {"format":"border-security-timeline/{{{format}}}","steps":[{"knownFrom":"2023-01-10T12:00:00Z","request":"IntroduceBill",
             "data":{"legislationId":"legislation:x","title":"X","house":"Parliament","validOn":"2023-01-10","provenance":[{"document":"a.txt","headline":"A"}]}}]}
            """;

        var read = () => TimelineFile.Read(Encoding.UTF8.GetBytes(json));

        var error = read.Should().Throw<TimelineFileException>().Which;
        error.Field.Should().Be("$.steps[0].data.House");
        error.Detail.Should().Contain("House of Commons").And.Contain("'Parliament'");
    }

    [Fact]
    public void AnIntroductionInAFileOfFormat3TakesTheHouseByName()
    {
        var step = new TimelineStep(Instant.FromUtc(2023, 1, 10, 12, 0), new IntroduceBill
        {
            LegislationId = new("legislation:x"),
            Title = "X",
            House = ParliamentHouse.Lords,
            ValidOn = new LocalDate(2023, 1, 10),
            Provenance = Provenance.Of(new SourceReference("a.txt", "A")),
        });
        var text = TimelineFile.Write([step]);

        text.Should().Contain($"\"format\": \"{TimelineFile.Format}\"").And.Contain("\"house\": \"Lords\"");
        TimelineFile.Read(Encoding.UTF8.GetBytes(text)).Should().Equal(step);

        var asText = () => TimelineFile.Read(Encoding.UTF8.GetBytes(text.Replace("\"Lords\"", "\"House of Lords\"", StringComparison.Ordinal)));
        asText.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].data.house");
    }

    [Theory]
    [InlineData("commitmentId", "\"Funding X!\"", "Invalid id")]
    [InlineData("commitmentId", "42", "An id must be a string")]
    [InlineData("fromLegislationId", "\"Not An Id\"", "Invalid id")]
    [InlineData("recipient", "\"   \"", "Invalid organisation")]
    [InlineData("recipient", "\"bad \\u0000 name\"", "Invalid organisation")]
    [InlineData("recipient", "null", "recipient")]
    public void AnInvalidIdOrOrganisationIsRefusedNamingTheField(string field, string value, string says)
    {
        var data = JsonNode.Parse(JsonSerializer.Serialize(Redirect(), TimelineFile.JsonOptions))!.AsObject();
        data[field] = JsonNode.Parse(value);
        var file = $$$"""{"format":"{{{TimelineFile.Format}}}","steps":[{"knownFrom":"2024-09-17T12:00:00Z","request":"RedirectFunding","data":{{{data.ToJsonString()}}}}]}""";

        var read = () => TimelineFile.Read(Encoding.UTF8.GetBytes(file));
        var error = read.Should().Throw<TimelineFileException>().Which;
        error.Field.Should().Be($"$.steps[0].data.{field}");
        error.Detail.Should().Contain(says);

        var body = () => JsonSerializer.Deserialize<RedirectFunding>(data.ToJsonString(), TimelineFile.JsonOptions);
        body.Should().Throw<JsonException>().Which.Path.Should().Be($"$.{field}", "a request body names the field too");
    }

    [Fact]
    public void IdsAndOrganisationsAreWrittenAsPlainStringsInAnyJsonOptions()
    {
        JsonSerializer.Serialize(new CommitmentId("funding:x")).Should().Be("\"funding:x\"");
        JsonSerializer.Serialize<StreamId>(new LegislationId("legislation:x")).Should().Be("\"legislation:x\"");
        JsonSerializer.Serialize(new Organisation("Border Force")).Should().Be("\"Border Force\"");
        JsonSerializer.Deserialize<BorderSecurity.Domain.Recruitment.RecruitmentTargetId>("\"recruitment:x\"").Should().Be(new BorderSecurity.Domain.Recruitment.RecruitmentTargetId("recruitment:x"));
    }

    [Fact]
    public void ARequestIsWrittenWithItsFieldsInDeclarationOrderAndItsStreamIdLast()
    {
        var json = JsonSerializer.Serialize(Redirect(), TimelineFile.JsonOptions);

        JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Should().Equal(
            "commitmentId", "recipient", "amount", "basis", "fromProgramme", "fromLegislationId", "period", "purpose", "announcedBy", "validOn",
            "provenance", "streamId");
        json.Should().StartWith("""{"commitmentId":"funding:x","recipient":"Border Security Command","amount":75000000,""")
            .And.Contain(""","fromLegislationId":null,""").And.EndWith(""","streamId":"funding:x"}""");
    }

    private static RedirectFunding Redirect() => new()
    {
        CommitmentId = new("funding:x"),
        Recipient = new("Border Security Command"),
        Amount = Money.FromMillions(75),
        Basis = FundingBasis.UpTo,
        FromProgramme = "Illegal Migration Act 2023",
        Period = FundingPeriod.NotStated("not stated"),
        Purpose = "Technology",
        AnnouncedBy = "Home Secretary",
        ValidOn = new LocalDate(2024, 9, 17),
        Provenance = Provenance.Of(new SourceReference("a.txt", "A")),
    };
}
