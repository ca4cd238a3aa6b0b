using System.Net.Http.Headers;
using BorderSecurity.Samples.Tests.Generated;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The NSwag client generated at build time from samples/BorderSecurity.Api/openapi/v1.json (kept equal to the live
/// document by ApiOpenApiTests) calls the service: a pledge recorded with a development editor token reads back as of a date.
/// </summary>
public class ApiClientTests
{
    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task TheGeneratedClientRecordsAPledgeAndReadsItBackAsOfADate(ApiStore store)
    {
        await using var host = await ApiHost.StartAsync(store);
        var http = host.Editor();
        var client = new BorderSecurityApiClient(http);

        client.ReadResponseAsString = true;
        var recorded = await client.PledgeFundingAsync(new PledgeFunding
        {
            CommitmentId = "funding:client-pledge",
            Recipient = "Border Security Command",
            Amount = 12_500_000.25m,
            Basis = FundingBasis.Firm,
            OriginName = "Autumn Budget 2024",
            Period = new FundingPeriod { Description = "2025-26" },
            Purpose = "Technology",
            AnnouncedBy = "Home Secretary",
            ValidOn = new DateOnly(2024, 11, 4),
            Provenance = [new SourceReference { Document = "client.txt", Headline = "A pledge through the generated client" }],
        });

        recorded.Should().ContainSingle().Which.StreamId.Should().Be("funding:client-pledge");
        var after = await client.GetFundingAsync(new DateOnly(2024, 11, 5));
        var before = await client.GetFundingAsync(new DateOnly(2024, 11, 3));
        var earlier = await client.GetFundingAsync(new DateOnly(2024, 11, 5), knownAt: recorded.Single().RecordedAt.AddDays(-1));
        after.Totals.Total.Should().Be(12_500_000.25m);
        after.Commitments.Should().ContainSingle().Which.CommitmentId.Should().Be("funding:client-pledge");
        before.Totals.Total.Should().Be(0m);
        earlier.Totals.Total.Should().Be(0m);
        (await client.GetReadinessAsync()).Status.Should().Be("Healthy");
    }

    [Fact]
    public async Task TheGeneratedClientSeesProblemsAsExceptionsWithTheirStatus()
    {
        await using var host = await ApiHost.StartAsync();
        var client = new BorderSecurityApiClient(host.Anonymous());
        var pledge = new PledgeFunding
        {
            CommitmentId = "funding:x", Recipient = "r", Amount = 1m, Basis = FundingBasis.Firm, Period = new FundingPeriod { Description = "d" },
            Purpose = "p", AnnouncedBy = "a", ValidOn = new DateOnly(2024, 1, 1), Provenance = [new SourceReference { Document = "d", Headline = "h" }],
        };

        var unauthorized = await FluentActions.Awaiting(() => client.PledgeFundingAsync(pledge)).Should().ThrowAsync<ApiException>();
        unauthorized.Which.StatusCode.Should().Be(401);
        var notFound = await FluentActions.Awaiting(() => client.GetCommandAsync("command:none", new DateOnly(2024, 11, 5))).Should().ThrowAsync<ApiException>();
        notFound.Which.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task TheGeneratedClientReadsFinancialYearsAsTheirText()
    {
        // FinancialYear is documented as a string with its pattern, so a generated client types it string (not an empty object).
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:SeedReferenceTimeline"] = "true" });
        var client = new BorderSecurityApiClient(host.Anonymous());

        var funding = await client.FundingByFinancialYearAsync("2024/25", "2025/26", new DateOnly(2025, 1, 1), recipient: "Border Security Command");

        funding.Years.Select(y => y.Year).Should().Equal("2024/25", "2025/26");
        var span = funding.Years.First().UnsplitSpans.Should().ContainSingle().Subject;
        (span.FirstYear, span.LastYear).Should().Be(("2024/25", "2025/26"));
        span.Totals.Total.Should().Be(150_000_000m);
    }
}
