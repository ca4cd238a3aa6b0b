using System.Diagnostics;
using System.Diagnostics.Metrics;
using BorderSecurity.Domain.Telemetry;
using static BorderSecurity.Domain.Marten.BorderSecurityMartenTelemetry;

namespace BorderSecurity.Domain.Marten;

/// <summary>The Marten package's activity source and meter (<see cref="BorderSecurityMartenTelemetry.Name"/>) and its instruments.</summary>
internal static class MartenInstruments
{
    private static readonly string? Version = typeof(MartenInstruments).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    private static readonly Histogram<double> Rebuilds = Meter.CreateHistogram<double>(RebuildDuration, "s", "How long each rebuild of the projection tables took.");

    private static readonly Counter<long> RebuiltEvents = Meter.CreateCounter<long>(RebuildEvents, "{event}", "Events read from the log by completed rebuilds.");

    /// <summary>The stores whose tables the async daemon keeps, observed by the lag gauge while they live.</summary>
    private static readonly List<WeakReference<MartenBorderSecurityStore>> AsyncStores = [];

    /// <summary>How long the gauge waits for one store's lag before leaving it out of a collection.</summary>
    private static readonly TimeSpan LagTimeout = TimeSpan.FromSeconds(5);

    static MartenInstruments() =>
        Meter.CreateObservableGauge(TablesLag, ObserveLag, "{event}", "Events the projection tables kept by the async daemon trail the log's high-water mark by.");

    /// <summary>Observes the lag of <paramref name="store"/>'s tables while it lives.</summary>
    public static void ObserveLag(MartenBorderSecurityStore store)
    {
        lock (AsyncStores)
        {
            AsyncStores.RemoveAll(r => !r.TryGetTarget(out _));
            AsyncStores.Add(new WeakReference<MartenBorderSecurityStore>(store));
        }
    }

    private static IEnumerable<Measurement<long>> ObserveLag()
    {
        MartenBorderSecurityStore[] stores;
        lock (AsyncStores)
        {
            stores = AsyncStores.Select(r => r.TryGetTarget(out var s) ? s : null).OfType<MartenBorderSecurityStore>().ToArray();
        }

        var measurements = new List<Measurement<long>>(stores.Length);
        foreach (var store in stores)
        {
            try
            {
                // Observable instruments are collected synchronously, on the exporter's (or listener's) thread.
                using var timeout = new CancellationTokenSource(LagTimeout);
                var lag = store.TablesLagAsync(timeout.Token).GetAwaiter().GetResult();
                measurements.Add(new Measurement<long>(lag.Lag, new KeyValuePair<string, object?>(SchemaTag, store.Store.Options.DatabaseSchemaName)));
            }
#pragma warning disable CA1031 // A store that cannot be reached (or was disposed of) is left out of this collection; its health check says why.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        return measurements;
    }

    /// <summary>Runs a rebuild, measured.</summary>
    public static async Task<RebuildProgress> RebuildAsync(Func<Task<RebuildProgress>> rebuild)
    {
        using var activity = Source.StartActivity(RebuildActivity);
        var tags = new TagList();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var done = await rebuild().ConfigureAwait(false);
            tags.Add(BorderSecurityTelemetry.OutcomeTag, BorderSecurityTelemetry.Ok);
            activity?.SetTag(BorderSecurityTelemetry.OutcomeTag, BorderSecurityTelemetry.Ok);
            activity?.SetTag(RebuildEvents, done.EventsRead);
            activity?.SetTag("bordersecurity.rebuild.rows", done.RowsWritten);
            RebuiltEvents.Add(done.EventsRead);
            return done;
        }
        catch (Exception e)
        {
            var outcome = e is OperationCanceledException ? BorderSecurityTelemetry.Cancelled : BorderSecurityTelemetry.Error;
            tags.Add(BorderSecurityTelemetry.OutcomeTag, outcome);
            activity?.SetTag(BorderSecurityTelemetry.OutcomeTag, outcome);
            if (outcome == BorderSecurityTelemetry.Error)
            {
                tags.Add(BorderSecurityTelemetry.ErrorTypeTag, e.GetType().FullName);
                activity?.SetTag(BorderSecurityTelemetry.ErrorTypeTag, e.GetType().FullName);
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            throw;
        }
        finally
        {
            Rebuilds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
