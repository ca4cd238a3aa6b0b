using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BorderSecurity.Api.Csv;
using BorderSecurity.Api.Demo;
using BorderSecurity.Csv;
using CsvHelper;

namespace BorderSecurity.Samples.Tests;

// Every tabular answer as CSV (issue 22), read back with CsvHelper's reader against the JSON answer of the same
// question: the table's header, one row per JSON row, and the key fields of each row equal.
public class ApiCsvTablesTests
{
    /// <summary>A tabular question: its URL, its CSV table's header, where its rows are in the JSON answer, and which CSV column holds which JSON field.</summary>
    public sealed record Table(string Url, IReadOnlyList<string> Header, Func<JsonElement, IEnumerable<JsonElement>> Rows, IReadOnlyList<(string Column, Func<JsonElement, string?> Field)> Checks)
    {
        public override string ToString() => Url;
    }

    // One release with its indicator's id and its period's first day beside it, as one JSON object (a CSV row of /outcomes).
    private static JsonElement Release(JsonElement indicator, JsonElement value, JsonElement release) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            indicatorId = indicator.GetProperty("indicatorId").GetString(),
            from = value.GetProperty("period").GetProperty("from").GetString(),
            stated = release.GetProperty("stated").GetString(),
            status = release.GetProperty("status").GetString(),
        })).RootElement;

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Number => e.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => e.GetString(),
    };

    public static TheoryData<Table> Tables() =>
    [
        new("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z", CsvTables.Changes.Header, j => j.GetProperty("changes").EnumerateArray(),
            [("sequence", r => Text(r.GetProperty("sequence"))), ("stream_id", r => r.GetProperty("stream").GetString()), ("kind", r => r.GetProperty("kind").GetString()),
             ("is_backfill", r => Text(r.GetProperty("isBackfill"))), ("summary", r => r.GetProperty("summary").GetString()),
             ("after", r => r.TryGetProperty("figure", out var f) && f.ValueKind == JsonValueKind.Object ? Text(f.GetProperty("after")) : "")]),
        new("/happened?from=2024-09-01&to=2024-11-30", CsvTables.Changes.Header, j => j.EnumerateArray(),
            [("sequence", r => Text(r.GetProperty("sequence"))), ("valid_on", r => r.GetProperty("validOn").GetString())]),
        new("/vintages?asOf=2024-11-05&recipient=Border%20Security%20Command", CsvTables.Vintages.Header, j => j.EnumerateArray(),
            [("known_from", r => r.GetProperty("knownFrom").GetString()), ("value", r => Text(r.GetProperty("value"))),
             ("is_first_release", r => Text(r.GetProperty("isFirstRelease")))]),
        new("/vintages/series?asOf=2024-11-30&recipient=Border%20Security%20Command", CsvTables.SeriesVintages.Header,
            j => j.EnumerateArray().SelectMany(v => v.GetProperty("points").EnumerateArray().Select(p => Merge(v, p))),
            [("known_from", r => r.GetProperty("knownFrom").GetString()), ("valid_from", r => r.GetProperty("from").GetString()),
             ("total_gbp", r => Text(r.GetProperty("value").GetProperty("total")))]),
        new("/series/funding?recipient=Border%20Security%20Command", CsvTables.FundingSeries.Header, j => j.EnumerateArray(),
            [("valid_from", r => r.GetProperty("from").GetString()), ("total_gbp", r => Text(r.GetProperty("value").GetProperty("total")))]),
        new("/funding/financial-years?from=2024/25&to=2025/26&asOf=2024-11-30", CsvTables.FinancialYears.Header,
            j => j.GetProperty("years").EnumerateArray().Append(Merge(j.GetProperty("notStated"), default)),
            [("for_the_year_gbp", r => Text(r.TryGetProperty("forTheYear", out var y) ? y.GetProperty("total") : r.GetProperty("total")))]),
        new("/recruitment?asOf=2024-12-31", CsvTables.Targets.Header,
            j => j.GetProperty("organisations").EnumerateArray().SelectMany(o => o.GetProperty("targets").EnumerateArray()),
            [("target_id", r => r.GetProperty("targetId").GetString()), ("headcount", r => Text(r.GetProperty("headcount"))),
             ("in_post", r => Text(r.GetProperty("inPost"))), ("status", r => r.GetProperty("status").GetString())]),
        new("/recruitment/targets/recruitment:border-security-commander/progress?asOf=2024-12-31", CsvTables.TargetProgress.Header, j => j.EnumerateArray(),
            [("valid_from", r => r.GetProperty("from").GetString()), ("in_post", r => Text(r.GetProperty("value").GetProperty("inPost")))]),
        new("/legislation?asOf=2024-12-31", CsvTables.Legislation.Header, j => j.EnumerateArray(),
            [("legislation_id", r => r.GetProperty("legislation").GetProperty("legislationId").GetString()),
             ("title", r => r.GetProperty("legislation").GetProperty("title").GetString())]),
        new("/outcomes?asOf=2024-12-31", CsvTables.Outcomes.Header,
            j => j.EnumerateArray().SelectMany(i => i.GetProperty("indicator").GetProperty("values").EnumerateArray()
                .SelectMany(v => v.GetProperty("releases").EnumerateArray().Select(r => Release(i, v, r)))),
            [("indicator_id", r => r.GetProperty("indicatorId").GetString()), ("period_from", r => r.GetProperty("from").GetString()),
             ("stated", r => r.GetProperty("stated").GetString()), ("status", r => r.GetProperty("status").GetString())]),
        new("/disputes?asOf=2024-12-31", CsvTables.Disputes.Header, j => j.EnumerateArray(),
            [("dispute_id", r => r.GetProperty("disputeId").GetString()), ("subject_ids", r => string.Join("; ", r.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString()))),
             ("fact", r => r.GetProperty("fact").GetString())]),
    ];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task EveryTabularAnswerAsCsvHasTheJsonRowsRowForRow(Table table)
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();

        using var json = JsonDocument.Parse(await client.GetStringAsync(table.Url));
        var expected = table.Rows(json.RootElement).ToList();
        expected.Should().NotBeEmpty($"{table.Url} should have rows on the reference timeline");

        using var request = new HttpRequestMessage(HttpMethod.Get, table.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var answer = await client.SendAsync(request);
        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        answer.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");

        using var reader = CsvReader.Create(new StringReader(await answer.Content.ReadAsStringAsync()), CsvReaderOptions.Default, false);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
        }

        reader.Headers.Should().Equal(table.Header);
        rows.Should().HaveCount(expected.Count);
        foreach (var (row, element) in rows.Zip(expected))
        {
            foreach (var (column, field) in table.Checks)
            {
                row[column].Should().Be(field(element), $"{table.Url}, column {column}");
            }
        }
    }

    [Fact]
    public async Task JsonStaysTheDefault()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var answer = await host.Anonymous().GetAsync("/recruitment?asOf=2024-12-31");
        answer.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    // A vintage's fields with one of its points' fields, as one JSON object (the CSV flattens them into one row).
    private static JsonElement Merge(JsonElement outer, JsonElement inner)
    {
        var merged = new Dictionary<string, JsonElement>();
        foreach (var source in new[] { outer, inner }.Where(e => e.ValueKind == JsonValueKind.Object))
        {
            foreach (var property in source.EnumerateObject())
            {
                merged[property.Name] = property.Value.Clone();
            }
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
