using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BorderSecurity.Api.Demo;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using CsvHelper;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// Money delivered over HTTP, on both stores (issue 23): spending posted against the November £75m, "spent so far" by
// financial year as of a date and as known at an instant, the CSV with the same numbers, and a refusal naming its rule.
public class SpendingApiTests
{
    private const string Delivery = "/funding/delivery?recipient=Border%20Security%20Command";

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task SpendingAgainstTheNovemberMoneyAnswersSpentSoFarByFinancialYear(ApiStore kind)
    {
        await using var host = await ApiHost.StartAsync(kind, new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();
        var outturn = new ReportSpending
        {
            CommitmentId = new("funding:bsc-2024-11-budget"),
            Year = new FinancialYear(2024),
            Stage = SpendingStage.Outturn,
            Amount = Money.FromMillions(10),
            ValidOn = new LocalDate(2025, 3, 31),
            Provenance = Provenance.Of(new SourceReference("outturn-2024.txt", "An outturn report (test)", new LocalDate(2025, 7, 15))),
        };
        var posted = await host.Editor().PostAsync("/requests/ReportSpending", Json(outturn));
        posted.StatusCode.Should().Be(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        using var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        var recordedAt = NodaTime.Text.InstantPattern.ExtendedIso.Parse(created.RootElement[0].GetProperty("recordedAt").GetString()!).Value;

        using (var now = JsonDocument.Parse(await client.GetStringAsync($"{Delivery}&asOf=2025-03-31")))
        {
            var november = Commitment(now.RootElement, "funding:bsc-2024-11-budget");
            november.GetProperty("spent").GetDecimal().Should().Be(10_000_000m);
            november.GetProperty("stillToSpend").GetDecimal().Should().Be(65_000_000m);
            november.GetProperty("years")[0].GetProperty("year").GetString().Should().Be("2024/25");
            november.GetProperty("years")[0].GetProperty("spentThrough").GetString().Should().Be("2025-03-31");
            now.RootElement.GetProperty("promised").GetProperty("total").GetDecimal().Should().Be(150_000_000m, "the one totals rule: no yearly level added");
            now.RootElement.GetProperty("spent").GetDecimal().Should().Be(10_000_000m);
        }

        var before = NodaTime.Text.InstantPattern.ExtendedIso.Format(recordedAt - Duration.FromMilliseconds(1));
        using (var then = JsonDocument.Parse(await client.GetStringAsync($"{Delivery}&asOf=2025-03-31&knownAt={before}")))
        {
            then.RootElement.GetProperty("spent").GetDecimal().Should().Be(0m, "nothing was reported spent before the outturn was recorded");
        }

        (await client.GetStringAsync($"{Delivery}&asOf=2025-03-30")).Should().Contain("\"spent\":0", "a full-year outturn counts from its year's last day");

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"{Delivery}&asOf=2025-03-31");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csvAnswer = await client.SendAsync(csvRequest);
        using (var reader = CsvReader.Create(new StringReader(await csvAnswer.Content.ReadAsStringAsync()), CsvReaderOptions.Default, false))
        {
            var rows = new List<Dictionary<string, string>>();
            while (reader.Read())
            {
                rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
            }

            var row = rows.Single(r => r["commitment_id"] == "funding:bsc-2024-11-budget");
            (row["year"], row["spent_gbp"], row["still_to_spend_gbp"]).Should().Be(("2024/25", "10000000", "65000000"));
        }

        var refused = await host.Editor().PostAsync("/requests/ReportSpending", Json(outturn with { ValidOn = new LocalDate(2025, 4, 1) }));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("OutturnInsideItsYear");
    }

    private static JsonElement Commitment(JsonElement delivery, string id) =>
        delivery.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("commitmentId").GetString() == id);

    private static StringContent Json(ReportSpending request) =>
        new(JsonSerializer.Serialize(request, TimelineFile.JsonOptions), Encoding.UTF8, "application/json");
}
