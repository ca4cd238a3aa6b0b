using System.Text;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Serialization;

public class TimelineFileTests
{
    private static IReadOnlyList<TimelineStep> Read(string json) => TimelineFile.Read(Encoding.UTF8.GetBytes(json));

    private static string OneStep(string request, string data, string knownFrom = "\"2024-09-17T12:00:00Z\"") => $$"""
        {
          "format": "border-security-timeline/1",
          "steps": [
            {
              "knownFrom": {{knownFrom}},
              "request": "{{request}}",
              "data": {{data}}
            }
          ]
        }
        """;

    private const string Redirect = """
        {
          "commitmentId": "funding:bsc-2024-09", "recipient": "Border Security Command", "amount": 75000000,
          "basis": "UpTo", "fromProgramme": "Illegal Migration Act 2023", "fromLegislationId": null,
          "period": { "description": "not stated" }, "purpose": "Technology", "announcedBy": "Home Secretary",
          "validOn": "2024-09-17", "provenance": [ { "document": "003_42febc41d18400fd.txt", "headline": "New funding for tech" } ]
        }
        """;

    [Fact]
    public void TheReferenceTimelineRoundTripsThroughTheFileFormat()
    {
        var text = TimelineFile.Write(ReferenceTimeline2024.Steps);

        var steps = Read(text);

        steps.Should().BeEquivalentTo(ReferenceTimeline2024.Steps, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    [Fact]
    public async Task AFileImportsIntoTheSameAnswersAsTheBuiltInTimeline()
    {
        var text = TimelineFile.Write(ReferenceTimeline2024.Steps);
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);

        await store.ImportAsync(Read(text));

        var query = new AsOfQuery(new LocalDate(2024, 11, 5));
        (await store.FundingTotalsAsync(query)).Total.Should().Be(Money.FromMillions(180));
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceStoresNothingNewTheSecondTimeAndSaysSo()
    {
        var steps = Read(TimelineFile.Write(ReferenceTimeline2024.Steps));
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);
        var first = await store.ImportAsync(steps);

        var second = await store.ImportAsync(steps);

        first.StepsAlreadyStored.Should().Be(0);
        second.EventsStored.Should().Be(0);
        second.StepsAlreadyStored.Should().Be(steps.Count);
        store.Count.Should().Be(first.EventsStored);
    }

    [Fact]
    public void AValidStepIsRead() =>
        Read(OneStep("RedirectFunding", Redirect)).Should().ContainSingle()
            .Which.Request.Should().BeOfType<BorderSecurity.Domain.Funding.RedirectFunding>().Which.Amount.Should().Be(Money.FromMillions(75));

    [Fact]
    public void MalformedJsonNamesTheLine()
    {
        var act = () => Read("{\n  \"format\": \"border-security-timeline/1\",\n  \"steps\": [ { ]\n}");

        act.Should().Throw<TimelineFileException>().Which.Line.Should().Be(3);
    }

    [Fact]
    public void AnUnknownRequestNamesTheLineAndField()
    {
        var act = () => Read(OneStep("System.IO.File", "{}"));

        var error = act.Should().Throw<TimelineFileException>().Which;
        error.Line.Should().Be(4);
        error.Field.Should().Be("$.steps[0].request");
    }

    [Fact]
    public void AMalformedDateNamesTheField()
    {
        var act = () => Read(OneStep("RedirectFunding", Redirect.Replace("2024-09-17", "17/09/2024")));

        act.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].data.validOn");
    }

    [Fact]
    public void AMalformedInstantNamesTheField()
    {
        var act = () => Read(OneStep("RedirectFunding", Redirect, "\"yesterday\""));

        act.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].knownFrom");
    }

    [Theory]
    [InlineData("75000000", "-5")]
    [InlineData("75000000", "0.001")]
    [InlineData("75000000", "\"lots\"")]
    public void ABadAmountNamesTheField(string good, string bad)
    {
        var act = () => Read(OneStep("RedirectFunding", Redirect.Replace(good, bad)));

        act.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].data.amount");
    }

    [Fact]
    public void AMissingFieldIsRejected()
    {
        var act = () => Read(OneStep("RedirectFunding", Redirect.Replace("\"purpose\": \"Technology\",", "")));

        act.Should().Throw<TimelineFileException>().WithMessage("*purpose*");
    }

    [Fact]
    public void AnUnknownFieldIsRejected()
    {
        var act = () => Read(OneStep("RedirectFunding", Redirect.Replace("\"purpose\"", "\"$type\": \"x\", \"purpose\"")));

        act.Should().Throw<TimelineFileException>().WithMessage("*$type*");
    }

    [Fact]
    public async Task AStepThatBreaksARuleOnImportIsNamedByItsIndexWhichGivesItsLine()
    {
        var allocate = """{ "commitmentId": "funding:nowhere", "capability": "Cameras", "amount": 10, "validOn": "2024-10-01", "provenance": [ { "document": "x", "headline": "y" } ] }""";
        var text = OneStep("AllocateFunding", allocate);
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);

        var act = () => store.ImportAsync(Read(text));

        var error = (await act.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Step.Should().Be(0);
        TimelineFile.StepLines(Encoding.UTF8.GetBytes(text))[error.Step].Should().Be(4);
        error.InnerException.Should().BeOfType<DomainRuleViolationException>().Which.Rule.Should().Be("CommitmentMustExist");
        store.Count.Should().Be(0);
    }

    [Fact]
    public void AFileWithTheWrongFormatIsRejected()
    {
        var act = () => Read("""{ "format": "something-else", "steps": [] }""");

        act.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.format");
    }

    [Theory]
    [InlineData("border-security-timeline/0")]
    [InlineData("border-security-timeline/01")]
    [InlineData("border-security-timeline/+1")]
    [InlineData("border-security-timeline/ 1")]
    [InlineData("border-security-timeline/")]
    public void AFormatVersionThisLibraryCannotReadIsRefusedNamingTheFormat(string format)
    {
        var act = () => Read($$"""{ "format": "{{format}}", "steps": [] }""");

        act.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.format");
    }

    [Fact]
    public void AFileOfALaterFormatThanThisLibraryWritesIsRefusedNamingTheFormat()
    {
        var later = TimelineFile.FormatVersion + 1;
        var act = () => Read($$"""{ "format": "border-security-timeline/{{later}}", "steps": [] }""");

        act.Should().Throw<TimelineFileException>().Which.Detail.Should().Contain($"1 to {TimelineFile.FormatVersion}");
    }

    [Fact]
    public void EveryFormatVersionUpToTheCurrentOneReads()
    {
        for (var version = 1; version <= TimelineFile.FormatVersion; version++)
        {
            Read($$"""{ "format": "border-security-timeline/{{version}}", "steps": [] }""").Should().BeEmpty();
        }
    }
}
