using System.Net;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// Totals safe to quote over HTTP: with the Spending Review's "up to £280m more per year by 2028/29" posted after the 2024
// timeline, /funding, /commands/command:bsc and /series/funding keep the £150m over two years and the £280m a year apart.
public class ApiTotalsTests
{
    private static readonly PledgeFunding SpendingReview = new PledgeFunding
    {
        CommitmentId = new("funding:bsc-2025-06-spending-review"),
        Recipient = ReferenceTimeline2024.BorderSecurityCommand,
        Amount = Money.FromMillions(280),
        Basis = FundingBasis.UpTo,
        OriginName = "Spending Review 2025",
        Period = FundingPeriod.YearlyBy(new FinancialYear(2028), "up to £280m more per year by the end of the Spending Review period"),
        Purpose = "Border security",
        AnnouncedBy = "Chancellor",
        ValidOn = new LocalDate(2025, 6, 11),
        Provenance = Provenance.Of(new SourceReference("spending-review-2025.txt", "Spending Review 2025", new LocalDate(2025, 6, 11))),
    };

    [Fact]
    public async Task TheFundingTheCommandAndTheSeriesKeepTheYearlyLevelApartFromThe150m()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        foreach (var request in ReferenceTimeline2024.Steps.Select(s => s.Request).Append(SpendingReview))
        {
            var body = JsonSerializer.Serialize(request, request.GetType(), TimelineFile.JsonOptions);
            var response = await client.PostAsync($"/requests/{request.GetType().Name}", new StringContent(body, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        using var funding = JsonDocument.Parse(await client.GetStringAsync("/funding?asOf=2025-06-11"));
        var bsc = funding.RootElement.GetProperty("recipients").EnumerateArray()
            .Single(r => r.GetProperty("recipient").GetString() == ReferenceTimeline2024.BorderSecurityCommand.Name).GetProperty("totals");
        bsc.GetProperty("total").GetDecimal().Should().Be(150_000_000m, "£150m over two years; the yearly level is not added to it");
        var level = bsc.GetProperty("yearlyLevels").EnumerateArray().Should().ContainSingle().Which;
        level.GetProperty("perYear").GetDecimal().Should().Be(280_000_000m);
        level.GetProperty("ceiling").GetDecimal().Should().Be(280_000_000m);
        level.GetProperty("label").GetString().Should().Be("a year by 2028/29");
        funding.RootElement.GetProperty("commitments").EnumerateArray()
            .Single(c => c.GetProperty("commitmentId").GetString() == SpendingReview.CommitmentId.Value)
            .GetProperty("period").GetProperty("coverage").GetString().Should().Be("YearlyBy");

        using var command = JsonDocument.Parse(await client.GetStringAsync("/commands/command:bsc?asOf=2025-06-11"));
        command.RootElement.GetProperty("funding").GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(150_000_000m);

        using var series = JsonDocument.Parse(await client.GetStringAsync("/series/funding?recipient=Border%20Security%20Command"));
        var points = series.RootElement.EnumerateArray().ToList();
        points.Select(p => p.GetProperty("value").GetProperty("total").GetDecimal()).Should().Equal(75_000_000m, 150_000_000m, 150_000_000m);
        points[^1].GetProperty("from").GetString().Should().Be("2025-06-11");
        points[^1].GetProperty("value").GetProperty("yearlyLevels")[0].GetProperty("perYear").GetDecimal().Should().Be(280_000_000m);
        funding.RootElement.ToString().Should().NotContain("430000000");
    }
}
