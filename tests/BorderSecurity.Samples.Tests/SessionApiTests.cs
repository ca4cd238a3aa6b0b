using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using CsvHelper;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// Bills by session over HTTP, on both stores (issue 23): a bill introduced in 2024-25 and carried over, another that fell,
// "which bills fell at the end of the 2024-25 session?" as JSON and CSV, as known before and after; a refusal naming its rule.
public class SessionApiTests
{
    private static readonly Provenance Cited = Provenance.Of(new SourceReference("sessions.txt", "A session report (test)"));

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task BillsAreListedBySessionAndOutcome(ApiStore kind)
    {
        await using var host = await ApiHost.StartAsync(kind);
        var client = host.Anonymous();
        foreach (var (id, title) in new[] { ("legislation:http-carried", "Carried Bill"), ("legislation:http-fallen", "Fallen Bill") })
        {
            await Post(host, "IntroduceBill", new IntroduceBill
            {
                LegislationId = new(id),
                Title = title,
                House = ParliamentHouse.Commons,
                Session = "2024-25",
                ValidOn = new LocalDate(2025, 1, 10),
                Provenance = Cited,
            });
        }

        var carried = await Post(host, "CarryOverBill", new CarryOverBill
        {
            LegislationId = new("legislation:http-carried"),
            IntoSession = "2025-26",
            ValidOn = new LocalDate(2025, 5, 1),
            Provenance = Cited,
        });
        await Post(host, "EndBill", new EndBill
        {
            LegislationId = new("legislation:http-fallen"),
            How = BillEnding.FellAtEndOfSession,
            ValidOn = new LocalDate(2025, 4, 30),
            Provenance = Cited,
        });

        using (var now = JsonDocument.Parse(await client.GetStringAsync("/legislation/sessions?asOf=2025-12-31")))
        {
            var sessions = now.RootElement.GetProperty("sessions");
            sessions.EnumerateArray().Select(s => s.GetProperty("session").GetString()).Should().Equal("2024-25", "2025-26");
            sessions[0].GetProperty("bills").EnumerateArray().Select(b => (b.GetProperty("legislationId").GetString(), b.GetProperty("outcome").GetString()))
                .Should().Equal(("legislation:http-carried", "CarriedOver"), ("legislation:http-fallen", "Fell"));
            sessions[1].GetProperty("bills")[0].GetProperty("outcome").GetString().Should().Be("BeforeParliament");
        }

        var before = NodaTime.Text.InstantPattern.ExtendedIso.Format(carried - Duration.FromMilliseconds(1));
        using (var then = JsonDocument.Parse(await client.GetStringAsync($"/legislation/sessions?asOf=2025-12-31&knownAt={before}")))
        {
            then.RootElement.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("session").GetString())
                .Should().Equal(["2024-25"], "before the carry-over was recorded no bill was known to be in 2025-26");
            then.RootElement.GetProperty("sessions")[0].GetProperty("bills").EnumerateArray().Select(b => b.GetProperty("outcome").GetString())
                .Should().Equal("BeforeParliament", "BeforeParliament");
        }

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/legislation/sessions?asOf=2025-12-31");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csvAnswer = await client.SendAsync(csvRequest);
        using (var reader = CsvReader.Create(new StringReader(await csvAnswer.Content.ReadAsStringAsync()), CsvReaderOptions.Default, false))
        {
            var rows = new List<(string, string, string, string)>();
            while (reader.Read())
            {
                rows.Add((reader.GetString("session"), reader.GetString("legislation_id"), reader.GetString("outcome"), reader.GetString("outcome_on")));
            }

            rows.Should().Equal(
                ("2024-25", "legislation:http-carried", "CarriedOver", "2025-05-01"),
                ("2024-25", "legislation:http-fallen", "Fell", "2025-04-30"),
                ("2025-26", "legislation:http-carried", "BeforeParliament", ""));
        }

        var refused = await host.Editor().PostAsync("/requests/CarryOverBill", Json(new CarryOverBill
        {
            LegislationId = new("legislation:http-carried"),
            IntoSession = "2024-25",
            ValidOn = new LocalDate(2025, 6, 1),
            Provenance = Cited,
        }));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("CarriedIntoLaterSession");
    }

    private static async Task<Instant> Post<T>(ApiHost host, string name, T request)
    {
        var posted = await host.Editor().PostAsync($"/requests/{name}", Json(request));
        posted.StatusCode.Should().Be(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        using var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        return NodaTime.Text.InstantPattern.ExtendedIso.Parse(created.RootElement[0].GetProperty("recordedAt").GetString()!).Value;
    }

    private static StringContent Json<T>(T request) =>
        new(JsonSerializer.Serialize(request, TimelineFile.JsonOptions), Encoding.UTF8, "application/json");
}
