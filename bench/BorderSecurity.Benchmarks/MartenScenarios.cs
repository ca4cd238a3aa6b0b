using System.Diagnostics;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The Marten scenarios, against a throwaway PostgreSQL started like the tests' (or BORDERSECURITY_PG_CONNECTION),
/// each beside its raw-Marten peer: bulk append; rebuild versus the async daemon rebuilding an equivalent
/// conventional projection; as-of queries per recipient and portfolio-wide versus <c>AggregateStreamAsync</c> live
/// aggregation and a LINQ query over raw events; appends through the package versus raw Marten. Every answer is
/// checked against the in-memory fold. Prints each figure as it goes and a Markdown table at the end. With
/// <c>--quick</c>: small sizes, few questions; it asserts only that every scenario completed and agreed.
/// </summary>
internal static class MartenScenarios
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? [2_000]
            : args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [100_000, 1_000_000];
        var failures = 0;
        var table = new List<string>();
        Console.WriteLine($"Marten scenarios on PostgreSQL at {Describe(PostgresServer.Instance.ConnectionString)}; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}");
        using var peak = new PeakMemory();
        foreach (var size in sizes)
        {
            failures += await new SizeRun(size, quick, peak, table).RunAsync();
        }

        Console.WriteLine();
        Console.WriteLine("| events | scenario | package | peer | ratio | peak working set |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        table.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(failures == 0 ? "All scenarios completed and agree with the in-memory fold." : $"{failures} check(s) failed.");
        PostgresServer.Instance.Dispose();
        return failures == 0 ? 0 : 1;
    }

    private sealed class SizeRun(int size, bool quick, PeakMemory peak, List<string> table)
    {
        private int _failures;

        public async Task<int> RunAsync()
        {
            var history = GeneratedEvents.Of(size);
            var events = history.Events;
            Console.WriteLine($"\n## {events.Count:#,0} events");
            var schema = $"bench_{size}_{Environment.ProcessId}";

            // 1. Bulk append of the decided events through raw Marten (no inline tables); the rebuilds below fill the tables.
            using var raw = Store(schema, inlineProjections: false, conventional: true);
            await raw.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await raw.Advanced.Clean.DeleteAllEventDataAsync();
            var bulk = await MeasureAsync(() => BulkAppendAsync(raw, events));
            Row("bulk append, raw Marten, 2,000 events per transaction", Rate(events.Count, bulk.Elapsed), "", "", bulk.PeakMiB);

            // 2. Rebuild: the package's binary-COPY rebuild versus the async daemon rebuilding the conventional projection.
            using var store = Store(schema, inlineProjections: true, conventional: false);
            var model = new MartenBorderSecurityStore(store);
            var ours = await MeasureAsync(() => model.RebuildProjectionsAsync());
            Check(ours.Value.EventsRead == events.Count, $"rebuild read {ours.Value.EventsRead} events, expected {events.Count}");
            var best = ours;
            for (var again = 0; again < 2; again++)
            {
                // The first run includes JIT warm-up of the decode and COPY paths; a long-lived service rebuilding again is warm.
                var run = await MeasureAsync(() => model.RebuildProjectionsAsync());
                best = run.Elapsed < best.Elapsed ? run : best;
            }

            var daemon = await MeasureAsync(async () =>
            {
                using var d = await raw.BuildProjectionDaemonAsync();
                await d.RebuildProjectionAsync<ConventionalTablesProjection>(TimeSpan.FromHours(2), CancellationToken.None);
                return 0;
            });
            await CheckConventionalAsync(raw, model, events.Count);
            Row("rebuild of all projection tables: first run / best of 3", $"{Rate(events.Count, ours.Elapsed)} / {Rate(events.Count, best.Elapsed)}",
                $"async daemon `RebuildProjectionAsync` of the conventional projection: {Rate(events.Count, daemon.Elapsed)}",
                $"{daemon.Elapsed / ours.Elapsed:0.0}x / {daemon.Elapsed / best.Elapsed:0.0}x faster", $"{ours.PeakMiB} / {daemon.PeakMiB}");

            // 3. As-of queries against the in-memory fold's answers.
            var stored = await model.ReadAllAsync();
            var memory = BorderSecurityProjection.Of(stored);
            await QueriesAsync(store, model, stored, memory);

            // 4. Appends one request at a time: the package (decide, append with expected version, inline tables) versus
            //    raw Marten appending the same already-decided events one request at a time.
            await AppendsAsync(schema, GeneratedEvents.AppendRequests(quick ? 300 : 3_000));
            return _failures;
        }

        private async Task QueriesAsync(IDocumentStore store, MartenBorderSecurityStore model, IReadOnlyList<RecordedEvent> stored, BorderSecurityProjection memory)
        {
            var random = new Random(7);
            var questions = Enumerable.Range(0, quick ? 6 : 30)
                .Select(_ => new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500)), stored[random.Next(stored.Count)].RecordedAt))
                .ToArray();
            var recipients = HistoryGenerator.Recipients;
            var streamsOf = stored.Where(e => e.Data is FundingPledged or FundingRedirected)
                .GroupBy(e => e.Data is FundingPledged p ? p.Recipient : ((FundingRedirected)e.Data).Recipient)
                .ToDictionary(g => g.Key, g => g.Select(e => e.StreamId).Distinct().ToArray());
            var allStreams = streamsOf.Values.SelectMany(s => s).ToArray();
            var livePerRecipient = quick ? 3 : 6;
            var livePortfolio = quick ? 2 : 3;

            var portfolio = new List<double>();
            var recipient = new List<double>();
            var linq = new List<double>();
            var totals = new List<double>();
            var totalsRecipient = new List<double>();
            var liveRecipient = new List<double>();
            var livePortfolioTimes = new List<double>();
            using var scope = peak.Start();
            for (var i = 0; i < questions.Length; i++)
            {
                var q = questions[i];
                var who = recipients[i % recipients.Count];
                var expected = memory.Funding(q);

                var clock = Stopwatch.StartNew();
                var answer = await model.FundingAsync(q);
                portfolio.Add(clock.Elapsed.TotalMilliseconds);
                Check(answer.Totals == expected.Totals, $"portfolio at {q}: {answer.Totals} versus {expected.Totals}");

                clock.Restart();
                var one = await model.FundingOfAsync(who, q);
                recipient.Add(clock.Elapsed.TotalMilliseconds);
                Check(one.Totals == expected.For(who).Totals, $"{who} at {q}: {one.Totals} versus {expected.For(who).Totals}");

                clock.Restart();
                var sums = await model.FundingTotalsAsync(q);
                totals.Add(clock.Elapsed.TotalMilliseconds);
                Check(sums == expected.Totals, $"totals at {q}: {sums} versus {expected.Totals}");

                clock.Restart();
                var recipientSums = await model.FundingTotalsAsync(q, who);
                totalsRecipient.Add(clock.Elapsed.TotalMilliseconds);
                Check(recipientSums == expected.For(who).Totals, $"{who}'s totals at {q}: {recipientSums} versus {expected.For(who).Totals}");

                clock.Restart();
                var peer = await LinqFoldAsync(store, q);
                linq.Add(clock.Elapsed.TotalMilliseconds);
                Check(peer == expected.Totals.Total, $"LINQ peer at {q}: {peer} versus {expected.Totals.Total}");

                if (i < livePerRecipient)
                {
                    clock.Restart();
                    var live = await LiveTotalAsync(store, streamsOf.GetValueOrDefault(who) ?? [], q);
                    liveRecipient.Add(clock.Elapsed.TotalMilliseconds);
                    Check(live == one.Totals.Total, $"live aggregation of {who} at {q}: {live} versus {one.Totals.Total}");
                }

                if (i < livePortfolio)
                {
                    clock.Restart();
                    var live = await LiveTotalAsync(store, allStreams, q);
                    livePortfolioTimes.Add(clock.Elapsed.TotalMilliseconds);
                    Check(live == expected.Totals.Total, $"live aggregation of the portfolio at {q}: {live} versus {expected.Totals.Total}");
                }
            }

            var mib = scope.PeakMiB;
            Row($"as-of, one recipient (of {recipients.Count}), p50 / p95 over {recipient.Count} questions", Latency(recipient),
                $"`AggregateStreamAsync` per commitment of the recipient ({liveRecipient.Count} questions): {Latency(liveRecipient)}",
                $"{P(liveRecipient, 50) / P(recipient, 50):0.0}x faster at p50", mib);
            Row($"as-of, whole portfolio, p50 / p95 over {portfolio.Count} questions", Latency(portfolio),
                $"`AggregateStreamAsync` per commitment ({livePortfolioTimes.Count} questions): {Latency(livePortfolioTimes)}",
                $"{P(livePortfolioTimes, 50) / P(portfolio, 50):0.0}x faster at p50", mib);
            Row("as-of, whole portfolio (as above)", Latency(portfolio), $"LINQ over raw events + fold per question: {Latency(linq)}",
                $"{P(linq, 50) / P(portfolio, 50):0.0}x faster at p50", mib);
            Row($"as-of totals only (`FundingTotalsAsync`), one recipient, p50 / p95", Latency(totalsRecipient),
                $"`AggregateStreamAsync` per commitment of the recipient: {Latency(liveRecipient)}",
                $"{P(liveRecipient, 50) / P(totalsRecipient, 50):0.0}x faster at p50", mib);
            Row($"as-of totals only (`FundingTotalsAsync`), whole portfolio, p50 / p95", Latency(totals),
                $"`AggregateStreamAsync` per commitment: {Latency(livePortfolioTimes)}",
                $"{P(livePortfolioTimes, 50) / P(totals, 50):0.0}x faster at p50", mib);
        }

        /// <summary>
        /// The package (with its inline tables, and without them) and raw Marten write the same events to fresh schemas,
        /// in alternating rounds of 100 requests (so drift in the server, table growth and warm-up hit all alike); the
        /// first round is a warm-up and is not timed. Raw Marten appends exactly the events the package decided, one
        /// transaction per request.
        /// </summary>
        private async Task AppendsAsync(string schema, IReadOnlyList<IBorderSecurityRequest> requests)
        {
            using var inlineStore = Store(schema + "_appends_inline", inlineProjections: true, conventional: false);
            using var deferredStore = Store(schema + "_appends_deferred", inlineProjections: false, conventional: false);
            using var asyncStore = Store(schema + "_appends_async", inlineProjections: false, conventional: false, asyncTables: true);
            using var rawStore = Store(schema + "_appends_raw", inlineProjections: false, conventional: false);
            foreach (var s in new[] { inlineStore, deferredStore, asyncStore, rawStore })
            {
                await s.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                await s.Advanced.Clean.DeleteAllEventDataAsync();
            }

            var inline = new MartenBorderSecurityStore(inlineStore);
            var deferred = new MartenBorderSecurityStore(deferredStore);
            var asyncTables = new MartenBorderSecurityStore(asyncStore);

            // The async daemon keeps the third store's tables while it is written to, as it would in a service.
            using var daemon = await asyncStore.BuildProjectionDaemonAsync();
            await daemon.StartAllAsync();
            var rounds = requests.Chunk(100).ToArray();
            TimeSpan inlineTime = TimeSpan.Zero, deferredTime = TimeSpan.Zero, asyncTime = TimeSpan.Zero, rawTime = TimeSpan.Zero;
            var timedEvents = 0;
            using var scope = peak.Start();
            for (var round = 0; round < rounds.Length; round++)
            {
                var decided = new List<IReadOnlyList<RecordedEvent>>(rounds[round].Length);
                var clock = Stopwatch.StartNew();
                foreach (var request in rounds[round])
                {
                    // The generator's requests were all accepted in this order, so each is accepted again here.
                    decided.Add((await inline.SubmitAsync(request)).Events);
                }

                var inlineRound = clock.Elapsed;
                clock.Restart();
                foreach (var request in rounds[round])
                {
                    await deferred.SubmitAsync(request);
                }

                var deferredRound = clock.Elapsed;
                clock.Restart();
                foreach (var request in rounds[round])
                {
                    await asyncTables.SubmitAsync(request);
                }

                var asyncRound = clock.Elapsed;
                clock.Restart();
                foreach (var events in decided)
                {
                    await using var session = rawStore.LightweightSession();
                    var data = events.Select(e => (object)e.Data).ToArray();
                    if (events[0].Version == 1)
                    {
                        session.Events.StartStream(events[0].StreamId, data);
                    }
                    else
                    {
                        session.Events.Append(events[0].StreamId, events[^1].Version, data);
                    }

                    await session.SaveChangesAsync();
                }

                if (round > 0)
                {
                    (inlineTime, deferredTime, asyncTime, rawTime) =
                        (inlineTime + inlineRound, deferredTime + deferredRound, asyncTime + asyncRound, rawTime + clock.Elapsed);
                    timedEvents += decided.Sum(d => d.Count);
                }
            }

            await daemon.WaitForNonStaleData(TimeSpan.FromMinutes(5));
            await daemon.StopAllAsync();
            var stored = await inline.ReadAllAsync();
            var everything = new AsOfQuery(new LocalDate(2030, 1, 1), null);
            Check(await asyncTables.FundingTotalsAsync(everything) == BorderSecurityProjection.Of(stored).Funding(everything).Totals,
                "the tables the async daemon kept disagree with the in-memory fold");
            Check(stored.Count == requests.Count, $"the package stored {stored.Count} events for {requests.Count} one-event requests");
            Check((await deferred.ReadAllAsync()).Count == stored.Count, "the package without inline tables stored a different number of events");
            await using (var session = rawStore.QuerySession())
            {
                var raw = await session.Events.QueryAllRawEvents().CountAsync();
                Check(raw == stored.Count, $"raw Marten stored {raw} events, the package {stored.Count}");
            }

            var what = $"({requests.Count:#,0} requests over {requests.Select(r => r.StreamId).Distinct().Count()} streams, first 100 untimed)";
            var peer = $"raw Marten appending the same events, one transaction per request: {Rate(timedEvents, rawTime)}";
            Row($"appends with the inline tables, one request per transaction {what}", Rate(timedEvents, inlineTime), peer,
                $"package takes {inlineTime / rawTime:0.00}x the time", scope.PeakMiB);
            Row($"appends with the tables kept by the async daemon (`BorderSecurityTablesMode.Async`, daemon running) {what}", Rate(timedEvents, asyncTime), peer,
                $"package takes {asyncTime / rawTime:0.00}x the time", scope.PeakMiB);
            Row($"appends without tables (`BorderSecurityTablesMode.None`) {what}", Rate(timedEvents, deferredTime), peer,
                $"package takes {deferredTime / rawTime:0.00}x the time", scope.PeakMiB);
        }

        private async Task CheckConventionalAsync(IDocumentStore raw, MartenBorderSecurityStore model, int events)
        {
            await using var session = raw.QuerySession();
            var eventDocs = await session.Query<EventDocument>().CountAsync();
            var statementDocs = await session.Query<StatementDocument>().CountAsync();
            await using var connection = model.OpenConnection();
            await connection.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand($"select count(*) from {raw.Options.DatabaseSchemaName}.bsd_statements", connection);
            var statements = (long)(await count.ExecuteScalarAsync())!;
            Check(eventDocs == events, $"the daemon rebuild stored {eventDocs} event documents, expected {events}");
            Check(statementDocs == statements, $"the daemon rebuild stored {statementDocs} statement documents, the package's rebuild {statements} rows");
        }

        private async Task<MeasureResult<T>> MeasureAsync<T>(Func<Task<T>> run)
        {
            using var scope = peak.Start();
            var clock = Stopwatch.StartNew();
            var value = await run();
            return new MeasureResult<T>(value, clock.Elapsed, scope.PeakMiB);
        }

        private void Row(string scenario, string package, string peer, string ratio, object peakMiB)
        {
            Console.WriteLine($"  {scenario}: {package}{(peer.Length > 0 ? $" | peer: {peer} | {ratio}" : "")} | peak {peakMiB} MiB");
            table.Add($"| {size:#,0} | {scenario} | {package} | {peer} | {ratio} | {peakMiB} MiB |");
        }

        private void Check(bool ok, string what)
        {
            if (!ok)
            {
                Console.WriteLine($"  MISMATCH: {what}");
                _failures++;
            }
        }
    }

    private sealed record MeasureResult<T>(T Value, TimeSpan Elapsed, long PeakMiB);

    private static async Task<int> BulkAppendAsync(IDocumentStore raw, IReadOnlyList<RecordedEvent> events)
    {
        foreach (var batch in events.Chunk(2_000))
        {
            await using var session = raw.LightweightSession();
            foreach (var stream in batch.GroupBy(e => e.StreamId))
            {
                var data = stream.Select(e => (object)e.Data).ToArray();
                if (stream.First().Version == 1)
                {
                    session.Events.StartStream(stream.Key, data);
                }
                else
                {
                    session.Events.Append(stream.Key, data);
                }
            }

            await session.SaveChangesAsync();
        }

        return events.Count;
    }

    /// <summary>Marten's live aggregation: one <c>AggregateStreamAsync</c> per commitment, as known at the question's instant.</summary>
    private static async Task<Money> LiveTotalAsync(IDocumentStore store, IReadOnlyList<string> streams, AsOfQuery query)
    {
        await using var session = store.QuerySession();
        var total = Money.Zero;
        foreach (var id in streams)
        {
            var live = await session.Events.AggregateStreamAsync<LiveCommitment>(id, timestamp: query.KnownAt!.Value.ToDateTimeOffset());
            if (live is not null)
            {
                total += live.AmountAsOf(query.AsOf);
            }
        }

        return total;
    }

    private static async Task<Money> LinqFoldAsync(IDocumentStore store, AsOfQuery query)
    {
        await using var session = store.QuerySession();
        var knownAt = query.KnownAt!.Value.ToDateTimeOffset();
        var raw = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp <= knownAt && e.EventTypeName.StartsWith("funding."))
            .OrderBy(e => e.Sequence)
            .ToListAsync();
        var recorded = raw.Select(MartenRecordedEvents.ToRecorded).Where(e => e.ValidOn <= query.AsOf);
        return new ReferenceProjection(recorded).Funding(query).Totals.Total;
    }

    private static DocumentStore Store(string schema, bool inlineProjections, bool conventional, bool asyncTables = false) => DocumentStore.For(options =>
    {
        options.Connection(PostgresServer.Instance.ConnectionString);
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.All;
        options.AddBorderSecurity(asyncTables ? BorderSecurityTablesMode.Async : inlineProjections ? BorderSecurityTablesMode.Inline : BorderSecurityTablesMode.None);
        if (conventional)
        {
            options.Projections.Add(new ConventionalTablesProjection(), ProjectionLifecycle.Async);
            options.Schema.For<EventDocument>();
            options.Schema.For<StatementDocument>();
        }
    });

    private static string Rate(long events, TimeSpan elapsed) => $"{events / elapsed.TotalSeconds:#,0} events/s";

    private static string Latency(List<double> ms) => ms.Count == 0 ? "n/a" : $"{P(ms, 50):0.0} / {P(ms, 95):0.0} ms";

    private static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Describe(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) is var b ? $"{b.Host}:{b.Port}" : connectionString;
}

/// <summary>Samples the process's working set every 10 ms; a scope reports the peak seen while it was open.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemory() => _timer = new Timer(_ => Sample(), null, 0, 10);

    public Scope Start()
    {
        GC.Collect();
        Interlocked.Exchange(ref _peak, Environment.WorkingSet);
        return new Scope(this);
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public sealed class Scope(PeakMemory owner) : IDisposable
    {
        public long PeakMiB
        {
            get
            {
                owner.Sample();
                return Interlocked.Read(ref owner._peak) / 1024 / 1024;
            }
        }

        public void Dispose()
        {
        }
    }
}
