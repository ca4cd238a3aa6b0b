using BorderSecurity.Domain.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NodaTime.Serialization.SystemTextJson;
using System.Runtime.CompilerServices;
using Weasel.Core;

namespace BorderSecurity.Domain.Marten;

/// <summary>Configures Marten for the BorderSecurity model.</summary>
public static class BorderSecurityStoreOptions
{
    /// <summary>
    /// Registers every event type under its stable wire name, uses string stream ids, configures System.Text.Json
    /// for NodaTime and the model's value types, enables event headers (where an imported event keeps its known-from
    /// instant, <see cref="MartenRecordedEvents.KnownFromHeader"/>), and registers the inline projection tables.
    /// These are store-wide settings: to keep the model beside a host's own Marten store, use
    /// <c>services.AddBorderSecurity().UseMarten(connectionString)</c>, which gives the model a store of its own. Call it after setting
    /// <see cref="StoreOptions.DatabaseSchemaName"/>: the tables are created in that schema.
    /// </summary>
    /// <param name="options">Marten's options.</param>
    /// <param name="inlineProjections">
    /// <see langword="true"/> (the default) to keep the projection tables up to date inline
    /// (<see cref="BorderSecurityTablesMode.Inline"/>). <see langword="false"/> for a bulk loader
    /// (<see cref="BorderSecurityTablesMode.None"/>): events are appended without touching the tables, which must then
    /// be filled with <see cref="ProjectionRebuilder.RebuildProjectionsAsync"/> before they are queried.
    /// </param>
    /// <returns><paramref name="options"/>.</returns>
    /// <example>
    /// <code>
    /// services.AddMarten(opts =>
    /// {
    ///     opts.Connection(connectionString);
    ///     opts.AddBorderSecurity();
    /// }).ApplyAllDatabaseChangesOnStartup();
    /// </code>
    /// </example>
    public static StoreOptions AddBorderSecurity(this StoreOptions options, bool inlineProjections = true) =>
        options.AddBorderSecurity(inlineProjections ? BorderSecurityTablesMode.Inline : BorderSecurityTablesMode.None);

    /// <summary>
    /// Like <see cref="AddBorderSecurity(StoreOptions, bool)"/>, choosing how the projection tables are kept.
    /// </summary>
    /// <param name="options">Marten's options.</param>
    /// <param name="tables">Inline (in the append's transaction), by Marten's async daemon, or not at all.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="tables"/> is not a defined mode.</exception>
    /// <example>
    /// With <see cref="BorderSecurityTablesMode.Async"/> the host runs the daemon:
    /// <code>
    /// services.AddMarten(opts =>
    /// {
    ///     opts.Connection(connectionString);
    ///     opts.AddBorderSecurity(BorderSecurityTablesMode.Async);
    /// }).AddAsyncDaemon(DaemonMode.Solo).ApplyAllDatabaseChangesOnStartup();
    /// </code>
    /// </example>
    public static StoreOptions AddBorderSecurity(this StoreOptions options, BorderSecurityTablesMode tables)
    {
        Guard.Against.Null(options);
        Guard.Against.EnumOutOfRange(tables);
        options.Events.StreamIdentity = StreamIdentity.AsString;

        // Imported events carry the instant they became known as a header (MartenRecordedEvents.KnownFromHeader), in
        // mt_events itself, so a rebuild from the log reproduces it.
        options.Events.MetadataConfig.HeadersEnabled = true;

        // Rich appends assign sequence numbers before the inline projection runs; the projection tables key on them.
        options.Events.AppendMode = EventAppendMode.Rich;
        foreach (var type in EventCatalogue.EventTypes)
        {
            options.Events.MapEventType(type, EventCatalogue.NameOf(type));
        }

        // Shapes the model no longer writes are read through the same mapping as everywhere else (EventCatalogue.LegacyShapes).
        foreach (var legacy in EventCatalogue.LegacyShapes)
        {
            RegisterUpcaster.MakeGenericMethod(legacy.StoredType, legacy.CurrentType).Invoke(null, [options, legacy]);
        }

        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.Default, json =>
        {
            json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            json.ConfigureForBorderSecurity();
        });

        var schema = new BorderSecurityTables(options.DatabaseSchemaName);
        options.Storage.ExtendedSchemaObjects.AddRange(schema.All);
        Modes.AddOrUpdate(options, new StrongBox<BorderSecurityTablesMode>(tables));
        switch (tables)
        {
            case BorderSecurityTablesMode.Inline:
                options.Projections.Add(new BorderSecurityTablesProjection(schema, options), ProjectionLifecycle.Inline);
                break;
            case BorderSecurityTablesMode.Async:
                options.Projections.Add(new BorderSecurityTablesProjection(schema, options), ProjectionLifecycle.Async);
                break;
        }

        return options;
    }

    /// <summary>How each configured store keeps its tables, for the lag (<see cref="MartenBorderSecurityStore.TablesLagAsync"/>).</summary>
    private static readonly ConditionalWeakTable<object, StrongBox<BorderSecurityTablesMode>> Modes = new();

    /// <summary>How the tables of a store configured by <see cref="AddBorderSecurity(StoreOptions, BorderSecurityTablesMode)"/> are kept (inline if it was not).</summary>
    internal static BorderSecurityTablesMode TablesModeOf(object options) =>
        Modes.TryGetValue(options, out var mode) ? mode.Value : BorderSecurityTablesMode.Inline;

    private static readonly System.Reflection.MethodInfo RegisterUpcaster =
        typeof(BorderSecurityStoreOptions).GetMethod(nameof(Upcast), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static void Upcast<TStored, TCurrent>(StoreOptions options, LegacyEventShape legacy)
        where TStored : class
        where TCurrent : class =>
        options.Events.Upcast<TStored, TCurrent>(legacy.WireName, stored => (TCurrent)legacy.Forward(stored));
}

/// <summary>How the projection tables (<c>bsd_events</c>, <c>bsd_statements</c>, ...) are kept up to date.</summary>
public enum BorderSecurityTablesMode
{
    /// <summary>In the same transaction as the events: an as-of question sees every committed write. Appends cost more.</summary>
    Inline = 0,

    /// <summary>
    /// By Marten's async daemon (the host must run it): appends cost what raw Marten appends cost, and the tables trail
    /// the log by the daemon's lag, so a question asked right after a write may not count it yet.
    /// </summary>
    Async = 1,

    /// <summary>Not kept: a bulk loader. Fill the tables with <see cref="ProjectionRebuilder.RebuildProjectionsAsync"/> before asking.</summary>
    None = 2,
}
