using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BorderSecurity.Api.Demo;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

public class ChangeApiTests
{
    // One change per step of the reference timeline known after 1 October and by 7 November 2024 (each step is one event).
    private static readonly int LearntInOctoberAndNovember2024 =
        BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024.Steps.Count(s => s.KnownFrom > Instant.FromUtc(2024, 10, 1, 0, 0) && s.KnownFrom <= Instant.FromUtc(2024, 11, 7, 0, 0));

    private static Task<ApiHost> SeededAsync() =>
        ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });

    [Fact]
    public async Task WhatWeLearntBetweenOctoberAndNovember2024ComesOverHttpClassifiedAndSourced()
    {
        await using var host = await SeededAsync();
        var client = host.Editor();

        using var page = JsonDocument.Parse(await client.GetStringAsync("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z"));
        var changes = page.RootElement.GetProperty("changes").EnumerateArray().ToList();
        changes.Should().HaveCount(LearntInOctoberAndNovember2024);
        changes.Should().OnlyContain(c => c.GetProperty("sources").GetArrayLength() > 0);
        var budget = changes.Single(c => c.GetProperty("stream").GetString() == "funding:bsc-2024-11-budget");
        budget.GetProperty("figure").GetProperty("after").GetDecimal().Should().Be(75_000_000m);

        using var paged = JsonDocument.Parse(await client.GetStringAsync("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&pageSize=4"));
        paged.RootElement.GetProperty("changes").GetArrayLength().Should().Be(4);
        var next = paged.RootElement.GetProperty("continuation").GetString();
        using var second = JsonDocument.Parse(await client.GetStringAsync(
            $"/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&pageSize=4&continuation={Uri.EscapeDataString(next!)}"));
        second.RootElement.GetProperty("changes")[0].GetProperty("sequence").GetInt64().Should().Be(changes[4].GetProperty("sequence").GetInt64());

        // As this store had recorded it before the seed was imported: nothing (the audit view).
        using var audit = JsonDocument.Parse(await client.GetStringAsync(
            "/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&recordedBy=2000-01-01T00:00:00Z"));
        audit.RootElement.GetProperty("changes").GetArrayLength().Should().Be(0);

        using var vintages = JsonDocument.Parse(await client.GetStringAsync("/vintages?asOf=2024-09-30&recipient=Border%20Security%20Command"));
        vintages.RootElement.EnumerateArray().Select(v => v.GetProperty("value").GetDecimal()).Should().Equal(75_000_000m);
    }

    [Theory]
    [InlineData("/changes?knownAfter=2024-11-07T00:00:00Z&knownBy=2024-10-01T00:00:00Z", "knownBy")]
    [InlineData("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&pageSize=0", "pageSize")]
    [InlineData("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&pageSize=1001", "pageSize")]
    [InlineData("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&continuation=nonsense", "continuation")]
    [InlineData("/changes?knownAfter=yesterday&knownBy=2024-11-07T00:00:00Z", "knownAfter")]
    [InlineData("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&recordedBy=today", "recordedBy")]
    [InlineData("/vintages?asOf=2024-09-30&subject=funding:no-such-commitment", "subject")]
    [InlineData("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&subject=funding:no-such-commitment", "subject")]
    [InlineData("/changes/feed?subject=funding:no-such-commitment", "subject")]
    [InlineData("/happened?from=2024-09-01&to=2024-11-30&subject=funding:no-such-commitment", "subject")]
    [InlineData("/vintages?asOf=2024-09-30&subject=recruitment:nca-specialist-officers&figure=amount", "figure")]
    public async Task BadInputIsA400NamingTheParameter(string url, string field)
    {
        await using var host = await SeededAsync();
        var response = await host.Editor().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.ToString().Should().Contain(field);
    }
}
