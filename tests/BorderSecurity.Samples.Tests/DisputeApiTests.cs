using System.Net;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using NodaTime;

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
            dispute.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString()).Should().Equal(ReferenceTimeline2024.SeptemberRedirectId.Value);
            dispute.TryGetProperty("subjectId", out _).Should().BeFalse("a dispute names its subjects as a list");
        }

        using (var command = JsonDocument.Parse(await client.GetStringAsync($"/commands/{ReferenceTimeline2024.BorderSecurityCommandId}?asOf=2024-11-07")))
        {
            command.RootElement.GetProperty("openDisputes").EnumerateArray().Select(d => d.GetProperty("disputeId").GetString()).Should().Equal(
                ReferenceTimeline2024.CommandEstablishedDisputeId.Value, ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
        }

        using var before = JsonDocument.Parse(await client.GetStringAsync("/funding?asOf=2024-11-07&knownAt=2024-11-05T00:00:00Z"));
        before.RootElement.GetProperty("openDisputes").GetArrayLength().Should().Be(0, "the dispute was recorded on 6 November");
    }

    private static RecordDispute NewMoney(string disputeId, params StreamId[] subjects) => new()
    {
        DisputeId = new(disputeId),
        SubjectIds = subjects,
        Fact = "whether the money is new",
        Sides =
        [
            new DisputeSide("new money from the Autumn Budget 2024", Provenance.Of(Sources2024.TreatSmugglersLikeTerrorists)),
            new DisputeSide("part of £150m over two years", Provenance.Of(Sources2024.RecruitmentDrive)),
        ],
        ValidOn = new LocalDate(2024, 11, 6),
        Provenance = Provenance.Of(Sources2024.TreatSmugglersLikeTerrorists, Sources2024.RecruitmentDrive),
    };

    [Fact]
    public async Task ADisputeAboutACommitmentAndATargetIsRecordedOnceOverHttpAndListedByBothAnswers()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:SeedReferenceTimeline"] = "true" });
        var client = host.Editor();
        var body = JsonSerializer.Serialize(NewMoney("dispute:new-money", ReferenceTimeline2024.NovemberBudgetId, ReferenceTimeline2024.BscStaffId), TimelineFile.JsonOptions);
        body.Should().Contain("\"subjectIds\":[\"funding:bsc-2024-11-budget\",\"recruitment:bsc-staff\"]");

        var response = await client.PostAsync("/requests/RecordDispute", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());

        var asOf = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var funding = JsonDocument.Parse(await client.GetStringAsync($"/funding?asOf={asOf}"));
        funding.RootElement.GetProperty("openDisputes").EnumerateArray().Select(d => d.GetProperty("disputeId").GetString()).Should().Contain("dispute:new-money");
        using var recruitment = JsonDocument.Parse(await client.GetStringAsync($"/recruitment?asOf={asOf}"));
        var listed = recruitment.RootElement.GetProperty("openDisputes").EnumerateArray().Should().ContainSingle(d => d.GetProperty("disputeId").GetString() == "dispute:new-money").Subject;
        listed.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString()).Should().Equal(
            ReferenceTimeline2024.NovemberBudgetId.Value, ReferenceTimeline2024.BscStaffId.Value);
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/disputes?asOf={asOf}&subject={ReferenceTimeline2024.BscStaffId}");
        csvRequest.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await client.SendAsync(csvRequest);
        (await csv.Content.ReadAsStringAsync()).Should().Contain("funding:bsc-2024-11-budget; recruitment:bsc-staff");
    }

    [Fact]
    public async Task ABodyWithTheOldSingleSubjectIdIsStillAcceptedAsADisputeAboutThatSubject()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:SeedReferenceTimeline"] = "true" });
        var client = host.Editor();
        var current = JsonSerializer.SerializeToNode(NewMoney("dispute:old-shape", ReferenceTimeline2024.NovemberBudgetId), TimelineFile.JsonOptions)!.AsObject();
        current.Remove("subjectIds");
        current.Insert(1, "subjectId", ReferenceTimeline2024.NovemberBudgetId.Value);

        var response = await client.PostAsync("/requests/RecordDispute", new StringContent(current.ToJsonString(), Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());

        var asOf = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var about = JsonDocument.Parse(await client.GetStringAsync($"/disputes?asOf={asOf}&subject={ReferenceTimeline2024.NovemberBudgetId}"));
        about.RootElement.EnumerateArray().Should().ContainSingle().Which.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString())
            .Should().Equal(ReferenceTimeline2024.NovemberBudgetId.Value);

        var none = JsonSerializer.Serialize(NewMoney("dispute:no-subject"), TimelineFile.JsonOptions);
        var refused = await client.PostAsync("/requests/RecordDispute", new StringContent(none, Encoding.UTF8, "application/json"));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("DisputeNeedsASubject");
    }
}
