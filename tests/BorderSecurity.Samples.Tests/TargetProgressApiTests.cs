using System.Net;
using System.Text.Json;
using BorderSecurity.Api.Demo;

namespace BorderSecurity.Samples.Tests;

// People in post set against a target over HTTP, on both stores (issue 23, "people delivered").
public class TargetProgressApiTests
{
    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task TheCommanderTargetIsSetInJulyAndMetInSeptember2024(ApiStore kind)
    {
        await using var host = await ApiHost.StartAsync(kind, new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();

        using var now = JsonDocument.Parse(await client.GetStringAsync("/recruitment/targets/recruitment:border-security-commander/progress?asOf=2024-12-31"));
        now.RootElement.EnumerateArray().Select(p => (p.GetProperty("from").GetString(), p.GetProperty("value").GetProperty("inPost").GetInt32(),
                p.GetProperty("value").GetProperty("gap").GetInt32(), p.GetProperty("value").GetProperty("status").GetString()))
            .Should().Equal(("2024-07-08", 0, 1, "Active"), ("2024-09-15", 1, 0, "Met"));

        using var then = JsonDocument.Parse(await client.GetStringAsync(
            "/recruitment/targets/recruitment:border-security-commander/progress?asOf=2024-12-31&knownAt=2024-09-01T00:00:00Z"));
        then.RootElement.GetArrayLength().Should().Be(1, "the appointment was not known on 1 September 2024");

        var bad = await client.GetAsync("/recruitment/targets/recruitment:border-security-commander/progress");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("asOf");
    }
}
