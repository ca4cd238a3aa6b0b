using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BorderSecurity.Api;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BorderSecurity.Samples.Tests;

public class ApiTests
{
    private const string Redirect = """
        { "commitmentId": "funding:bsc-2024-09", "recipient": "Border Security Command", "amount": 75000000, "basis": "UpTo",
          "fromProgramme": "Illegal Migration Act 2023", "fromLegislationId": null, "period": { "description": "not stated" },
          "purpose": "Technology", "announcedBy": "Home Secretary", "validOn": "2024-09-17",
          "provenance": [ { "document": "003_42febc41d18400fd.txt", "headline": "New funding for tech" } ] }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task PostTimelineAsync(HttpClient client)
    {
        foreach (var step in ReferenceTimeline2024.Steps)
        {
            var body = JsonSerializer.Serialize(step.Request, step.Request.GetType(), TimelineFile.JsonOptions);
            var response = await client.PostAsync($"/requests/{step.Request.GetType().Name}", Json(body));
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task<decimal> BscTotalAsync(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/funding?{query}"));
        return json.RootElement.GetProperty("recipients").EnumerateArray()
            .Single(r => r.GetProperty("recipient").GetString() == ReferenceTimeline2024.BorderSecurityCommand.Name)
            .GetProperty("totals").GetProperty("total").GetDecimal();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task TheTimelinePostedOverHttpAnswers150mAsOfFifthNovember()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();

        await PostTimelineAsync(client);

        (await BscTotalAsync(client, "asOf=2024-11-05")).Should().Be(150_000_000m);
        (await BscTotalAsync(client, "asOf=2024-10-01")).Should().Be(75_000_000m);
        using var overview = JsonDocument.Parse(await client.GetStringAsync("/commands/command:bsc?asOf=2024-11-05"));
        overview.RootElement.GetProperty("command").GetProperty("leader").GetProperty("name").GetString().Should().Be("Martin Hewitt");
        using var series = JsonDocument.Parse(await client.GetStringAsync("/series/funding?recipient=Border%20Security%20Command"));
        series.RootElement.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task AsOfBeforeTheRecordingInstantExcludesTheEvent()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        (await client.PostAsync("/requests/RedirectFunding", Json(Redirect))).StatusCode.Should().Be(HttpStatusCode.Created);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/funding?asOf=2024-10-01&knownAt=2020-01-01T00:00:00Z"));

        json.RootElement.GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(0m);
    }

    [Fact]
    public async Task TheStoreComesFromDependencyInjectionAndRecordedByAsksTheAuditView()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        var created = await client.PostAsync("/requests/RedirectFunding", Json(Redirect));
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var recordedAt = body.RootElement[0].GetProperty("recordedAt").GetString();
        body.RootElement[0].GetProperty("knownFrom").GetString().Should().Be(recordedAt);

        host.Factory.Services.GetService(typeof(InMemoryBorderSecurityStore)).Should().NotBeNull();
        (await BscTotalAsync(client, $"asOf=2024-10-01&recordedBy={recordedAt}")).Should().Be(75_000_000m);
        using var before = JsonDocument.Parse(await client.GetStringAsync("/funding?asOf=2024-10-01&recordedBy=2020-01-01T00:00:00Z"));
        before.RootElement.GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(0m);
        using var series = JsonDocument.Parse(await client.GetStringAsync("/series/funding?recordedBy=2020-01-01T00:00:00Z"));
        series.RootElement.GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("/funding?asOf=2024-13-01", "asOf")]
    [InlineData("/funding?asOf=2024-10-01&recordedBy=yesterday", "recordedBy")]
    [InlineData("/funding", "asOf")]
    [InlineData("/funding?asOf=2024-10-01&knownAt=tomorrow", "knownAt")]
    [InlineData("/funding?asOf=2024-10-01&knownAt=2024-10-01T09:00:00", "knownAt")]
    public async Task BadQueryParametersGetAProblemNamingTheField(string url, string field)
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.Anonymous().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("field").GetString().Should().Be(field);
    }

    [Fact]
    public async Task AnInvalidBodyGetsAProblemNamingTheFieldAndStoresNothing()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();

        var response = await client.PostAsync("/requests/RedirectFunding", Json(Redirect.Replace("75000000", "-1")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("field").GetString().Should().Be("$.amount");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/timeline?asOf=2030-01-01"));
        json.RootElement.GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task ABrokenRuleGets422NamingTheRule()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        await client.PostAsync("/requests/RedirectFunding", Json(Redirect));

        var response = await client.PostAsync("/requests/RedirectFunding", Json(Redirect));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemAsync(response)).GetProperty("field").GetString().Should().Be("CommitmentAlreadyExists");
    }

    [Fact]
    public async Task AStaleExpectedVersionGets409()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        await client.PostAsync("/requests/RedirectFunding", Json(Redirect));
        var reannounce = """{ "commitmentId": "funding:bsc-2024-09", "announcedBy": "PM", "validOn": "2024-11-04", "provenance": [ { "document": "x", "headline": "y" } ] }""";
        (await client.PostAsync("/requests/ReannounceFunding?expectedVersion=1", Json(reannounce))).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await client.PostAsync("/requests/ReannounceFunding?expectedVersion=1", Json(reannounce));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnUnknownRequestGets404()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.Editor().PostAsync("/requests/DropTables", Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task WithAConnectionStringTheServiceKeepsTheModelInMarten()
    {
        await using var host = await ApiHost.StartAsync(ApiStore.Marten);
        var client = host.Editor();

        await PostTimelineAsync(client);

        host.Factory.Services.GetService(typeof(MartenBorderSecurityStore)).Should().NotBeNull();
        (await BscTotalAsync(client, "asOf=2024-11-05")).Should().Be(150_000_000m);
    }
}
