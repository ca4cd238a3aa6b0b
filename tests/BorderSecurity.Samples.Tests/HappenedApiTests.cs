using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using BorderSecurity.Api.Demo;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Shared;
using BorderSecurity.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// The change questions over HTTP on both stores (issue 22): what was learnt between two instants, what happened between
// two valid dates, the vintages of a figure and of a whole series, and the Atom feed read back with a real reader.
public class HappenedApiTests
{
    // One change per step of the reference timeline known after 1 October and by 7 November 2024 (each step is one event).
    private static readonly int LearntInOctoberAndNovember2024 =
        BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024.Steps.Count(s => s.KnownFrom > Instant.FromUtc(2024, 10, 1, 0, 0) && s.KnownFrom <= Instant.FromUtc(2024, 11, 7, 0, 0));

    private static Task<ApiHost> SeededAsync(ApiStore store) =>
        ApiHost.StartAsync(store, new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task TheChangeQuestionsOfTheReferenceTimelineAnswerOverHttpOnEachStore(ApiStore kind)
    {
        await using var host = await SeededAsync(kind);
        var client = host.Anonymous();
        var store = host.Factory.Services.GetRequiredService<IBorderSecurityStore>();

        // Learnt between 1 October and 7 November 2024: the new £75m, the NCA target re-announced once, the September money
        // read into the two-year total, the disputes opened; each classified and sourced.
        using var learnt = JsonDocument.Parse(await client.GetStringAsync("/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z"));
        var changes = learnt.RootElement.GetProperty("changes").EnumerateArray().ToList();
        changes.Should().HaveCount(LearntInOctoberAndNovember2024).And.OnlyContain(c => c.GetProperty("sources").GetArrayLength() > 0);
        changes.Select(c => (c.GetProperty("stream").GetString(), c.GetProperty("kind").GetString())).Should().Contain(
            [("funding:bsc-2024-11-budget", "New"), ("recruitment:nca-specialist-officers", "Reannouncement"),
                ("funding:bsc-2024-09-ima-redirect", "CoverageChange")]);
        changes.Count(c => c.GetProperty("kind").GetString() == "DisputeOpened").Should().Be(2);

        // What happened between 1 September and 30 November 2024, as known now and as known on 1 October 2024.
        using var now = JsonDocument.Parse(await client.GetStringAsync("/happened?from=2024-09-01&to=2024-11-30"));
        var expectedNow = await store.HappenedAsync(new HappenedQuery(new LocalDate(2024, 9, 1), new LocalDate(2024, 11, 30)));
        now.RootElement.EnumerateArray().Select(c => c.GetProperty("sequence").GetInt64()).Should().Equal(expectedNow.Select(c => c.Sequence));
        using var then = JsonDocument.Parse(await client.GetStringAsync("/happened?from=2024-09-01&to=2024-11-30&knownAt=2024-10-01T00:00:00Z"));
        var streamsThen = then.RootElement.EnumerateArray().Select(c => c.GetProperty("stream").GetString()).ToList();
        streamsThen.Should().Contain("funding:bsc-2024-09-ima-redirect").And.NotContain("funding:bsc-2024-11-budget");
        streamsThen.Count.Should().BeLessThan(expectedNow.Count);

        // The vintages of the BSC's funding as of 30 September 2024, and of its whole series as of 30 November 2024.
        using var vintages = JsonDocument.Parse(await client.GetStringAsync("/vintages?asOf=2024-09-30&recipient=Border%20Security%20Command"));
        vintages.RootElement.EnumerateArray().Select(v => (v.GetProperty("value").GetDecimal(), v.GetProperty("knownFrom").GetString()))
            .Should().Equal((75_000_000m, "2024-09-17T12:00:00Z"));
        using var series = JsonDocument.Parse(await client.GetStringAsync("/vintages/series?asOf=2024-11-30&recipient=Border%20Security%20Command"));
        var lines = series.RootElement.EnumerateArray().ToList();
        lines.Select(v => v.GetProperty("knownFrom").GetString()).Should().Equal("2024-09-17T12:00:00Z", "2024-11-04T12:00:00Z");
        lines[^1].GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetProperty("total").GetDecimal())
            .Should().Equal(75_000_000m, 150_000_000m);

        // The Atom feed of the same window, read back with SyndicationFeed: an entry per change.
        var response = await client.GetAsync("/changes/feed?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        SyndicationFeed.Load(reader).Items.Should().HaveCount(changes.Count);
    }

    [Theory]
    [InlineData("/happened?from=2024-11-30&to=2024-09-01", "to")]
    [InlineData("/happened?from=September&to=2024-11-30", "from")]
    [InlineData("/happened?from=2024-09-01", "to")]
    [InlineData("/happened?from=2024-09-01&to=2024-11-30&knownAt=yesterday", "knownAt")]
    [InlineData("/happened?from=2024-09-01&to=2024-11-30&subject=", "subject")]
    [InlineData("/vintages/series?recipient=Border%20Security%20Command", "asOf")]
    [InlineData("/vintages/series?asOf=2024-11-30&selection=Latest", "selection")]
    public async Task BadInputIsA400NamingTheParameter(string url, string field)
    {
        await using var host = await SeededAsync(ApiStore.InMemory);
        var response = await host.Anonymous().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).ToString().Should().Contain(field);
    }
}
