using System.Net;
using System.Text.Json;
using BorderSecurity.Domain.ReferenceTimeline;

namespace BorderSecurity.Samples.Tests;

public class DisputeApiTests
{
    [Fact]
    public async Task DisputesAreReturnedAsOfADateAndKnownAtAnInstantAndBySubject()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:SeedReferenceTimeline"] = "true" });
        var client = host.Anonymous();

        using (var all = JsonDocument.Parse(await client.GetStringAsync("/disputes?asOf=2024-11-07")))
        {
            all.RootElement.EnumerateArray().Select(d => d.GetProperty("disputeId").GetString()).Should().Equal(
                ReferenceTimeline2024.CommandEstablishedDisputeId.Value, ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
            var dispute = all.RootElement[1];
            dispute.GetProperty("fact").GetString().Should().Be("origin of the money");
            dispute.GetProperty("isOpen").GetBoolean().Should().BeTrue();
            dispute.GetProperty("sides")[1].GetProperty("provenance")[0].GetProperty("document").GetString()
                .Should().Be("003_42febc41d18400fd.txt");
            all.RootElement[0].GetProperty("sides")[0].GetProperty("provenance")[0].GetProperty("url").GetString()
                .Should().Be("https://www.gov.uk/government/organisations/border-security-command/about", "a reader can follow the official page");
        }

        using (var bySubject = JsonDocument.Parse(await client.GetStringAsync($"/disputes?asOf=2024-11-07&subject={ReferenceTimeline2024.NovemberBudgetId}")))
        {
            bySubject.RootElement.GetArrayLength().Should().Be(0);
        }

        using (var before = JsonDocument.Parse(await client.GetStringAsync("/disputes?asOf=2024-11-07&knownAt=2024-11-05T00:00:00Z")))
        {
            before.RootElement.GetArrayLength().Should().Be(0, "the dispute was recorded on 6 November");
        }

        (await client.GetAsync("/disputes?asOf=07-11-2024")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FundingAndCommandAnswersListTheOpenSeptemberDisputeOnceItIsKnown()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:SeedReferenceTimeline"] = "true" });
        var client = host.Anonymous();

        using (var funding = JsonDocument.Parse(await client.GetStringAsync("/funding?asOf=2024-11-07")))
        {
            var dispute = funding.RootElement.GetProperty("openDisputes").EnumerateArray().Should().ContainSingle().Subject;
            dispute.GetProperty("disputeId").GetString().Should().Be(ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
            dispute.GetProperty("subjectId").GetString().Should().Be(ReferenceTimeline2024.SeptemberRedirectId.Value);
        }

        using (var command = JsonDocument.Parse(await client.GetStringAsync($"/commands/{ReferenceTimeline2024.BorderSecurityCommandId}?asOf=2024-11-07")))
        {
            command.RootElement.GetProperty("openDisputes").EnumerateArray().Select(d => d.GetProperty("disputeId").GetString()).Should().Equal(
                ReferenceTimeline2024.CommandEstablishedDisputeId.Value, ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
        }

        using var before = JsonDocument.Parse(await client.GetStringAsync("/funding?asOf=2024-11-07&knownAt=2024-11-05T00:00:00Z"));
        before.RootElement.GetProperty("openDisputes").GetArrayLength().Should().Be(0, "the dispute was recorded on 6 November");
    }
}
