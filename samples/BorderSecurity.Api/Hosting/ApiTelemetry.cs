using BorderSecurity.Api.Health;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BorderSecurity.Api.Hosting;

/// <summary>
/// The service's telemetry, off by default: with <c>Telemetry:OtlpEndpoint</c> set (for example
/// <c>http://localhost:4317</c>, an OpenTelemetry collector), the packages' activity sources and meters
/// (<see cref="BorderSecurityTelemetry.Name"/>, <see cref="BorderSecurityMartenTelemetry.Name"/>) are exported over OTLP
/// with OpenTelemetry. On Marten, the readiness checks also include the projection tables' lag
/// (<see cref="BorderSecurityTablesHealthCheck"/>, degraded past <c>Telemetry:MaxTablesLag</c> events).
/// </summary>
public static class ApiTelemetry
{
    /// <summary>The setting naming the OTLP endpoint; telemetry is exported only when it is set.</summary>
    public const string OtlpEndpointSetting = "Telemetry:OtlpEndpoint";

    /// <summary>The setting naming the most events the Marten tables may trail the log by before readiness is degraded.</summary>
    public const string MaxTablesLagSetting = "Telemetry:MaxTablesLag";

    /// <summary>The service name reported with every span and metric.</summary>
    public const string ServiceName = "border-security-api";

    /// <summary>Registers the export (when configured) and, on Marten, the tables' health check.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="onMarten">Whether the model is kept in Marten.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException">A setting is not a valid absolute URI or a non-negative number.</exception>
    public static WebApplicationBuilder AddApiTelemetry(this WebApplicationBuilder builder, bool onMarten)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (onMarten)
        {
            var maxLag = builder.Configuration.GetValue(MaxTablesLagSetting, BorderSecurityTablesHealthCheck.DefaultMaxLag);
            if (maxLag < 0)
            {
                throw new InvalidOperationException($"{MaxTablesLagSetting} must be 0 or more events; it is {maxLag}.");
            }

            builder.Services.AddHealthChecks().Add(BorderSecurityTablesHealthCheck.Registration(
                maxLag: maxLag, failureStatus: HealthStatus.Degraded, tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5)));
        }

        if (builder.Configuration[OtlpEndpointSetting] is not { Length: > 0 } endpoint)
        {
            return builder;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp))
        {
            throw new InvalidOperationException($"{OtlpEndpointSetting} must be an absolute URI, for example http://localhost:4317; it is '{endpoint}'.");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t => t
                .AddSource(BorderSecurityTelemetry.Name, BorderSecurityMartenTelemetry.Name)
                .AddOtlpExporter(o => o.Endpoint = otlp))
            .WithMetrics(m => m
                .AddMeter(BorderSecurityTelemetry.Name, BorderSecurityMartenTelemetry.Name)
                .AddOtlpExporter(o => o.Endpoint = otlp));
        return builder;
    }
}
