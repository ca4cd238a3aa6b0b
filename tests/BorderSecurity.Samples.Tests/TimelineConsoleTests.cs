using System.Text.Json;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using BorderSecurity.Domain.Testing;
using BorderSecurity.Timeline;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

public class TimelineConsoleTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TimelineApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static JsonElement Recipient(JsonDocument json, string name) =>
        json.RootElement.GetProperty("funding").GetProperty("recipients").EnumerateArray()
            .Single(r => r.GetProperty("recipient").GetString() == name);

    [Fact]
    public async Task TheDefaultRunShowsTablesAndTheChart()
    {
        var (exit, output, error) = await Run();

        exit.Should().Be(0);
        output.Should().Contain("Funding per recipient").And.Contain("Martin Hewitt CBE QPM").And.Contain("2024-11").And.Contain("150");
        output.Should().Contain("Funding by UK financial year").And.Contain("2024/25");
        error.Should().Contain($"Replayed {BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024.Steps.Count} steps");
    }

    [Fact]
    public async Task JsonHasTheByFinancialYearSectionWithThe150mUnsplitOverTwoYears()
    {
        var (exit, output, _) = await Run("--json", "--as-of", "2024-11-05");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var bsc = json.RootElement.GetProperty("byFinancialYear").EnumerateArray()
            .Single(a => a.GetProperty("recipient").GetString() == ReferenceTimeline2024.BorderSecurityCommand.Name);
        var fy2024 = bsc.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetString() == "2024/25");
        fy2024.GetProperty("unsplitSpans").EnumerateArray().Single().GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(150_000_000m);
        fy2024.GetProperty("forTheYear").GetProperty("total").GetDecimal().Should().Be(0m);
    }

    [Fact]
    public async Task TheChartStopsAtTheAsOfDate()
    {
        // As of 1 October 2024 only the September £75m is known to the chart: no November or December bar at £150m.
        var (exit, output, _) = await Run("--json", "--as-of", "2024-10-01");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var points = json.RootElement.GetProperty("fundingByMonth").EnumerateArray()
            .Select(p => (On: p.GetProperty("on").GetString(), Amount: p.GetProperty("amount").GetDecimal())).ToList();
        points.Select(p => p.On).Should().Equal("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31",
            "2024-08-31", "2024-09-30", "2024-10-01");
        points.Should().OnlyContain(p => p.Amount <= 75_000_000m, "the November money is after the question's date");

        var tables = await Run("--as-of", "2024-10-01");
        tables.Output.Should().Contain("to 2024-10-01 (the as-of date)").And.Contain("2024-10-01  ").And.NotContain("2024-11").And.NotContain("2024-12");
    }

    [Fact]
    public async Task WithTheSpendingReviewLineTheTablesAndJsonKeepTheYearlyLevelApartFromThe150m()
    {
        var spendingReview = new TimelineStep(Instant.FromUtc(2025, 6, 11, 12, 0),
            new PledgeFunding
            {
                CommitmentId = new("funding:bsc-2025-06-spending-review"),
                Recipient = ReferenceTimeline2024.BorderSecurityCommand,
                Amount = Money.FromMillions(280),
                Basis = FundingBasis.UpTo,
                OriginName = "Spending Review 2025",
                Period = FundingPeriod.YearlyBy(new FinancialYear(2028), "up to £280m more per year by the end of the Spending Review period"),
                Purpose = "Border security",
                AnnouncedBy = "Chancellor",
                ValidOn = new LocalDate(2025, 6, 11),
                Provenance = Provenance.Of(new SourceReference("spending-review-2025.txt", "Spending Review 2025", new LocalDate(2025, 6, 11))),
            });
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, TimelineFile.Write(ReferenceTimeline2024.Steps.Append(spendingReview)));

        var (exit, output, error) = await Run("--timeline", path, "--json", "--as-of", "2025-06-11");
        exit.Should().Be(0, error);
        using (var json = JsonDocument.Parse(output))
        {
            var bsc = Recipient(json, ReferenceTimeline2024.BorderSecurityCommand.Name).GetProperty("totals");
            bsc.GetProperty("total").GetDecimal().Should().Be(150_000_000m, "the yearly level is not added to the £150m over two years");
            var level = bsc.GetProperty("yearlyLevels").EnumerateArray().Should().ContainSingle().Which;
            level.GetProperty("perYear").GetDecimal().Should().Be(280_000_000m);
            level.GetProperty("coverage").GetString().Should().Be("YearlyBy");
            level.GetProperty("firstYear").GetString().Should().Be("2028/29");
            json.RootElement.GetProperty("commands")[0].GetProperty("funding").GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(150_000_000m);
            json.RootElement.GetProperty("fundingByMonth").EnumerateArray().Last().GetProperty("amount").GetDecimal().Should().Be(150_000_000m,
                "the chart draws the sum of amounts only");
        }

        var tables = await Run("--timeline", path, "--as-of", "2025-06-11");
        tables.Exit.Should().Be(0, tables.Error);
        tables.Output.Should().Contain("Yearly levels (£m each year)").And.Contain("a year by 2028/29").And.Contain("280m a year by 2028/29")
            .And.Contain("150m (75m redirected, 75m new");
        // The yearly level is never added to the £150m: no 430m, and no money cell of 430 (the small-boat figure for 1-2 November,
        // "more than 430 people", is the only 430 printed).
        tables.Output.Should().NotContain("430m");
        System.Text.RegularExpressions.Regex.IsMatch(tables.Output, @"│ 430\s+│").Should().BeFalse("no money cell holds 430");
        File.Delete(path);
    }

    [Fact]
    public async Task TheTablesListTheOpenSeptemberDisputeWithEachSidesSources()
    {
        var (exit, output, _) = await Run("--as-of", "2024-11-07");

        exit.Should().Be(0);
        output.Should().Contain("Open disputes").And.Contain("origin of the money").And.Contain("Illegal Migration Act 2023")
            .And.Contain("002_42653983a009148c.txt").And.Contain("003_42febc41d18400fd.txt").And.Contain(ReferenceTimeline2024.SeptemberRedirectId.Value);
    }

    [Fact]
    public async Task TheDisputedFiguresAreMarkedAndTheJsonAnswersListTheirOpenDisputes()
    {
        var (exit, output, _) = await Run("--as-of", "2024-11-07");
        exit.Should().Be(0);
        output.Should().Contain("disputed: see Open disputes");

        var known = await Run("--json", "--as-of", "2024-11-07");
        using (var json = JsonDocument.Parse(known.Output))
        {
            json.RootElement.GetProperty("funding").GetProperty("openDisputes").EnumerateArray().Should().ContainSingle()
                .Which.GetProperty("disputeId").GetString().Should().Be(ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
            json.RootElement.GetProperty("commands")[0].GetProperty("openDisputes").EnumerateArray().Select(d => d.GetProperty("disputeId").GetString())
                .Should().Equal(ReferenceTimeline2024.CommandEstablishedDisputeId.Value, ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
            json.RootElement.GetProperty("recruitment").GetProperty("openDisputes").GetArrayLength().Should().Be(0, "no target is disputed");
        }

        var before = await Run("--as-of", "2024-11-07", "--known-at", "2024-11-05T00:00:00Z");
        before.Output.Should().NotContain("disputed: see Open disputes", "both disputes were recorded on 6 November");
    }

    [Fact]
    public async Task JsonListsDisputesAsKnownAtAnInstant()
    {
        var (exit, output, _) = await Run("--json", "--as-of", "2024-11-07");
        exit.Should().Be(0);
        using (var json = JsonDocument.Parse(output))
        {
            var disputes = json.RootElement.GetProperty("disputes").EnumerateArray().ToList();
            disputes.Select(d => d.GetProperty("subjectIds")[0].GetString()).Should().Equal(
                ReferenceTimeline2024.BorderSecurityCommandId.Value, ReferenceTimeline2024.SeptemberRedirectId.Value);
            var dispute = disputes[1];
            dispute.GetProperty("sides").GetArrayLength().Should().Be(2);
            dispute.GetProperty("resolution").ValueKind.Should().Be(JsonValueKind.Null, "the dispute is left open");
        }

        var before = await Run("--json", "--as-of", "2024-11-07", "--known-at", "2024-11-05T00:00:00Z");
        using var earlier = JsonDocument.Parse(before.Output);
        earlier.RootElement.GetProperty("disputes").GetArrayLength().Should().Be(0, "both disputes were recorded on 6 November");
    }

    [Fact]
    public async Task JsonAfterFourthNovemberShows150mAs75mRedirectedPlus75mNew()
    {
        var (exit, output, _) = await Run("--json", "--as-of", "2024-11-05");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var bsc = Recipient(json, ReferenceTimeline2024.BorderSecurityCommand.Name).GetProperty("totals");
        bsc.GetProperty("total").GetDecimal().Should().Be(150_000_000m);
        bsc.GetProperty("redirected").GetDecimal().Should().Be(75_000_000m);
        bsc.GetProperty("newMoney").GetDecimal().Should().Be(75_000_000m);
    }

    [Fact]
    public async Task KnownAtExcludesWhatWasRecordedLater()
    {
        var (exit, output, _) = await Run("--json", "--as-of", "2024-11-05", "--known-at", "2024-11-01T00:00:00Z");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        Recipient(json, ReferenceTimeline2024.BorderSecurityCommand.Name).GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(75_000_000m);
    }

    [Fact]
    public async Task RecordedByAsksTheAuditViewOfWhatTheStoreHadRecorded()
    {
        // The import records every step now, known from the day it became public: as known at any instant after the
        // Budget the figures are all there, but as recorded by an instant before this run the store knew nothing.
        var before = await Run("--json", "--as-of", "2024-11-05", "--known-at", "2024-11-05T00:00:00Z", "--recorded-by", "2020-01-01T00:00:00Z");
        var after = await Run("--json", "--as-of", "2024-11-05", "--recorded-by", "2100-01-01T00:00:00Z");

        before.Exit.Should().Be(0, before.Error);
        using var beforeJson = JsonDocument.Parse(before.Output);
        beforeJson.RootElement.GetProperty("funding").GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(0m);
        beforeJson.RootElement.GetProperty("query").GetProperty("recordedBy").GetString().Should().Be("2020-01-01T00:00:00Z");
        using var afterJson = JsonDocument.Parse(after.Output);
        Recipient(afterJson, ReferenceTimeline2024.BorderSecurityCommand.Name).GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(150_000_000m);
    }

    [Theory]
    [InlineData("--as-of", "05/11/2024", "--as-of")]
    [InlineData("--known-at", "yesterday", "--known-at")]
    [InlineData("--recorded-by", "yesterday", "--recorded-by")]
    [InlineData("--timeline", "/no/such/file.json", "--timeline")]
    public async Task BadOptionsExitWithTwoAndNameTheOption(string option, string value, string named)
    {
        var (exit, output, error) = await Run(option, value);

        exit.Should().Be(2);
        error.Should().Contain(named);
        output.Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnknownOptionExitsWithTwo() => (await Run("--frobnicate")).Exit.Should().Be(2);

    [Fact]
    public async Task ATimelineFileReplaysInsteadOfTheBuiltInOne()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, TimelineFile.Write(ReferenceTimeline2024.Steps.Take(3)));

        var (exit, output, _) = await Run("--timeline", path, "--json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("eventsReplayed").GetInt32().Should().Be(3);
        File.Delete(path);
    }

    [Fact]
    public async Task ATimelineWithABrokenStepNamesItsLineAndReportsNothing()
    {
        var steps = ReferenceTimeline2024.Steps.Take(2).ToList();
        var text = TimelineFile.Write(steps).Replace("\"validOn\": \"2024-07-07\"", "\"validOn\": \"2024-13-07\"");
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, text);

        var (exit, output, error) = await Run("--timeline", path);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        var line = TimelineFile.StepLines(System.Text.Encoding.UTF8.GetBytes(text))[1];
        error.Should().Contain($"line {line}, $.steps[1].data.validOn");
        File.Delete(path);
    }

    [Fact]
    public async Task AStepKnownFromTheFutureIsRejectedNamingItsLine()
    {
        var steps = ReferenceTimeline2024.Steps.Take(2).ToList();
        steps[1] = steps[1] with { KnownFrom = NodaTime.SystemClock.Instance.GetCurrentInstant() + NodaTime.Duration.FromDays(365) };
        var text = TimelineFile.Write(steps);
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, text);

        var (exit, output, error) = await Run("--timeline", path, "--json");

        exit.Should().Be(2);
        output.Should().BeEmpty();
        var line = TimelineFile.StepLines(System.Text.Encoding.UTF8.GetBytes(text))[1];
        error.Should().Contain($"line {line}, $.steps[1].knownFrom");
        File.Delete(path);
    }

    [Fact]
    public async Task TheTimelineReplaysIntoPostgresWithTheSameFigures()
    {
        var connectionString = await TestDatabases.CreateAsync("console");
        var (exit, output, error) = await Run("--postgres", connectionString, "--json", "--as-of", "2024-11-05");

        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        Recipient(json, ReferenceTimeline2024.BorderSecurityCommand.Name).GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(150_000_000m);
        json.RootElement.GetProperty("recruitment").GetProperty("target").GetInt32().Should().Be(401);

        var again = await Run("--postgres", connectionString, "--as-of", "2024-11-05");

        again.Exit.Should().Be(0, again.Error);
        again.Error.Should().Contain($"0 new events, {BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024.Steps.Count} steps already stored");
        again.Output.Should().Contain("150m (75m redirected, 75m new");
    }

    [Fact]
    public async Task TheJsonIsTheSameInMemoryAndInPostgresForEveryDateAndKnownAt()
    {
        var connectionString = await TestDatabases.CreateAsync("grid");
        string[] dates = ["2024-09-01", "2024-10-01", "2024-11-05"];
        string?[] knownAts = [null, "2024-09-01T00:00:00Z", "2024-10-01T00:00:00Z", "2024-11-05T00:00:00Z"];
        var compared = 0;
        var totals = new Dictionary<(string, string?), decimal>();

        foreach (var date in dates)
        {
            foreach (var knownAt in knownAts)
            {
                string[] args = knownAt is null ? ["--json", "--as-of", date] : ["--json", "--as-of", date, "--known-at", knownAt];
                var memory = await Run(args);
                var postgres = await Run([.. args, "--postgres", connectionString]);

                memory.Exit.Should().Be(0, memory.Error);
                postgres.Exit.Should().Be(0, postgres.Error);
                postgres.Output.Should().Be(memory.Output, "as of {0}, known at {1}, both stores answer the same", date, knownAt ?? "(everything)");
                using var json = JsonDocument.Parse(postgres.Output);
                totals[(date, knownAt)] = json.RootElement.GetProperty("funding").GetProperty("totals").GetProperty("total").GetDecimal();
                compared++;
            }
        }

        compared.Should().Be(12);

        // The grid asks different questions: the September redirect counts only as known after 17 September, the
        // Budget only as of and known after 30 October.
        totals[("2024-10-01", "2024-09-01T00:00:00Z")].Should().Be(0m);
        totals[("2024-10-01", null)].Should().Be(75_000_000m);
        totals[("2024-11-05", "2024-10-01T00:00:00Z")].Should().Be(75_000_000m);
        totals[("2024-11-05", null)].Should().Be(180_000_000m);
    }
}

