using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BorderSecurity.Api.Hosting;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BorderSecurity.Samples.Tests;

public class ApiTelemetryTests
{
    [Fact]
    public async Task WithAnOtlpEndpointConfiguredTheServiceStartsAndListensToThePackagesSourcesAndMeters()
    {
        await using var host = await ApiHost.StartAsync(ApiStore.Marten, new Dictionary<string, string?>
        {
            // Nothing listens there: the service must start and answer all the same (the exporter only logs its failures).
            [ApiTelemetry.OtlpEndpointSetting] = "http://127.0.0.1:1",
            [ApiTelemetry.MaxTablesLagSetting] = "0",
        });
        var client = host.Anonymous();

        var ready = await client.GetAsync("/health/ready");
        (await client.GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK);

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString())
            .Should().Contain(BorderSecurityTablesHealthCheck.DefaultName);
        host.Factory.Services.GetService<TracerProvider>().Should().NotBeNull();
        host.Factory.Services.GetService<MeterProvider>().Should().NotBeNull();
        using var domain = new ActivitySource(BorderSecurityTelemetry.Name);
        using var marten = new ActivitySource(BorderSecurityMartenTelemetry.Name);
        domain.HasListeners().Should().BeTrue();
        marten.HasListeners().Should().BeTrue();
    }

    [Fact]
    public async Task WithoutAnEndpointNothingIsExported()
    {
        await using var host = await ApiHost.StartAsync();

        (await host.Anonymous().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        host.Factory.Services.GetService<TracerProvider>().Should().BeNull();
        host.Factory.Services.GetService<MeterProvider>().Should().BeNull();
    }

    [Fact]
    public async Task AnEndpointThatIsNotAUriStopsTheServiceNamingTheSetting()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ApiTelemetry.OtlpEndpointSetting] = "not a uri" });

        var start = () => host.Anonymous();

        start.Should().Throw<InvalidOperationException>().WithMessage($"*{ApiTelemetry.OtlpEndpointSetting}*");
    }
}
