using BorderSecurity.Domain.Hosting;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the namespace of IServiceCollection, so the registration is found without a using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Border Security model in a service collection.</summary>
public static class BorderSecurityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBorderSecurityStore"/> as one <see cref="InMemoryBorderSecurityStore"/> for the whole
    /// container (a singleton, also resolvable as <see cref="InMemoryBorderSecurityStore"/>), stamping recorded instants
    /// with the container's <see cref="IClock"/> if one is registered, else <see cref="SystemClock.Instance"/>. The
    /// <see cref="IBorderSecurityStore"/> resolved is that store measured under <see cref="BorderSecurityTelemetry.Name"/>
    /// (docs/telemetry.md), so resolve the concrete type for what only it offers. Calling it again registers nothing more; a store
    /// registered before (or plugged in afterwards, for example by <c>.UseMarten(...)</c> from
    /// BorderSecurity.Domain.Marten) is kept.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder for plugging another store in.</returns>
    /// <example>
    /// In memory:
    /// <code>
    /// services.AddBorderSecurity();
    /// </code>
    /// Durable, on PostgreSQL, with the Marten package:
    /// <code>
    /// services.AddBorderSecurity().UseMarten(connectionString);
    /// </code>
    /// Then take the store wherever it is needed:
    /// <code>
    /// app.MapGet("/funding", (IBorderSecurityStore store, CancellationToken ct) =>
    ///     store.FundingAsync(new AsOfQuery(new LocalDate(2024, 11, 5)), ct));
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static BorderSecurityBuilder AddBorderSecurity(this IServiceCollection services)
    {
        Guard.Against.Null(services);
        services.TryAddSingleton(provider => new InMemoryBorderSecurityStore(provider.GetService<IClock>() ?? SystemClock.Instance));
        services.TryAddSingleton<IBorderSecurityStore>(provider =>
            new InstrumentedBorderSecurityStore(provider.GetRequiredService<InMemoryBorderSecurityStore>(), BorderSecurityTelemetry.MemoryStore));
        return new BorderSecurityBuilder(services);
    }
}
