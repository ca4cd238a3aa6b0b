using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Api.Demo;

/// <summary>
/// <c>Demo:SeedReferenceTimeline=true</c> (on in the Development launch profile): at start, imports
/// <see cref="ReferenceTimeline2024.Steps"/> so <c>dotnet run</c> answers at once (for example
/// <c>GET /funding?asOf=2024-11-05</c> shows the Border Security Command's £150m). The import is idempotent, so on
/// Marten a restart skips the steps already stored.
/// </summary>
public sealed class ReferenceTimelineSeed(IBorderSecurityStore store, ILogger<ReferenceTimelineSeed> logger) : IHostedService
{
    /// <summary>The configuration key.</summary>
    public const string Setting = "Demo:SeedReferenceTimeline";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await store.ImportAsync(ReferenceTimeline2024.Steps, cancellationToken: cancellationToken);
        logger.LogInformation("Demo: imported the 2024 reference timeline ({Events} events stored, {Skipped} steps already stored).",
            result.EventsStored, result.StepsAlreadyStored);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registers <see cref="ReferenceTimelineSeed"/> when <see cref="ReferenceTimelineSeed.Setting"/> is true.</summary>
public static class ReferenceTimelineSeedRegistration
{
    /// <summary>Registers the seed when configured.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddReferenceTimelineSeed(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(ReferenceTimelineSeed.Setting))
        {
            services.AddHostedService<ReferenceTimelineSeed>();
        }

        return services;
    }
}
