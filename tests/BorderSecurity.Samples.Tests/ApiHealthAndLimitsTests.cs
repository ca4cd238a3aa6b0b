using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Samples.Tests;

/// <summary>Health endpoints, the demo seed, and the body and query limits.</summary>
public class ApiHealthAndLimitsTests
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task InMemoryTheServiceIsLiveAndReady()
    {
        await using var host = await ApiHost.StartAsync();

        (await host.Anonymous().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Anonymous().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OnMartenReadyIs200WithPostgreSqlUpAnd503WithItDownAndSoAreQuestionsAndWrites()
    {
        using var server = PostgresServer.StartNew();
        await using var host = await ApiHost.StartAsync(ApiStore.Marten, new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = server.ConnectionString });
        var client = host.Anonymous();

        var up = await client.GetAsync("/health/ready");
        up.StatusCode.Should().Be(HttpStatusCode.OK);
        (await up.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks")[0].GetProperty("name").GetString().Should().Be("postgresql");

        server.Kill();

        var down = await client.GetAsync("/health/ready");
        down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var body = await down.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Unhealthy");
        body.GetProperty("checks")[0].GetProperty("status").GetString().Should().Be("Unhealthy");
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

        // Questions and writes while the store is down: 503 problem details saying when to try again, not 500 (read
        // here, checked once the server is back, so a failure cannot leave it down).
        const string pledge = """
            { "commitmentId": "funding:while-down", "recipient": "INTERPOL", "amount": 1, "basis": "Firm", "originName": null,
              "period": { "description": "d" }, "purpose": "p", "announcedBy": "a", "validOn": "2024-10-01",
              "provenance": [ { "document": "d.txt", "headline": "h" } ] }
            """;
        var unavailable = new List<(HttpStatusCode Status, string? MediaType, TimeSpan? RetryAfter, string Body)>();
        foreach (var response in new[]
                 {
                     await client.GetAsync("/funding?asOf=2024-11-05"),
                     await client.GetAsync("/timeline?asOf=2024-11-05"),
                     await client.GetAsync("/commands/command:bsc?asOf=2024-11-05"),
                     await host.Editor().PostAsync("/requests/PledgeFunding", new StringContent(pledge, Encoding.UTF8, "application/json")),
                 })
        {
            unavailable.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta,
                await response.Content.ReadAsStringAsync()));
        }

        server.StartAgain();

        foreach (var (status, mediaType, retryAfter, text) in unavailable)
        {
            status.Should().Be(HttpStatusCode.ServiceUnavailable, text);
            mediaType.Should().Be("application/problem+json");
            retryAfter.Should().Be(TimeSpan.FromSeconds(5));
            JsonDocument.Parse(text).RootElement.GetProperty("title").GetString().Should().Be("Store unavailable");
        }

        unavailable[^1].Body.Should().Contain("Idempotency-Key", "whether a write that met a down store was stored is not known");
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheDemoSwitchStartsWithTheReferenceTimeline()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:SeedReferenceTimeline"] = "true" });

        using var json = JsonDocument.Parse(await host.Anonymous().GetStringAsync("/funding?asOf=2024-11-05"));

        json.RootElement.GetProperty("recipients").EnumerateArray()
            .Single(r => r.GetProperty("recipient").GetString() == ReferenceTimeline2024.BorderSecurityCommand.Name)
            .GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(150_000_000m);
    }

    [Fact]
    public async Task ABodyOverTheLimitGets413AndStoresNothing()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "1024" });
        var client = host.Editor();
        var big = "{ \"commitmentId\": \"funding:big\", \"purpose\": \"" + new string('x', 2_000) + "\" }";

        var declared = await client.PostAsync("/requests/PledgeFunding", new StringContent(big, Encoding.UTF8, "application/json"));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/requests/PledgeFunding")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) { Headers = { { "Content-Type", "application/json" } } },
        };
        chunked.Headers.TransferEncodingChunked = true;
        var streamed = await client.SendAsync(chunked);

        (await ProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString().Should().Contain("1,024");
        await ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge);
        using var timeline = JsonDocument.Parse(await client.GetStringAsync("/timeline?asOf=2030-01-01"));
        timeline.RootElement.GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("/funding?asOf=2024-11-05&asof=2024-10-01", "asof")]
    [InlineData("/funding?asOf=2024-11-05&knownAt=2024-09-20T12:00:00Z&knownAt=2024-11-05T12:00:00Z", "knownAt")]
    [InlineData("/funding?asOf=2024-11-05&asOf=2024-10-01", "asOf")]
    [InlineData("/funding?asOf=2024-11-05&recipient=INTERPOL", "recipient")]
    [InlineData("/commands/command:bsc?asOf=2024-11-05&id=command:other", "id")]
    [InlineData("/series/funding?recipient=INTERPOL&asOf=2024-11-05", "asOf")]
    [InlineData("/health/live?verbose=1", "verbose")]
    public async Task UnknownOrDuplicatedQueryParametersGet400NamingThem(string url, string field)
    {
        await using var host = await ApiHost.StartAsync();

        var problem = await ProblemAsync(await host.Anonymous().GetAsync(url), HttpStatusCode.BadRequest);

        problem.GetProperty("field").GetString().Should().Be(field);
    }

    [Fact]
    public async Task AnUnknownQueryParameterOnAWriteStoresNothing()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        var step = ReferenceTimeline2024.Steps[0].Request;
        var body = JsonSerializer.Serialize(step, step.GetType(), BorderSecurity.Domain.Serialization.TimelineFile.JsonOptions);

        var response = await client.PostAsync($"/requests/{step.GetType().Name}?expected_version=0", new StringContent(body, Encoding.UTF8, "application/json"));

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("field").GetString().Should().Be("expected_version");
        using var timeline = JsonDocument.Parse(await client.GetStringAsync("/timeline?asOf=2030-01-01"));
        timeline.RootElement.GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task TheReferencePageAndDocumentAreServedAnonymouslyEvenWhenReadsNeedAToken()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Auth:RequireReaderRole"] = "true" });

        var page = await host.Anonymous().GetAsync("/scalar/");
        var document = await host.Anonymous().GetAsync("/openapi/v1.json");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        document.StatusCode.Should().Be(HttpStatusCode.OK);
        (await document.Content.ReadAsStringAsync()).Should().Contain("\"/funding\"");
    }
}
