using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BorderSecurity.Domain.Hosting;

/// <summary>
/// Returned by <c>services.AddBorderSecurity()</c>: the services the model was registered in, for the packages that
/// plug another store in with one line (for example <c>.UseMarten(...)</c> from BorderSecurity.Domain.Marten).
/// </summary>
public sealed class BorderSecurityBuilder
{
    /// <summary>Creates the builder.</summary>
    /// <param name="services">The services the model was registered in.</param>
    public BorderSecurityBuilder(IServiceCollection services) => Services = Guard.Against.Null(services);

    /// <summary>The services the model was registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Makes <see cref="IBorderSecurityStore"/> the container's <typeparamref name="TStore"/> (which the caller registers),
    /// measured under <see cref="BorderSecurityTelemetry.Name"/> with <paramref name="storeKind"/> as its
    /// <see cref="BorderSecurityTelemetry.StoreTag"/>: every write, import and question is timed and counted once,
    /// whichever store answers (docs/telemetry.md). Replaces the store registered before (the in-memory default).
    /// </summary>
    /// <typeparam name="TStore">The store's type, registered in <see cref="Services"/> (a singleton, for one store per container).</typeparam>
    /// <param name="storeKind">A short, fixed name for the kind of store (for example <c>marten</c>); never a connection string or a tenant.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="storeKind"/> is null, empty or white space.</exception>
    /// <example>
    /// <code>
    /// builder.Services.TryAddSingleton(provider =&gt; new MyStore(...));
    /// builder.UseStore&lt;MyStore&gt;("mine");
    /// </code>
    /// </example>
    public BorderSecurityBuilder UseStore<TStore>(string storeKind)
        where TStore : class, IBorderSecurityStore
    {
        Guard.Against.NullOrWhiteSpace(storeKind);
        Services.Replace(ServiceDescriptor.Singleton<IBorderSecurityStore>(provider =>
            new InstrumentedBorderSecurityStore(provider.GetRequiredService<TStore>(), storeKind)));
        return this;
    }
}
