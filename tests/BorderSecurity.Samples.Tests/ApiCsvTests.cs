using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using CsvHelper;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// The CSV answers, read back with CsvHelper's reader: the header, one row per JSON row, and the same values as JSON.
public class ApiCsvTests
{
    // A headline with a comma and quotes, which the CSV must quote and the reader must give back unchanged.
    private const string AwkwardHeadline = "Spending Review 2025: \"border security\", up to £280m a year";

    private static readonly PledgeFunding SpendingReview = new PledgeFunding
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
        Provenance = Provenance.Of(new SourceReference("spending-review-2025.txt", AwkwardHeadline, new LocalDate(2025, 6, 11), url: "https://www.gov.uk/spending-review-2025")),
    };

    [Fact]
    public async Task FundingAsCsvHasTheJsonCommitmentsRowForRow()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        foreach (var request in ReferenceTimeline2024.Steps.Select(s => s.Request).Append(SpendingReview))
        {
            var body = JsonSerializer.Serialize(request, request.GetType(), TimelineFile.JsonOptions);
            var response = await client.PostAsync($"/requests/{request.GetType().Name}", new StringContent(body, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        foreach (var asOf in new[] { "2024-11-05", "2025-06-11" })
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/funding?asOf={asOf}"));
            var commitments = json.RootElement.GetProperty("commitments").EnumerateArray().ToList();

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/funding?asOf={asOf}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
            using var answer = await client.SendAsync(request);
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            answer.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
            answer.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
            answer.Content.Headers.ContentType.Parameters.Should().Contain(p => p.Name == "header" && p.Value == "present");

            using var reader = CsvReader.Create(new StringReader(await answer.Content.ReadAsStringAsync()), CsvReaderOptions.Default, false);
            var rows = new List<Dictionary<string, string>>();
            while (reader.Read())
            {
                rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
            }

            reader.Headers.Should().Equal("commitment_id", "recipient", "origin", "basis", "committed_on", "amount_gbp", "allocated_gbp", "is_withdrawn", "source_urls", "source_headlines");
            rows.Should().HaveCount(commitments.Count);
            foreach (var (row, commitment) in rows.Zip(commitments))
            {
                row["commitment_id"].Should().Be(commitment.GetProperty("commitmentId").GetString());
                row["recipient"].Should().Be(commitment.GetProperty("recipient").GetString());
                row["basis"].Should().Be(commitment.GetProperty("basis").GetString());
                row["committed_on"].Should().Be(commitment.GetProperty("committedOn").GetString());
                decimal.Parse(row["amount_gbp"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(commitment.GetProperty("amount").GetDecimal());
                row["is_withdrawn"].Should().Be(commitment.GetProperty("isWithdrawn").GetBoolean() ? "true" : "false");
                row["source_headlines"].Split(" | ").Should().Equal(commitment.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("headline").GetString()));
            }

            // The Border Security Command's funding as of 2024-11-05 (no yearly levels yet), summed from the CSV, equals the JSON's total.
            if (asOf != "2024-11-05")
            {
                continue;
            }

            var bsc = ReferenceTimeline2024.BorderSecurityCommand.Name;
            var jsonTotal = json.RootElement.GetProperty("recipients").EnumerateArray()
                .Single(r => r.GetProperty("recipient").GetString() == bsc).GetProperty("totals").GetProperty("total").GetDecimal();
            var csvTotal = rows.Where(r => r["recipient"] == bsc && r["is_withdrawn"] == "false")
                .Sum(r => decimal.Parse(r["amount_gbp"], System.Globalization.CultureInfo.InvariantCulture));
            csvTotal.Should().Be(jsonTotal, $"as of {asOf}");
        }

        var spending = await CsvRowsAsync(client, "/funding?asOf=2025-06-11");
        spending.Single(r => r["commitment_id"] == SpendingReview.CommitmentId.Value)["source_headlines"].Should().Be(AwkwardHeadline);
    }

    [Fact]
    public async Task TheTimelineAsCsvHasTheJsonEntriesRowForRow()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        foreach (var request in ReferenceTimeline2024.Steps.Select(s => s.Request).Append(SpendingReview))
        {
            var body = JsonSerializer.Serialize(request, request.GetType(), TimelineFile.JsonOptions);
            (await client.PostAsync($"/requests/{request.GetType().Name}", new StringContent(body, Encoding.UTF8, "application/json")))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var json = JsonDocument.Parse(await client.GetStringAsync("/timeline?asOf=2025-06-11"));
        var entries = json.RootElement.EnumerateArray().ToList();
        var rows = await CsvRowsAsync(client, "/timeline?asOf=2025-06-11");

        rows.Should().HaveCount(entries.Count).And.NotBeEmpty();
        foreach (var (row, entry) in rows.Zip(entries))
        {
            row["valid_on"].Should().Be(entry.GetProperty("validOn").GetString());
            row["sequence"].Should().Be(entry.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            row["stream_id"].Should().Be(entry.GetProperty("streamId").GetString());
            row["event_name"].Should().Be(entry.GetProperty("eventName").GetString());
            row["summary"].Should().Be(entry.GetProperty("summary").GetString());
            row["source_headlines"].Split(" | ").Should().Equal(entry.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("headline").GetString()));
        }

        rows.Should().Contain(r => r["source_headlines"] == AwkwardHeadline, "a headline with a comma and quotes round-trips");
    }

    private static async Task<List<Dictionary<string, string>>> CsvRowsAsync(HttpClient client, string uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var answer = await client.SendAsync(request);
        using var reader = CsvReader.Create(new StringReader(await answer.Content.ReadAsStringAsync()), CsvReaderOptions.Default, false);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
        }

        return rows;
    }
}
