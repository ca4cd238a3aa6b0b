using System.Diagnostics;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;
using Marten;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The financial-year question (issue 13) side by side in one run, per size: the history generated (default shape),
/// bulk-appended to a throwaway PostgreSQL as an import (each event's known-from header kept) and the package's tables
/// rebuilt; then the same questions (as-of dates over the history, known-at instants from the log, a warm-up not timed)
/// asked of every approach in turn: (a) in memory, <see cref="BorderSecurityProjection.FundingByFinancialYear"/> (with
/// the time and memory to build it from the events), (b) the Marten package's <c>FundingByFinancialYearAsync</c>, and
/// (c) live aggregation, <c>AggregateStreamAsync</c> per commitment then the same counting rule
/// (<see cref="FinancialYearFunding.Of"/>), so only the reading differs; and (d) the daemon-kept documents of the
/// conventional peer (its statement documents carry each period's JSON, as the package's rows do), read with Marten LINQ,
/// latest statement per figure in the client, then the same rule; each for the portfolio and one recipient.
/// Every answer is compared with the in-memory one field for field (as JSON); a difference fails the run. Prints p50/p95,
/// ratios, peak working set and a Markdown table. With <c>--quick</c>: 2,000 events and a few questions.
/// </summary>
internal static class FinancialYearScenario
{
    /// <summary>The years every question asks about: from before the generated dates to after every generated span and level start.</summary>
    private static readonly FinancialYear First = new(2022);

    private static readonly FinancialYear Last = new(2031);

    private static readonly System.Text.Json.JsonSerializerOptions AnswerJson = BorderSecurity.Domain.Serialization.BorderSecurityJson.ConfigureForBorderSecurity(
        NodaTime.Serialization.SystemTextJson.Extensions.ConfigureForNodaTime(new System.Text.Json.JsonSerializerOptions(), DateTimeZoneProviders.Tzdb));

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? [2_000]
            : args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [100_000, 1_000_000];
        var failures = 0;
        var table = new List<string>();
        Console.WriteLine($"Financial-year questions on PostgreSQL at {PostgresServer.Instance.ConnectionString.Split(';').FirstOrDefault(p => p.StartsWith("Port", StringComparison.OrdinalIgnoreCase))}; " +
            $"{Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}; years {First} to {Last} per question");
        using var peak = new PeakMemory();
        foreach (var size in sizes)
        {
            failures += await new SizeRun(size, quick, peak, table).RunAsync();
        }

        Console.WriteLine();
        Console.WriteLine("| events | scenario | p50 / p95 (or time) | against the package | peak working set |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        table.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(failures == 0 ? "Every financial-year answer agrees with the in-memory one." : $"{failures} check(s) failed.");
        PostgresServer.Instance.Dispose();
        return failures == 0 ? 0 : 1;
    }

    private sealed class SizeRun(int size, bool quick, PeakMemory peak, List<string> table)
    {
        private readonly Dictionary<string, List<double>> _times = [];
        private int _failures;

        public async Task<int> RunAsync()
        {
            var events = GeneratedEvents.Of(size).Events;
            Console.WriteLine($"\n## {events.Count:#,0} events, default shape ({DataShape.Default.Describe})");
            var schema = $"bench_fy_{size}_{Environment.ProcessId}";

            // The history as an import: raw Marten, no inline tables, each event's known-from header kept; then the package's
            // rebuild, and the async daemon rebuilding the conventional documents for peer (d).
            using var imported = await ImportedHistory.OfAsync(events, schema);
            var (raw, store, model) = (imported.Raw, imported.Store, imported.Model);
            Row("bulk append (an import), raw Marten", $"{imported.Append.TotalSeconds:0.0} s", "", "");
            Check(imported.EventsRebuilt == events.Count, $"the rebuild read {imported.EventsRebuilt} events, expected {events.Count}");
            Row("rebuild of the package's tables", $"{imported.Rebuild.TotalSeconds:0.0} s", "", "");
            Row("async daemon rebuild of the conventional documents (peer d)", $"{imported.Daemon.TotalSeconds:0.0} s", "", "");

            // (a) In memory: the projection built from the stored events, its time, retained managed memory and peak working set.
            var stored = await model.ReadAllAsync();
            BorderSecurityProjection memory;
            double retainedMiB;
            using (var scope = peak.Start())
            {
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var build = Stopwatch.StartNew();
                memory = BorderSecurityProjection.Of(stored);
                var elapsed = build.Elapsed;
                retainedMiB = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024.0;
                Row("in memory: build the projection from the events", $"{elapsed.TotalSeconds:0.00} s ({Rate(stored.Count, elapsed)})", "",
                    $"{scope.PeakMiB} MiB ({retainedMiB:0.0} MiB retained by the projection)");
            }

            await QuestionsAsync(store, raw, model, stored, memory);
            GC.KeepAlive(memory);
            return _failures;
        }