public class TimelineConsoleChangesTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BorderSecurity.Timeline.TimelineApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ChangesSinceADatePrintsEachChangeLearntSinceOnOneLine()
    {
        var (exit, output, _) = await Run("--changes-since", "2024-10-01", "--known-at", "2024-11-07T00:00:00Z");

        exit.Should().Be(0);
        var store = new BorderSecurity.Domain.Storage.InMemoryBorderSecurityStore(NodaTime.SystemClock.Instance);
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var expected = (await store.ChangesAsync(new BorderSecurity.Domain.Changes.ChangesQuery(
            Instant.FromUtc(2024, 10, 1, 0, 0), Instant.FromUtc(2024, 11, 7, 0, 0)))).Changes;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(expected.Count + 1);
        for (var i = 0; i < expected.Count; i++)
        {
            lines[i].Should().Contain(expected[i].Kind.ToString()).And.Contain(expected[i].Summary)
                .And.Contain($"valid {expected[i].ValidOn:yyyy-MM-dd}").And.Contain(expected[i].Sources[0].Headline);
        }

        output.Should().Contain("funding:bsc-2024-11-budget");
    }

    [Fact]
    public async Task ChangesSinceAnInstantAsKnownNowIncludesTheWindow()
    {
        var (exit, output, _) = await Run("--changes-since", "2024-10-01T00:00:00Z");

        exit.Should().Be(0);
        output.Should().Contain("funding:bsc-2024-11-budget").And.NotContain("2024-09-17 New");
    }

    [Theory]
    [InlineData("--changes-since", "last week")]
    [InlineData("--changes-since", "2024-10-01", "--json")]
    public async Task BadInputNamesTheOption(params string[] args)
    {
        var (exit, _, error) = await Run(args);

        exit.Should().Be(2);
        error.Should().Contain("--changes-since");
    }
}
