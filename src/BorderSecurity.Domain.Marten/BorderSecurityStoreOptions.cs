using BorderSecurity.Domain.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NodaTime.Serialization.SystemTextJson;
using Weasel.Core;

namespace BorderSecurity.Domain.Marten;

/// <summary>Configures Marten for the BorderSecurity model.</summary>
public static class BorderSecurityStoreOptions
{
    /// <summary>
    /// Registers every event type under its stable wire name, uses string stream ids, configures System.Text.Json
    /// for NodaTime and the model's value types, and registers the inline projection tables. Call it after setting
    /// <see cref="StoreOptions.DatabaseSchemaName"/>: the tables are created in that schema.
    /// </summary>
    /// <param name="options">Marten's options.</param>
    /// <param name="inlineProjections">
    /// <see langword="true"/> (the default) to keep the projection tables up to date inline. <see langword="false"/> for a
    /// bulk loader: events are appended without touching the tables, which must then be filled with
    /// <see cref="ProjectionRebuilder.RebuildProjectionsAsync"/> before they are queried.
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
    public static StoreOptions AddBorderSecurity(this StoreOptions options, bool inlineProjections = true)
    {
        Guard.Against.Null(options);
        options.Events.StreamIdentity = StreamIdentity.AsString;

        // Rich appends assign sequence numbers before the inline projection runs; the projection tables key on them.
        options.Events.AppendMode = EventAppendMode.Rich;
        foreach (var type in EventCatalogue.EventTypes)
        {
            options.Events.MapEventType(type, EventCatalogue.NameOf(type));
        }

        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.Default, json =>
        {
            json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            json.ConfigureForBorderSecurity();
        });

        var tables = new BorderSecurityTables(options.DatabaseSchemaName);
        options.Storage.ExtendedSchemaObjects.AddRange(tables.All);
        if (inlineProjections)
        {
            options.Projections.Add(new BorderSecurityTablesProjection(tables), ProjectionLifecycle.Inline);
        }

        return options;
    }
}