        private async Task QuestionsAsync(IDocumentStore store, IDocumentStore documents, MartenBorderSecurityStore model, IReadOnlyList<RecordedEvent> stored,
            BorderSecurityProjection memory)
        {
            var random = new Random(7);
            var warmUp = quick ? 1 : 3;
            var count = quick ? 4 : 30;
            var questions = Enumerable.Range(0, warmUp + count)
                .Select(_ => new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500)), stored[random.Next(stored.Count)].KnownFrom))
                .ToArray();
            var recipients = HistoryGenerator.RecipientsOf(0);
            var streamsOf = stored.Select(e => (e.StreamId, Creation: FundingStatements.CreationOf(e.Data))).Where(c => c.Creation is not null)
                .GroupBy(c => c.Creation!.Recipient)
                .ToDictionary(g => g.Key, g => g.Select(c => c.StreamId).Distinct().ToArray());
            var allStreams = streamsOf.Values.SelectMany(s => s).Distinct().ToArray();
            var livePerRecipient = quick ? 2 : 6;
            var livePortfolio = quick ? 1 : 3;

            using var scope = peak.Start();
            for (var i = 0; i < questions.Length; i++)
            {
                var q = questions[i];
                var timed = i >= warmUp;
                var who = recipients[i % recipients.Count];

                async Task<FinancialYearFunding> Ask(string name, Func<Task<FinancialYearFunding>> ask)
                {
                    var clock = Stopwatch.StartNew();
                    var answer = await ask();
                    if (timed)
                    {
                        Times(name).Add(clock.Elapsed.TotalMilliseconds);
                    }

                    return answer;
                }

                // Every approach in turn for the same question; the in-memory answer is the one the others must equal.
                var expected = Json(await Ask("memory portfolio", () => Task.FromResult(memory.FundingByFinancialYear(First, Last, q))));
                var expectedOf = Json(await Ask("memory recipient", () => Task.FromResult(memory.FundingByFinancialYear(First, Last, q, who))));
                Same(await Ask("package portfolio", () => model.FundingByFinancialYearAsync(new FinancialYearRange(First, Last), q)), expected, $"the package's portfolio at {q}");
                Same(await Ask("package recipient", () => model.FundingByFinancialYearOfAsync(new Organisation(who), new FinancialYearRange(First, Last), q)), expectedOf, $"the package's {who} at {q}");
                Same(await Ask("documents portfolio", () => DocumentsAsync(documents, q, null)), expected, $"the documents peer's portfolio at {q}");
                Same(await Ask("documents recipient", () => DocumentsAsync(documents, q, who)), expectedOf, $"the documents peer's {who} at {q}");
                if (i < warmUp + livePerRecipient)
                {
                    Same(await Ask("live recipient", () => LiveAsync(store, streamsOf.GetValueOrDefault(who) ?? [], q, who)), expectedOf, $"live aggregation of {who} at {q}");
                }

                if (i < warmUp + livePortfolio)
                {
                    Same(await Ask("live portfolio", () => LiveAsync(store, allStreams, q, null)), expected, $"live aggregation of the portfolio at {q}");
                }
            }

            var mib = scope.PeakMiB;
            foreach (var (what, package, others) in new[]
            {
                ("portfolio", "package portfolio", new[] { "memory portfolio", "documents portfolio", "live portfolio" }),
                ("one recipient", "package recipient", new[] { "memory recipient", "documents recipient", "live recipient" }),
            })
            {
                Row($"Marten package `FundingByFinancialYearAsync`, {what}, {Questions(Times(package).Count)}", Latency(Times(package)), "", $"{mib} MiB");
                foreach (var other in others)
                {
                    var ratio = P(Times(other), 50) / P(Times(package), 50);
                    var label = other.Split(' ')[0] switch
                    {
                        "memory" => $"in memory `FundingByFinancialYear`, {what}",
                        "documents" => $"daemon-kept documents: Marten LINQ on statement documents, latest per figure in the client + `FinancialYearFunding.Of` (+ the dispute events, for the open disputes), {what}",
                        _ => $"live aggregation: `AggregateStreamAsync` per commitment + `FinancialYearFunding.Of` (+ the dispute events), {what}",
                    };
                    Row($"{label}, {Questions(Times(other).Count)}", Latency(Times(other)),
                        ratio >= 1 ? $"{ratio:0.0}x the package's p50" : $"{1 / ratio:0.0}x faster than the package at p50", $"{mib} MiB");
                }
            }
        }

        private List<double> Times(string name) => _times.TryGetValue(name, out var list) ? list : _times[name] = [];

        private void Same(FinancialYearFunding answer, string expected, string what) =>
            Check(Json(answer) == expected, $"{what}: the answer differs from the in-memory one");

        private void Row(string scenario, string figure, string ratio, string peakMiB)
        {
            Console.WriteLine($"  {scenario}: {figure}{(ratio.Length > 0 ? $" | {ratio}" : "")}{(peakMiB.Length > 0 ? $" | peak {peakMiB}" : "")}");
            table.Add($"| {size:#,0} | {scenario} | {figure} | {ratio} | {peakMiB} |");
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

    /// <summary>Live aggregation: one <c>AggregateStreamAsync</c> per commitment, one after another, then the model's one counting rule.</summary>
    private static async Task<FinancialYearFunding> LiveAsync(IDocumentStore store, IReadOnlyList<string> streams, AsOfQuery query, string? recipient)
    {
        await using var session = store.QuerySession();
        var covers = new List<CommitmentCover>();
        foreach (var id in streams)
        {
            var live = await session.Events.AggregateStreamAsync<LiveCommitment>(id);
            if (live?.CoverAt(query) is { } cover)
            {
                covers.Add(cover);
            }
        }

        // Like every answer that includes a commitment, it lists the open disputes about the ones it counts (read its own way).
        return OpenDisputes.Attach(FinancialYearFunding.Of(query, recipient, First, Last, covers), await PeerDisputes.AsOfAsync(session, query));
    }

    /// <summary>
    /// Peer (d): the conventional projection's statement documents kept by the async daemon, queried with Marten LINQ on
    /// their duplicated columns (funding, valid on or before the date, known and recorded by the instants, the recipient's
    /// streams), the latest statement of each figure per commitment taken in the client, then the same counting rule.
    /// </summary>
    private static async Task<FinancialYearFunding> DocumentsAsync(IDocumentStore store, AsOfQuery query, string? recipient)
    {
        await using var session = store.QuerySession();
        var asOf = query.AsOf.ToDateOnly();
        var figures = new[] { Figures.Created, Figures.Amount, Figures.Withdrawn, Figures.Period };
        var statements = session.Query<StatementDocument>()
            .Where(s => s.Aggregate == ProjectionRows.Funding && s.ValidOn <= asOf && s.Figure.IsOneOf(figures));
        if (query.KnownAt is { } knownAt)
        {
            var known = knownAt.ToDateTimeOffset();
            statements = statements.Where(s => s.KnownFrom <= known);
        }

        if (query.RecordedBy is { } recordedBy)
        {
            var recorded = recordedBy.ToDateTimeOffset();
            statements = statements.Where(s => s.RecordedAt <= recorded);
        }

        if (recipient is not null)
        {
            // A commitment's recipient is fixed at its creation: the creation documents name the recipient's streams.
            var streams = await session.Query<StatementDocument>().Where(s => s.Recipient == recipient).Select(s => s.StreamId).ToListAsync();
            statements = statements.Where(s => s.StreamId.IsOneOf(streams.ToArray()));
        }

        var covers = new List<CommitmentCover>();
        foreach (var stream in (await statements.ToListAsync()).GroupBy(s => s.StreamId, StringComparer.Ordinal))
        {
            var latest = new Dictionary<string, StatementDocument>();
            foreach (var s in stream)
            {
                if (!latest.TryGetValue(s.Figure, out var seen) || (s.ValidOn, s.Sequence).CompareTo((seen.ValidOn, seen.Sequence)) > 0)
                {
                    latest[s.Figure] = s;
                }
            }

            if (!latest.TryGetValue(Figures.Created, out var created) || !latest.TryGetValue(Figures.Amount, out var amount))
            {
                continue;
            }

            var period = latest.TryGetValue(Figures.Period, out var p) && p.Detail is { } json
                ? System.Text.Json.JsonSerializer.Deserialize<FundingPeriod>(json, AnswerJson)!
                : FundingPeriod.NotStated("");
            covers.Add(new CommitmentCover(stream.Key, created.Recipient!, created.OriginKind!.Value, created.Basis!.Value,
                latest.ContainsKey(Figures.Withdrawn) ? Money.Zero : Money.FromPounds(amount.Value!.Value), period));
        }

        return OpenDisputes.Attach(FinancialYearFunding.Of(query, recipient, First, Last, covers), await PeerDisputes.AsOfAsync(session, query));
    }

    private static string Questions(int n) => n == 1 ? "1 question" : $"{n:#,0} questions";

    private static string Json(FinancialYearFunding answer) => System.Text.Json.JsonSerializer.Serialize(answer, AnswerJson);

    private static string Rate(long events, TimeSpan elapsed) => $"{events / elapsed.TotalSeconds:#,0} events/s";

    private static string Latency(List<double> ms) => ms.Count == 0 ? "n/a" : $"{P(ms, 50):0.00} / {P(ms, 95):0.00} ms";

    private static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
