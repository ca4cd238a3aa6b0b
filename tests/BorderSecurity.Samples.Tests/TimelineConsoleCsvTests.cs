using System.Globalization;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Shared;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Timeline;
using CsvHelper;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// The console's --csv (issue 22): each table read back with CsvHelper's reader against the store's answer to the same question.
public class TimelineConsoleCsvTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TimelineApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) Read(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), CsvReaderOptions.Default, false);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
        }

        return (reader.Headers.ToList(), rows);
    }

    private static async Task<IBorderSecurityStore> ReferenceStoreAsync()
    {
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        return store;
    }

    [Fact]
    public async Task CommitmentsAsCsvAreTheStoresCommitmentsRowForRow()
    {
        var (exit, output, _) = await Run("--csv", "commitments", "--as-of", "2024-11-05", "--known-at", "2024-10-01T00:00:00Z");

        exit.Should().Be(0);
        var (header, rows) = Read(output);
        header.Should().Equal(CsvTables.Commitments.Header);
        var expected = (await (await ReferenceStoreAsync()).FundingAsync(new AsOfQuery(new LocalDate(2024, 11, 5), Instant.FromUtc(2024, 10, 1, 0, 0)))).Commitments;
        rows.Select(r => (r["commitment_id"], decimal.Parse(r["amount_gbp"], CultureInfo.InvariantCulture)))
            .Should().Equal(expected.Select(c => (c.CommitmentId, c.Amount.Pounds)));
        rows.Should().ContainSingle("as known at 1 October 2024 only the September £75m was committed");
    }

    [Theory]
    [InlineData("recruitment", "target_id")]
    [InlineData("legislation", "legislation_id")]
    [InlineData("disputes", "dispute_id")]
    [InlineData("timeline", "sequence")]
    [InlineData("financial-years", "financial_year")]
    public async Task EachTableAsCsvHasItsHeaderAndTheStoresRows(string table, string key)
    {
        var (exit, output, _) = await Run("--csv", table, "--as-of", "2024-12-31");

        exit.Should().Be(0);
        var (header, rows) = Read(output);
        header.Should().Contain(key);
        var store = await ReferenceStoreAsync();
        var query = new AsOfQuery(new LocalDate(2024, 12, 31));
        IEnumerable<string> expected = table switch
        {
            "recruitment" => (await store.RecruitmentAsync(query)).Organisations.SelectMany(o => o.Targets).Select(t => t.TargetId),
            "legislation" => (await store.LegislationAsync(query)).Select(l => l.Legislation.LegislationId),
            "disputes" => (await store.DisputesAsync(query)).Select(d => d.DisputeId),
            "timeline" => (await store.TimelineAsync(query)).Select(t => t.Sequence.ToString(CultureInfo.InvariantCulture)),
            _ => ["2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "not stated"],
        };
        rows.Select(r => r[key]).Should().Equal(expected);
    }

    [Fact]
    public async Task ChangesAsCsvAreTheWindowsChanges()
    {
        var (exit, output, _) = await Run("--csv", "changes", "--changes-since", "2024-10-01", "--known-at", "2024-11-07T00:00:00Z");

        exit.Should().Be(0);
        var (header, rows) = Read(output);
        header.Should().Equal(CsvTables.Changes.Header);
        var expected = (await (await ReferenceStoreAsync()).ChangesAsync(new ChangesQuery(Instant.FromUtc(2024, 10, 1, 0, 0), Instant.FromUtc(2024, 11, 7, 0, 0)))).Changes;
        rows.Select(r => (r["sequence"], r["kind"], r["summary"])).Should().Equal(
            expected.Select(c => (c.Sequence.ToString(CultureInfo.InvariantCulture), c.Kind.ToString(), c.Summary)));
    }

    [Theory]
    [InlineData(new[] { "--csv", "budget" }, "--csv: 'budget' is not a table")]
    [InlineData(new[] { "--csv", "changes" }, "--csv changes needs --changes-since")]
    [InlineData(new[] { "--csv", "commitments", "--changes-since", "2024-10-01" }, "does not combine with --changes-since")]
    [InlineData(new[] { "--csv", "commitments", "--json" }, "does not combine with --json")]
    public async Task BadCsvInputNamesTheOption(string[] args, string message)
    {
        var (exit, output, error) = await Run(args);

        exit.Should().Be(TimelineApp.BadInput);
        output.Should().BeEmpty();
        error.Should().Contain(message);
    }
}
