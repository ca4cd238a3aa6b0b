using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BorderSecurity.Api.Demo;
using CsvHelper;

namespace BorderSecurity.Samples.Tests;

// Pledges, verdicts and the delivery view over HTTP, on both stores (issue 23, "was it delivered?").
public class PledgeApiTests
{
    private const string Pledge = "/pledges/pledge:create-border-security-command";

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task TheCommandPledgeShowsFullFactsVerdictWithItsDateAndSourceAndItsDelivery(ApiStore kind)
    {
        await using var host = await ApiHost.StartAsync(kind, new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();

        using (var pledge = JsonDocument.Parse(await client.GetStringAsync($"{Pledge}?asOf=2024-12-31")))
        {
            var verdict = pledge.RootElement.GetProperty("pledge").GetProperty("verdicts").EnumerateArray().Should().ContainSingle().Subject;
            verdict.GetProperty("assessor").GetString().Should().Be("Full Fact");
            verdict.GetProperty("rating").GetString().Should().Be("Achieved");
            verdict.GetProperty("on").GetString().Should().Be("2024-11-04");
            verdict.GetProperty("sources")[0].GetProperty("url").GetString().Should().Be("https://fullfact.org/government-tracker/border-security-command");
        }

        using (var before = JsonDocument.Parse(await client.GetStringAsync($"{Pledge}?asOf=2024-12-31&knownAt=2024-11-05T00:00:00Z")))
        {
            before.RootElement.GetProperty("pledge").GetProperty("verdicts").GetArrayLength().Should().Be(0, "the verdict was recorded on 6 November 2024");
        }

        using (var delivery = JsonDocument.Parse(await client.GetStringAsync($"{Pledge}/delivery?asOf=2024-12-31")))
        {
            delivery.RootElement.GetProperty("promised").GetProperty("total").GetDecimal().Should().Be(150_000_000m);
            delivery.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("inPost").GetInt32()).Should().Equal(1, 0);
            delivery.RootElement.GetProperty("outcomes")[0].GetProperty("indicatorId").GetString().Should().Be("indicator:small-boat-arrivals");
            delivery.RootElement.GetProperty("notRecorded").GetArrayLength().Should().Be(0);
        }

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/pledges?asOf=2024-12-31");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await client.SendAsync(csvRequest);
        using var reader = CsvReader.Create(new StringReader(await csv.Content.ReadAsStringAsync()), CsvReaderOptions.Default, false);
        reader.Read().Should().BeTrue();
        (reader.GetString("pledge_id"), reader.GetString("assessor"), reader.GetString("rating"), reader.GetString("verdict_on"), reader.GetString("is_latest"))
            .Should().Be(("pledge:create-border-security-command", "Full Fact", "Achieved", "2024-11-04", "true"));

        (await client.GetAsync("/pledges/pledge:no-such-pledge/delivery?asOf=2024-12-31")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"{Pledge}?asOf=2024-07-06")).StatusCode.Should().Be(HttpStatusCode.NotFound, "made on 7 July 2024");
    }
}
