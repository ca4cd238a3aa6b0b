using System.Diagnostics;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The Marten scenarios, against a throwaway PostgreSQL started like the tests' (or BORDERSECURITY_PG_CONNECTION):
/// bulk append, append through the package versus raw Marten, rebuild, and as-of query latency versus a LINQ query
/// over the raw events folded per question. Prints a table; with --quick, small sizes and a check that every
/// scenario completed and agrees with the in-memory fold (no timing assertions).
/// </summary>
internal static class MartenScenarios
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? [2_000]
            : args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [100_000, 1_000_000];
        var failures = 0;
        Console.WriteLine($"Marten scenarios on PostgreSQL at {Describe(PostgresServer.Instance.ConnectionString)}; {Environment.ProcessorCount} cores");
        foreach (var size in sizes)
        {
            failures += await RunSizeAsync(size, quick);
        }

        Console.WriteLine(failures == 0 ? "All scenarios completed and agree with the in-memory fold." : $"{failures} scenario(s) disagreed.");
        PostgresServer.Instance.Dispose();
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunSizeAsync(int size, bool quick)
    {
        var failures = 0;
        var history = GeneratedEvents.Of(size);
        var events = history.Events;
        Console.WriteLine($"\n## {events.Count:#,0} events");

        // 1. Bulk append of the decided events through raw Marten (no inline tables), then a rebuild fills the tables.
        var schema = $"bench_{size}_{Environment.ProcessId}";
        using var raw = Store(schema, inlineProjections: false);
        await raw.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await raw.Advanced.Clean.DeleteAllEventDataAsync();
        var clock = Stopwatch.StartNew();
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

        Report("bulk append (raw Marten, 2,000 events per transaction)", events.Count, clock.Elapsed);

        using var store = Store(schema, inlineProjections: true);
        var model = new MartenBorderSecurityStore(store);
        clock.Restart();
        var rebuilt = await model.RebuildProjectionsAsync();
        Report("rebuild of all projection tables (binary COPY)", rebuilt.EventsRead, clock.Elapsed);
        if (rebuilt.EventsRead != events.Count)
        {
            Console.WriteLine($"  MISMATCH: rebuild read {rebuilt.EventsRead} events, expected {events.Count}");
            failures++;
        }

        // 2. As-of queries: the package's indexed tables versus LINQ over the raw events folded per question.
        var stored = await model.ReadAllAsync();
        var memory = BorderSecurityProjection.Of(stored);
        var random = new Random(7);
        var questions = Enumerable.Range(0, quick ? 10 : 30)
            .Select(_ => new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500)), stored[random.Next(stored.Count)].RecordedAt))
            .ToArray();
        var ours = new List<double>();
        var linq = new List<double>();
        foreach (var q in questions)
        {
            clock.Restart();
            var answer = await model.FundingAsync(q);
            ours.Add(clock.Elapsed.TotalMilliseconds);
            if (answer.Totals != memory.Funding(q).Totals)
            {
                Console.WriteLine($"  MISMATCH at {q}: {answer.Totals} versus {memory.Funding(q).Totals}");
                failures++;
            }

            clock.Restart();
            var peer = await LinqFoldAsync(store, q);
            linq.Add(clock.Elapsed.TotalMilliseconds);
            if (peer != answer.Totals.Total)
            {
                Console.WriteLine($"  MISMATCH (LINQ peer) at {q}: {peer} versus {answer.Totals.Total}");
                failures++;
            }
        }

        Console.WriteLine($"  as-of portfolio query, package tables:        p50 {P(ours, 50):0.0} ms, p95 {P(ours, 95):0.0} ms");
        Console.WriteLine($"  as-of portfolio query, LINQ raw events + fold: p50 {P(linq, 50):0.0} ms, p95 {P(linq, 95):0.0} ms  (package is {P(linq, 50) / P(ours, 50):0.0}x faster at p50)");

        // 3. Appends one request at a time: the package (fetch, decide, append with expected version, inline tables)
        //    versus raw Marten appending the same already-decided events one request at a time.
        var sample = history.Requests.Take(quick ? 200 : 2_000).ToArray();
        await store.Advanced.Clean.DeleteAllEventDataAsync();
        clock.Restart();
        var appended = 0;
        foreach (var request in sample)
        {
            appended += (await model.SubmitAsync(request)).Count;
        }

        var packageTime = clock.Elapsed;
        var decided = (await model.ReadAllAsync()).GroupBy(e => e.Sequence).Select(g => g.First()).ToArray();
        await raw.Advanced.Clean.DeleteAllEventDataAsync();
        clock.Restart();
        foreach (var e in decided)
        {
            await using var session = raw.LightweightSession();
            if (e.Version == 1)
            {
                session.Events.StartStream(e.StreamId, e.Data);
            }
            else
            {
                session.Events.Append(e.StreamId, e.Version, e.Data);
            }

            await session.SaveChangesAsync();
        }

        var rawTime = clock.Elapsed;
        Report("appends through the package, one request per transaction", appended, packageTime);
        Report("appends through raw Marten, one request per transaction", decided.Length, rawTime);
        Console.WriteLine($"  package / raw time per event: {packageTime.TotalMilliseconds / appended / (rawTime.TotalMilliseconds / decided.Length):0.00}");
        Console.WriteLine($"  peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:#,0} MiB");
        return failures;
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

    private static DocumentStore Store(string schema, bool inlineProjections) => DocumentStore.For(options =>
    {
        options.Connection(PostgresServer.Instance.ConnectionString);
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.All;
        options.AddBorderSecurity(inlineProjections);
    });

    private static void Report(string what, long events, TimeSpan elapsed) =>
        Console.WriteLine($"  {what}: {events:#,0} events in {elapsed.TotalSeconds:0.00} s = {events / elapsed.TotalSeconds:#,0} events/s");

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Describe(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) is var b ? $"{b.Host}:{b.Port}" : connectionString;
}
