using System.Net;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// The bills page by session of Parliament (issue 23 on the page of issue 25): a bill introduced in 2024-25 and carried
// over reads in both sessions, with what became of it in each, on the list and on its own page.
public partial class PageHttpTests
{
    [Fact]
    public async Task TheBillsPageListsEachBillBySessionWithWhatBecameOfItThere()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Anonymous();
        (await client.GetStringAsync("/bills?asOf=2025-12-31")).Should().Contain("No bill introduced in Parliament is recorded");

        var cited = Provenance.Of(new SourceReference("sessions.txt", "A session report (test)"));
        await PostAsync(host, "IntroduceBill", new IntroduceBill
        {
            LegislationId = new("legislation:page-bill"),
            Title = "Page Test Bill",
            House = ParliamentHouse.Lords,
            Session = "2024-25",
            ValidOn = new LocalDate(2025, 1, 10),
            Provenance = cited,
        });
        await PostAsync(host, "CarryOverBill", new CarryOverBill
        {
            LegislationId = new("legislation:page-bill"),
            IntoSession = "2025-26",
            ValidOn = new LocalDate(2025, 5, 1),
            Provenance = cited,
        });

        var list = await client.GetStringAsync("/bills?asOf=2025-12-31");
        var rows = System.Text.RegularExpressions.Regex.Matches(list, @"<tr>\s*<th scope=""row"">([^<]+)</th>\s*<td><a [^>]+>([^<]+)</a></td>\s*<td>([^<]+)</td>")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        rows.Should().Equal(("2024-25", "Page Test Bill", "carried over"), ("2025-26", "Page Test Bill", "before Parliament"));

        var page = await client.GetStringAsync("/bills/legislation:page-bill?asOf=2025-12-31");
        page.Should().Contain("Session 2024-25: from 2025-01-10, carried over on 2025-05-01").And.Contain("Session 2025-26: from 2025-05-01, before Parliament");
        (await client.GetStringAsync("/bills/legislation:page-bill?asOf=2025-03-01")).Should().Contain("Session 2024-25: from 2025-01-10, before Parliament")
            .And.NotContain("2025-26", "as of 1 March 2025 the bill had not been carried over");
    }

    private static async Task PostAsync<T>(ApiHost host, string name, T request)
    {
        var posted = await host.Editor().PostAsync($"/requests/{name}", new StringContent(JsonSerializer.Serialize(request, TimelineFile.JsonOptions), Encoding.UTF8, "application/json"));
        posted.StatusCode.Should().Be(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
    }
}
