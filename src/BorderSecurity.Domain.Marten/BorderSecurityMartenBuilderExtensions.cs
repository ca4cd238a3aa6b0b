using BorderSecurity.Domain.Hosting;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the namespace of IServiceCollection, like AddBorderSecurity, so the registration is found without a using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs the Marten store into <c>services.AddBorderSecurity()</c>.</summary>
public static class BorderSecurityMartenBuilderExtensions
{
    /// <summary>The schema the model's Marten store uses unless <c>configure</c> sets another.</summary>
    public const string DefaultSchema = "border_security";

    /// <summary>
    /// Keeps the model in PostgreSQL through a Marten store of its own (<see cref="IBorderSecurityDocumentStore"/>,
    /// in schema <see cref="DefaultSchema"/>), beside any store the host registered with <c>AddMarten</c>: the
    /// host's <see cref="StoreOptions"/> (stream identity, serializer, schema) are not touched. The schema is applied
    /// when the host starts (Marten's <c>ApplyAllDatabaseChangesOnStartup</c>) or, where no host starts the hosted
    /// services (a plain <c>ServiceCollection</c>, a console, a test), before the store's first command; and
    /// <see cref="IBorderSecurityStore"/> becomes one <see cref="MartenBorderSecurityStore"/> over that
    /// store (a singleton), measured under <see cref="BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry.Name"/> with the store tag
    /// <see cref="BorderSecurityMartenTelemetry.MartenStore"/> (docs/telemetry.md). One clock: if the container has an <see cref="IClock"/>, Marten stamps every event's recorded
    /// instant from it (<c>StoreOptions.Events.TimeProvider</c>) and imports are checked against it; otherwise both use the
    /// store's time provider (the system clock unless <paramref name="configure"/> sets one). That
    /// store (of Marten's default tenant) is also registered as <see cref="MartenBorderSecurityStore"/>: under
    /// multi-tenancy (configured in <paramref name="configure"/>), resolve it and ask
    /// <see cref="MartenBorderSecurityStore.ForTenant"/> for a tenant's store.
    /// </summary>
    /// <param name="builder">What <c>services.AddBorderSecurity()</c> returned.</param>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <param name="configure">
    /// Adjusts the model's store options, or <see langword="null"/>. It runs after the connection and the default
    /// schema are set and before the model registers itself (<see cref="BorderSecurityStoreOptions.AddBorderSecurity(StoreOptions, bool)"/>),
    /// so a schema set here is where the model's tables go; the model's own settings (string stream ids, its event
    /// names and serializer, event headers, the inline tables, and the container's clock as the time provider) are applied last.
    /// </param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or white space.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddMarten(opts => opts.Connection(cs)); // the host's own store, untouched
    /// builder.Services.AddBorderSecurity().UseMarten(cs);     // the model, in schema border_security
    /// </code>
    /// </example>
    public static BorderSecurityBuilder UseMarten(this BorderSecurityBuilder builder, string connectionString, Action<StoreOptions>? configure = null)
    {
        Guard.Against.Null(builder);
        Guard.Against.NullOrWhiteSpace(connectionString);

        // Marten's start-up resolves loggers; a plain ServiceCollection (a console, a test) has none registered.
        // AddLogging only adds what is missing, so a host's own logging configuration is kept.
        builder.Services.AddLogging();
        builder.Services.AddMartenStore<IBorderSecurityDocumentStore>(provider =>
        {
            var options = new StoreOptions();
            options.Connection(connectionString);
            options.DatabaseSchemaName = DefaultSchema;
            configure?.Invoke(options);
            options.AddBorderSecurity();

            // One clock: Marten stamps each event's recorded instant from the container's clock, which the store then adopts
            // (it is given no clock of its own below) to check imports against.
            if (provider.GetService<IClock>() is { } clock)
            {
                options.Events.TimeProvider = new ClockTimeProvider(clock);
            }

            return options;
        }).ApplyAllDatabaseChangesOnStartup();
        builder.Services.TryAddSingleton(provider => new MartenBorderSecurityStore(provider.GetRequiredService<IBorderSecurityDocumentStore>()));
        return builder.UseStore<MartenBorderSecurityStore>(BorderSecurityMartenTelemetry.MartenStore);
    }
}
