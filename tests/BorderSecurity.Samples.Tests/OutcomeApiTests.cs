using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BorderSecurity.Api.Demo;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using CsvHelper;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// Outcome statistics over HTTP, on both stores (issue 23, "was it delivered?"): the October 2024 crossings as reported,
// an official figure recorded later beside it, what was known before it, the CSV, and refusals naming the field or rule.
public class OutcomeApiTests
{
    private const string Arrivals = "/outcomes/indicator:small-boat-arrivals";

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task OctoberCrossingsReadMoreThan5000AndAnOfficialFigureShowsBothReleases(ApiStore kind)
    {
        await using var host = await ApiHost.StartAsync(kind, new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();

        using (var reported = JsonDocument.Parse(await client.GetStringAsync($"{Arrivals}?asOf=2024-12-31")))
        {
            var october = Releases(reported.RootElement, "2024-10-01");
            october.Should().Equal(("more than 5,000", "Reported", null));
        }

        var official = new ReviseOutcome
        {
            IndicatorId = new("indicator:small-boat-arrivals"),
            Period = CountPeriod.Month(2024, 10),
            Count = 5_100,
            Status = ReleaseStatus.ProvisionalOfficial,
            Reason = "official statistics published",
            Provenance = Provenance.Of(new SourceReference("official-release.txt", "An official release (test)", new LocalDate(2025, 2, 27))),
        };
        var posted = await host.Editor().PostAsync("/requests/ReviseOutcome", Json(JsonSerializer.Serialize(official, TimelineFile.JsonOptions)));
        posted.StatusCode.Should().Be(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        using var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        var recordedAt = InstantPattern(created);

        using (var now = JsonDocument.Parse(await client.GetStringAsync($"{Arrivals}?asOf=2024-12-31")))
        {
            Releases(now.RootElement, "2024-10-01").Should().Equal(
                ("more than 5,000", "Reported", null), ("5,100", "ProvisionalOfficial", "official statistics published"));
        }

        var before = NodaTime.Text.InstantPattern.ExtendedIso.Format(recordedAt - Duration.FromMilliseconds(1));
        using (var then = JsonDocument.Parse(await client.GetStringAsync($"{Arrivals}?asOf=2024-12-31&knownAt={before}")))
        {
            Releases(then.RootElement, "2024-10-01").Should().Equal([("more than 5,000", "Reported", null)], "the report was what was known before the official release");
        }

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/outcomes?asOf=2024-12-31");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csvAnswer = await client.SendAsync(csvRequest);
        using var reader = CsvReader.Create(new StringReader(await csvAnswer.Content.ReadAsStringAsync()), CsvReaderOptions.Default, false);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
        }

        rows.Where(r => r["indicator_id"] == "indicator:small-boat-arrivals" && r["period_from"] == "2024-10-01")
            .Select(r => (r["release"], r["stated"], r["status"], r["is_latest"]))
            .Should().Equal(("1", "more than 5,000", "Reported", "false"), ("2", "5,100", "ProvisionalOfficial", "true"));
        rows.Should().Contain(r => r["indicator_id"] == "indicator:nca-smuggling-investigations" && r["stated"] == "around 70");

        (await client.GetAsync("/outcomes/indicator:no-such-indicator?asOf=2024-12-31")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The same releases as vintages of the change questions: the first release, then the revision with its reason.
        using (var vintages = JsonDocument.Parse(await client.GetStringAsync("/vintages?subject=indicator:small-boat-arrivals&asOf=2024-10-31")))
        {
            vintages.RootElement.EnumerateArray().Select(v => (v.GetProperty("value").GetDecimal(), v.GetProperty("isFirstRelease").GetBoolean(),
                    v.GetProperty("release").GetProperty("stated").GetString(), v.GetProperty("changedBy")[0].GetString()))
                .Should().Equal((5_000m, true, "more than 5,000", "Progress"), (5_100m, false, "5,100", "Revision"));
        }

        (await client.GetStringAsync("/vintages?subject=indicator:small-boat-arrivals&asOf=2024-12-31&period=2024-10-01/2024-10-31&selection=RevisionsOnly"))
            .Should().Contain("official statistics published").And.NotContain("more than 5,000");
        var noPeriod = await client.GetAsync("/vintages?subject=indicator:small-boat-arrivals&asOf=2024-10-30");
        noPeriod.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noPeriod.Content.ReadAsStringAsync()).Should().Contain("\"period\"");
        (await client.GetAsync("/vintages?subject=indicator:small-boat-arrivals&asOf=2024-10-31&period=2024-10-31/2024-10-01")).StatusCode
            .Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ANegativeCountIsRefusedNamingTheFieldAndARevisionOfNothingNamingTheRule()
    {
        await using var host = await ApiHost.StartAsync(ApiStore.InMemory, new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var editor = host.Editor();
        var release = new ReleaseOutcome
        {
            IndicatorId = new("indicator:small-boat-arrivals"),
            Period = CountPeriod.Month(2024, 11),
            Count = -1,
            Status = ReleaseStatus.Reported,
            Provenance = Provenance.Of(new SourceReference("bad.txt", "Bad", new LocalDate(2024, 12, 1))),
        };

        var negative = await editor.PostAsync("/requests/ReleaseOutcome", Json(JsonSerializer.Serialize(release, TimelineFile.JsonOptions)));
        negative.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be("Count");

        var revision = await editor.PostAsync("/requests/ReviseOutcome", Json(JsonSerializer.Serialize(new ReviseOutcome
        {
            IndicatorId = release.IndicatorId,
            Period = release.Period,
            Count = 12,
            Status = ReleaseStatus.Revised,
            Reason = "revised",
            Provenance = release.Provenance,
        }, TimelineFile.JsonOptions)));
        revision.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await revision.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be("OutcomeMustBeReleased");

        using var json = JsonDocument.Parse(await host.Anonymous().GetStringAsync($"{Arrivals}?asOf=2030-01-01"));
        json.RootElement.GetProperty("indicator").GetProperty("values").GetArrayLength().Should().Be(2, "nothing was stored");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Instant InstantPattern(JsonDocument created) =>
        NodaTime.Text.InstantPattern.ExtendedIso.Parse(created.RootElement[0].GetProperty("recordedAt").GetString()!).Value;

    private static IReadOnlyList<(string? Stated, string? Status, string? Reason)> Releases(JsonElement indicator, string from) =>
    [
        .. indicator.GetProperty("indicator").GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("period").GetProperty("from").GetString() == from)
            .GetProperty("releases").EnumerateArray()
            .Select(r => (r.GetProperty("stated").GetString(), r.GetProperty("status").GetString(),
                r.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null)),
    ];
}
