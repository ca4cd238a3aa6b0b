using NodaTime;
using BorderSecurity.Domain.Shared;
using System.Net;
using System.Text;
using System.Text.Json;
using BorderSecurity.Api;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;

namespace BorderSecurity.Samples.Tests;

public class ParliamentApiTests
{
    private static readonly Provenance Cited = Provenance.Of(new SourceReference("bills.parliament.uk/bills/3929",
        "Border Security, Asylum and Immigration Bill (bill 3929)", null, "UK Parliament",
        "https://bills.parliament.uk/bills/3929"));

    [Fact]
    public async Task ABillsHouseAndStageAndTheProvisionsInForceAreReturnedAsOfADate()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        var id = ReferenceTimeline2024.BorderSecurityBillId;
        IBorderSecurityRequest[] requests =
        [
            .. ReferenceTimeline2024.Steps.Select(s => s.Request),
            new IntroduceBill
            {
                LegislationId = id,
                Title = "Border Security, Asylum and Immigration Bill",
                House = ParliamentHouse.Commons,
                ValidOn = new LocalDate(2025, 1, 30),
                Provenance = Cited,
            },
            new CompleteParliamentaryStage
            {
                LegislationId = id,
                House = ParliamentHouse.Commons,
                Stage = BillStage.SecondReading,
                ValidOn = new LocalDate(2025, 2, 10),
                Provenance = Cited,
            },
        ];
        foreach (var request in requests)
        {
            var body = JsonSerializer.Serialize(request, request.GetType(), TimelineFile.JsonOptions);
            var response = await client.PostAsync($"/requests/{request.GetType().Name}", new StringContent(body, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        using (var bill = JsonDocument.Parse(await client.GetStringAsync($"/legislation/{id}?asOf=2025-02-10")))
        {
            bill.RootElement.GetProperty("legislation").GetProperty("position").GetProperty("name").GetString().Should().Be("2nd reading (House of Commons)");
            bill.RootElement.GetProperty("openDisputes").GetArrayLength().Should().Be(0, "the bill is not disputed");
        }

        using (var bill = JsonDocument.Parse(await client.GetStringAsync($"/legislation/{id}?asOf=2025-02-09")))
        {
            bill.RootElement.GetProperty("legislation").GetProperty("position").GetProperty("name").GetString().Should().Be("1st reading (House of Commons)");
        }

        using (var act = JsonDocument.Parse(await client.GetStringAsync($"/legislation/{ReferenceTimeline2024.IllegalMigrationActId}/provisions?asOf=2024-11-05")))
        {
            act.RootElement.GetProperty("isAct").GetBoolean().Should().BeTrue();
            act.RootElement.GetProperty("inForce").GetArrayLength().Should().Be(0);
        }

        (await client.GetAsync($"/legislation/{id}?asOf=10-02-2025")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/legislation/{id}?asOf=2025-02-10&knownAt=yesterday")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/legislation/legislation:none?asOf=2025-02-10")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // A malformed id is refused naming the parameter; so is a malformed subject or recipient elsewhere.
        foreach (var path in new[] { "/legislation/Not%20An%20Id!?asOf=2025-02-10", "/legislation/Not%20An%20Id!/provisions?asOf=2025-02-10",
                     "/commands/Command%20BSC!?asOf=2025-02-10" })
        {
            var refused = await client.GetAsync(path);
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("field").GetString().Should().Be("id", path);
        }

        foreach (var (path, field) in new[] { ("/disputes?asOf=2025-02-10&subject=Not%20An%20Id!", "subject"), ("/series/funding?recipient=%20", "recipient"),
                     ("/funding/financial-years?from=2024/25&to=2025/26&asOf=2025-02-10&recipient=%20", "recipient") })
        {
            var refused = await client.GetAsync(path);
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("field").GetString().Should().Be(field, path);
        }
    }
}
