using System.Net;
using BorderSecurity.Api.Demo;

namespace BorderSecurity.Samples.Tests;

// The pages' answers to bad questions (issue 25): a wrong parameter is a 400 page naming it (HTML-encoded, as the page
// shows it), a bill or source nobody knows a 404.
public class PageHttpTests
{
    [Theory]
    [InlineData("/?asOf=November", HttpStatusCode.BadRequest, "asOf: &#x27;November&#x27; is not a date")]
    [InlineData("/?asOf=2024-11-05&knownAt=yesterday", HttpStatusCode.BadRequest, "knownAt: &#x27;yesterday&#x27; is not an instant")]
    [InlineData("/what-was-known?asOf=2024-13-01", HttpStatusCode.BadRequest, "asOf: &#x27;2024-13-01&#x27; is not a date")]
    [InlineData("/changes-between?knownAfter=2024-11-07T00:00:00Z&knownBy=2024-10-01T00:00:00Z", HttpStatusCode.BadRequest, "knownBy: the window must not end before it starts")]
    [InlineData("/bills/not-a-bill?asOf=2024-12-31", HttpStatusCode.NotFound, "Nothing is known of not-a-bill")]
    [InlineData("/bills/legislation:no-such-bill?asOf=2024-12-31", HttpStatusCode.NotFound, "Nothing is known of legislation:no-such-bill")]
    [InlineData("/sources/no-such-document.txt", HttpStatusCode.NotFound, "Nothing in the record cites no-such-document.txt")]
    [InlineData("/delivered/pledge:no-such-pledge?asOf=2024-12-31", HttpStatusCode.NotFound, "No pledge pledge:no-such-pledge was made")]
    [InlineData("/delivered/Not A Pledge?asOf=2024-12-31", HttpStatusCode.BadRequest, "id: &#x27;Not A Pledge&#x27; is not a pledge id")]
    public async Task ABadQuestionIsAPageNamingWhatIsWrong(string url, HttpStatusCode status, string says)
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var response = await host.Anonymous().GetAsync(url);

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain(says);
    }

    [Fact]
    public async Task TheDeliveryPageSetsThePromiseBesideWhatDeliversItWithTheVerdictAndTheOutcome()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();

        var page = await client.GetStringAsync("/delivered/pledge:create-border-security-command?asOf=2024-12-31");
        page.Should().Contain("Create a Border Security Command").And.Contain("Full Fact: Achieved from 4 November 2024")
            .And.Contain("150m (of which").And.Contain("more than 5,000").And.Contain("0 in post of 300")
            .And.Contain("/sources/fullfact.org%2Fgovernment-tracker%2Fborder-security-command").And.NotContain("<form method=\"post\"");

        page.Should().Contain("No spending reported yet.", "no source reports spending against the BSC money");

        var outturn = new BorderSecurity.Domain.Funding.ReportSpending
        {
            CommitmentId = new("funding:bsc-2024-11-budget"),
            Year = new BorderSecurity.Domain.Funding.FinancialYear(2024),
            Stage = BorderSecurity.Domain.Funding.SpendingStage.Outturn,
            Amount = BorderSecurity.Domain.Shared.Money.FromMillions(10),
            ValidOn = new NodaTime.LocalDate(2025, 3, 31),
            Provenance = BorderSecurity.Domain.Shared.Provenance.Of(new BorderSecurity.Domain.Shared.SourceReference("outturn-2024.txt", "An outturn report (test)")),
        };
        var posted = await host.Editor().PostAsync("/requests/ReportSpending", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(outturn, BorderSecurity.Domain.Serialization.TimelineFile.JsonOptions), System.Text.Encoding.UTF8, "application/json"));
        posted.StatusCode.Should().Be(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var spent = await client.GetStringAsync("/delivered/pledge:create-border-security-command?asOf=2025-03-31");
        spent.Should().Contain("10m spent so far, &#xA3;140m still to spend").And.Contain("2024/25: &#xA3;10m spent to 31 March 2025").And.Contain("An outturn report (test)");

        var known = await client.GetStringAsync("/delivered/pledge:create-border-security-command?asOf=2024-12-31&knownAt=2024-11-05T00:00");
        known.Should().Contain("No verdict yet.", "Full Fact's verdict was recorded on 6 November 2024");

        var list = await client.GetStringAsync("/delivered?asOf=2024-12-31");
        list.Should().Contain("data-pledge=\"pledge:create-border-security-command\"");
    }
}
