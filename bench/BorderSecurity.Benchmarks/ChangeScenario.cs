using System.Diagnostics;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using JasperFx.Events;
using Marten;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The change questions (issue 22) side by side in one run, per size: the history generated (default shape),
/// bulk-appended to a throwaway PostgreSQL as an import (each event's known-from header kept), the package's tables
/// rebuilt and the async daemon rebuilding the conventional documents; then the same windows of known instants asked of
/// (a) the in-memory store (its known-from index), (b) the Marten package's <c>ChangesAsync</c> (the index
/// <c>ix_bsd_events_known</c>, then the touched streams' histories), and (c) the strongest conventional peer: the
/// daemon-kept document per event (<see cref="EventDocument"/>, its known-from a duplicated, indexed column) queried with
/// Marten LINQ for the window's page, then Marten's raw events of the page and of the streams it touches, and the same
/// classification (<see cref="ChangeAnswers"/>), so only the reading differs. Windows: a day and thirty days of known
/// instants ending at an instant of the log, and the first page of 100 of the whole history; and one subject's changes
/// over thirty days (the package, both stores). Every answer is compared with the in-memory store's; a difference fails
/// the run. Prints p50/p95 and a Markdown table. With <c>--quick</c>: 2,000 events and a few questions.
/// </summary>
internal static class ChangeScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? [2_000]
            : args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [100_000, 1_000_000];
        var failures = 0;
        var table = new List<string>();
        Console.WriteLine($"Change questions on PostgreSQL; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var size in sizes)
        {
            failures += await new SizeRun(size, quick, args.Contains("--explain"), table).RunAsync();
        }

        Console.WriteLine();
        Console.WriteLine("| events | window | in memory p50 / p95 | package (Marten) p50 / p95 | peer (documents + raw events) p50 / p95 | peer / package at p95 |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        table.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(failures == 0 ? "Every change answer agrees with the in-memory store's." : $"{failures} check(s) failed.");
        PostgresServer.Instance.Dispose();
        return failures == 0 ? 0 : 1;
    }

    private sealed class SizeRun(int size, bool quick, bool explain, List<string> table)
    {
        private readonly Dictionary<string, List<double>> _times = [];
        private int _failures;

        public async Task<int> RunAsync()
        {
            var events = GeneratedEvents.Of(size).Events;
            Console.WriteLine($"\n## {events.Count:#,0} events, default shape ({DataShape.Default.Describe})");
            var schema = $"bench_changes_{size}_{Environment.ProcessId}";
            using var imported = await ImportedHistory.OfAsync(events, schema);
            var (raw, model) = (imported.Raw, imported.Model);
            Check(imported.EventsRebuilt == events.Count, $"the rebuild read {imported.EventsRebuilt} events, expected {events.Count}");
            Console.WriteLine($"bulk append, the package's rebuild and the daemon's rebuild: {(imported.Append + imported.Rebuild + imported.Daemon).TotalSeconds:0.0} s");

            var stored = await model.ReadAllAsync();
            var memory = InMemoryBorderSecurityStore.Over(stored);
            var instants = stored.Select(e => e.KnownFrom).Distinct().Order().ToArray();
            var random = new Random(13);
            var warmUp = quick ? 1 : 3;
            var count = quick ? 4 : 30;
            Instant End() => instants[random.Next(instants.Length / 10, instants.Length)];
            var windows = new (string Name, Func<ChangesQuery> Next)[]
            {
                ("a day of known instants", () => { var b = End(); return new ChangesQuery(b - Duration.FromDays(1), b, ChangesQuery.MaxPageSize); }),
                ("thirty days of known instants", () => { var b = End(); return new ChangesQuery(b - Duration.FromDays(30), b, ChangesQuery.MaxPageSize); }),
                ("the first page of 100 of the whole history", () => new ChangesQuery(instants[0] - Duration.Epsilon, instants[^1], 100)),
            };
            if (explain)
            {
                await ExplainAsync(model, windows[0].Next());
            }

            foreach (var (name, next) in windows)
            {
                var sizes = new List<int>();
                for (var i = 0; i < warmUp + count; i++)
                {
                    var query = next();
                    var timed = i >= warmUp;
                    var expected = await Ask(name, "memory", timed, () => memory.ChangesAsync(query));
                    var package = await Ask(name, "package", timed, () => model.ChangesAsync(query));
                    var peer = await Ask(name, "peer", timed, () => PeerAsync(raw, query));
                    Check(package.Equals(expected), $"{name}, {query.KnownAfter} to {query.KnownBy}: the package's page differs from the in-memory store's");
                    Check(peer.Equals(expected), $"{name}, {query.KnownAfter} to {query.KnownBy}: the peer's page differs from the in-memory store's");
                    sizes.Add(expected.Changes.Count);
                }

                Row($"{name} (a page of at most {next().PageSize:#,0}; {sizes.Average():0} changes on average)", name);
            }

            // One subject's changes over thirty days: its stream and the disputes about it (the package, both stores).
            var subjects = stored.Select(e => e.StreamId).Distinct(StringComparer.Ordinal).ToArray();
            const string About = "one subject, thirty days";
            for (var i = 0; i < warmUp + count; i++)
            {
                var b = End();
                var query = new ChangesQuery(b - Duration.FromDays(30), b, ChangesQuery.MaxPageSize);
                var subject = new StreamId(subjects[random.Next(subjects.Length)]);
                var expected = await Ask(About, "memory", i >= warmUp, () => memory.ChangesAboutAsync(subject, query));
                var package = await Ask(About, "package", i >= warmUp, () => model.ChangesAboutAsync(subject, query));
                Check(package.Equals(expected), $"{About}, {subject}: the package's page differs from the in-memory store's");
            }

            Row(About, About);
            return _failures;
        }

        // --explain: the plans of the package's two queries for one window (EXPLAIN ANALYZE, BUFFERS), read through its private SQL builder.
        private static async Task ExplainAsync(MartenBorderSecurityStore model, ChangesQuery query)
        {
            var flags = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
            var sql = (AsOfSql)typeof(MartenBorderSecurityStore).GetField("_sql", flags)!.GetValue(model)!;
            var tenant = (string)typeof(MartenBorderSecurityStore).GetField("_tenantKey", flags)!.GetValue(model)!;
            await using var connection = await model.OpenConnectionAsync();
            var window = await model.ChangesAsync(query);
            var streams = window.Changes.Select(c => c.Stream.Value).Distinct().ToArray();
            foreach (var (what, q) in new[] { ("window", sql.ChangesWindow(tenant, query, null, 1001)), ("histories", sql.StreamsEvents(tenant, streams)) })
            {
                Console.WriteLine($"-- {what} ({window.Changes.Count} changes, {streams.Length} streams)");
                await using var command = q.On(connection, "explain (analyze, buffers) ");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    Console.WriteLine(reader.GetString(0));
                }
            }
        }

        private async Task<T> Ask<T>(string window, string who, bool timed, Func<Task<T>> ask)
        {
            var clock = Stopwatch.StartNew();
            var answer = await ask();
            if (timed)
            {
                Times($"{window}|{who}").Add(clock.Elapsed.TotalMilliseconds);
            }

            return answer;
        }

        /// <summary>
        /// Peer (c): the window's page from the daemon-kept event documents (Marten LINQ on the duplicated known-from column),
        /// then Marten's raw events of the page and of the streams whose histories the answer needs, and the model's one
        /// classification over them.
        /// </summary>
        private static async Task<ChangesPage> PeerAsync(IDocumentStore documents, ChangesQuery query)
        {
            await using var session = documents.QuerySession();
            var after = query.KnownAfter.ToDateTimeOffset();
            var by = query.KnownBy.ToDateTimeOffset();
            var page = await session.Query<EventDocument>()
                .Where(d => d.KnownFrom > after && d.KnownFrom <= by)
                .OrderBy(d => d.KnownFrom).ThenBy(d => d.Id)
                .Take((query.PageSize ?? int.MaxValue - 1) + 1)
                .Select(d => d.Id)
                .ToListAsync();
            var sequences = page.ToArray();
            var window = (await session.Events.QueryAllRawEvents().Where(e => e.Sequence.IsOneOf(sequences)).ToListAsync())
                .Where(e => e.Data is IBorderSecurityEvent).Select(MartenRecordedEvents.ToRecorded).ToList();
            var streams = window.Select(e => e.StreamId).Distinct(StringComparer.Ordinal).ToArray();
            var histories = (await session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(streams)).ToListAsync())
                .Where(e => e.Data is IBorderSecurityEvent).Select(MartenRecordedEvents.ToRecorded)
                .GroupBy(e => e.StreamId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<RecordedEvent>)[.. g.OrderBy(e => e.Sequence)], StringComparer.Ordinal);
            return ChangeAnswers.Of(query, window, id => histories.TryGetValue(id, out var events) ? events : []);
        }

        private List<double> Times(string name) => _times.TryGetValue(name, out var list) ? list : _times[name] = [];

        private void Row(string what, string window)
        {
            var memory = Times($"{window}|memory");
            var package = Times($"{window}|package");
            var peer = Times($"{window}|peer");
            var line = $"| {size:#,0} | {what} | {Latency(memory)} | {Latency(package)} | {Latency(peer)} | " +
                (peer.Count == 0 ? "n/a" : $"{P(peer, 95) / P(package, 95):0.0}x") + " |";
            table.Add(line);
            Console.WriteLine(line);
        }

        private void Check(bool ok, string failure)
        {
            if (!ok)
            {
                _failures++;
                Console.WriteLine($"CHECK FAILED: {failure}");
            }
        }
    }

    private static string Latency(List<double> ms) => ms.Count == 0 ? "n/a" : $"{P(ms, 50):0.00} / {P(ms, 95):0.00} ms";

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
