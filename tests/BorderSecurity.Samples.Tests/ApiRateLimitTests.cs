using System.Net;
using System.Text.Json;

namespace BorderSecurity.Samples.Tests;

// Rate limiting for anonymous clients (issue #24): 429 with Retry-After past the configured limit; tokens are not limited.
public class ApiRateLimitTests
{
    private static readonly Dictionary<string, string?> ThreeAMinute = new()
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:PermitLimit"] = "3",
        ["RateLimits:WindowSeconds"] = "60",
    };

    [Fact]
    public async Task AnAnonymousClientPastTheLimitGets429WithRetryAfterAndATokenIsNotLimited()
    {
        await using var host = await ApiHost.StartAsync(settings: ThreeAMinute);
        var anonymous = host.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            (await anonymous.GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK, $"request {i + 1} of 3 is within the limit");
        }

        var limited = await anonymous.GetAsync("/funding?asOf=2024-11-05");
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(429);
        problem.RootElement.GetProperty("detail").GetString().Should().Contain("3 requests every 60 s");

        var editor = host.Editor();
        for (var i = 0; i < 10; i++)
        {
            (await editor.GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK, "a caller with a token is not limited");
        }
    }

    [Fact]
    public async Task LimitingCanBeTurnedOff()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?>(ThreeAMinute) { ["RateLimits:Enabled"] = "false" });
        var anonymous = host.Anonymous();
        for (var i = 0; i < 10; i++)
        {
            (await anonymous.GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ALimitBelowOneStopsStartUpNamingTheSetting()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?>(ThreeAMinute) { ["RateLimits:PermitLimit"] = "0" });
        var start = () => host.Anonymous();
        start.Should().Throw<InvalidOperationException>().WithMessage("*RateLimits:PermitLimit*");
    }
}
