using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BorderSecurity.Api.Health;

/// <summary>
/// <c>GET /health/live</c> (the process answers; no dependency is checked) and <c>GET /health/ready</c> (every check
/// tagged <see cref="ReadyTag"/> passes: PostgreSQL when the service runs on Marten). Both answer 200 when healthy
/// and 503 otherwise, with a <see cref="HealthResponse"/>.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the health checks: PostgreSQL (tagged ready) when a Marten connection string is set.</summary>
    /// <param name="services">The services.</param>
    /// <param name="martenConnectionString">The Marten connection string, or <see langword="null"/> in memory.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddApiHealthChecks(this IServiceCollection services, string? martenConnectionString)
    {
        var checks = services.AddHealthChecks();
        if (martenConnectionString is { Length: > 0 })
        {
            checks.AddNpgSql(martenConnectionString, name: "postgresql", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        }

        return services;
    }

    /// <summary>Maps the two health endpoints (anonymous, whatever the read policy).</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => TypedResults.Ok(new HealthResponse("Healthy", [])))
            .WithName("GetLiveness").WithSummary("Liveness: 200 while the process answers requests; checks no dependency.").WithTags("Health")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AllowAnonymous();

        routes.MapGet("/health/ready", async (HealthCheckService health, CancellationToken ct) =>
            {
                var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), ct);
                var body = new HealthResponse(report.Status.ToString(),
                    report.Entries.Select(e => new HealthCheckResponse(e.Key, e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.Message)).ToList());
                return report.Status == HealthStatus.Unhealthy
                    ? Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
                    : Results.Ok(body);
            })
            .WithName("GetReadiness").WithSummary("Readiness: 200 when the store can answer (PostgreSQL reachable on Marten), 503 when not.").WithTags("Health")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AllowAnonymous();
        return routes;
    }
}

/// <summary>A health answer.</summary>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
/// <param name="Checks">Each check run, empty for liveness.</param>
public sealed record HealthResponse(string Status, IReadOnlyList<HealthCheckResponse> Checks);

/// <summary>One health check's result.</summary>
/// <param name="Name">The check, for example <c>postgresql</c>.</param>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
/// <param name="Description">Why, when it is not healthy; otherwise <see langword="null"/>.</param>
public sealed record HealthCheckResponse(string Name, string Status, string? Description);
