using System.Diagnostics;
using BorderSecurity.Domain.Marten;
using Marten;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// A generated history as an import on a throwaway schema, the way the question scenarios start: raw Marten with no
/// inline tables (each event's known-from header kept, 2,000 events per transaction), then the package's rebuild of its
/// tables, then the async daemon rebuilding the conventional documents the peers read; each phase timed.
/// </summary>
/// <param name="Raw">The raw Marten store, with the conventional documents (the peers').</param>
/// <param name="Store">The package's Marten store on the same schema.</param>
/// <param name="Model">The package.</param>
/// <param name="EventsRebuilt">How many events the package's rebuild read.</param>
/// <param name="Append">The bulk append's time.</param>
/// <param name="Rebuild">The package's rebuild's time.</param>
/// <param name="Daemon">The daemon's rebuild's time.</param>
internal sealed record ImportedHistory(
    IDocumentStore Raw, IDocumentStore Store, MartenBorderSecurityStore Model, long EventsRebuilt, TimeSpan Append, TimeSpan Rebuild, TimeSpan Daemon) : IDisposable
{
    /// <summary>Imports the events into the schema and rebuilds both kinds of tables.</summary>
    /// <param name="events">The history.</param>
    /// <param name="schema">A schema of this run's own.</param>
    /// <returns>The stores, and the time of each phase.</returns>
    public static async Task<ImportedHistory> OfAsync(IReadOnlyList<RecordedEvent> events, string schema)
    {
        var raw = MartenScenarios.Store(schema, inlineProjections: false, conventional: true);
        await raw.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await raw.Advanced.Clean.DeleteAllEventDataAsync();
        var clock = Stopwatch.StartNew();
        await MartenScenarios.BulkAppendAsync(raw, events);
        var append = clock.Elapsed;
        var store = MartenScenarios.Store(schema, inlineProjections: true, conventional: false);
        var model = new MartenBorderSecurityStore(store);
        clock.Restart();
        var rebuilt = await model.RebuildProjectionsAsync();
        var rebuild = clock.Elapsed;
        clock.Restart();
        await MartenScenarios.DaemonRebuildAsync(raw);
        return new ImportedHistory(raw, store, model, rebuilt.EventsRead, append, rebuild, clock.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Store.Dispose();
        Raw.Dispose();
    }
}
