using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using BorderSecurity.Api.Demo;

namespace BorderSecurity.Samples.Tests;

public class ChangeFeedTests
{
    private const string Window = "knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z";

    private static Task<ApiHost> SeededAsync() =>
        ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });

    private static async Task<(SyndicationFeed Feed, HttpResponseMessage Response)> FeedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = false });
        return (SyndicationFeed.Load(reader), response);
    }

    [Fact]
    public async Task TheFeedOfOctoberToNovember2024IsTheJsonAnswerAsAtomEntries()
    {
        await using var host = await SeededAsync();
        var client = host.Anonymous();

        var (feed, response) = await FeedAsync(client, $"/changes/feed?{Window}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/atom+xml");
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/changes?{Window}"));
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();

        // Newest first: the JSON answer's order reversed, one entry per change.
        var entries = feed.Items.ToList();
        entries.Should().HaveCount(changes.Count).And.HaveCountGreaterThan(0);
        changes.Reverse();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var change = changes[i];
            entry.Title.Text.Should().Be(change.GetProperty("summary").GetString());
            entry.LastUpdatedTime.Should().Be(DateTimeOffset.Parse(change.GetProperty("knownFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            entry.Categories.Select(c => c.Name).Should().Equal(change.GetProperty("kind").GetString());
            entry.Id.Should().Contain(change.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            var sources = change.GetProperty("sources").EnumerateArray().ToList();
            entry.Links.Should().HaveCount(sources.Count).And.OnlyContain(l => l.RelationshipType == "related");
            entry.Links.Select(l => l.Title).Should().Equal(sources.Select(s => s.GetProperty("headline").GetString()));
            foreach (var (link, source) in entry.Links.Zip(sources))
            {
                if (source.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
                {
                    link.Uri.Should().Be(new Uri(url.GetString()!));
                }
            }
        }

        feed.LastUpdatedTime.Should().Be(entries.Max(e => e.LastUpdatedTime));
        entries.Select(e => e.Id).Should().OnlyHaveUniqueItems();

        // The ids do not change between requests.
        var (again, _) = await FeedAsync(client, $"/changes/feed?{Window}");
        again.Items.Select(e => e.Id).Should().Equal(entries.Select(e => e.Id));

        // The new £75m of Budget money is in the window, with its sources as links.
        var budget = changes.Single(c => c.GetProperty("stream").GetString() == "funding:bsc-2024-11-budget");
        budget.GetProperty("figure").GetProperty("after").GetDecimal().Should().Be(75_000_000m);
        var entryOfBudget = entries.Single(e => e.Title.Text == budget.GetProperty("summary").GetString());
        entryOfBudget.Id.Should().Contain(Uri.EscapeDataString("funding:bsc-2024-11-budget"));
        entryOfBudget.Links.Should().HaveCount(budget.GetProperty("sources").GetArrayLength()).And.NotBeEmpty();
    }

    [Fact]
    public async Task AFeedAboutOneSubjectHasOnlyItsChanges()
    {
        await using var host = await SeededAsync();
        var client = host.Anonymous();

        var (feed, _) = await FeedAsync(client, "/changes/feed?subject=funding:bsc-2024-11-budget");
        using var json = JsonDocument.Parse(await client.GetStringAsync(
            "/changes?knownAfter=0001-01-01T00:00:00Z&knownBy=2100-01-01T00:00:00Z&subject=funding:bsc-2024-11-budget"));
        var titles = json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("summary").GetString()).Reverse();
        feed.Items.Select(e => e.Title.Text).Should().Equal(titles).And.NotBeEmpty();
    }

    [Theory]
    [InlineData("/changes/feed?knownAfter=2024-11-07T00:00:00Z&knownBy=2024-10-01T00:00:00Z", "knownBy")]
    [InlineData("/changes/feed?knownAfter=yesterday", "knownAfter")]
    [InlineData("/changes/feed?subject=not%20a%20subject!", "subject")]
    public async Task BadInputIsA400NamingTheParameter(string url, string field)
    {
        await using var host = await SeededAsync();
        var response = await host.Anonymous().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(field);
    }
}
