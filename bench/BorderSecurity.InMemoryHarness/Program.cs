// The in-memory comparison harness: the fold and the questions of InMemoryBenchmarks on one saved history, timed with a
// Stopwatch and counted in bytes allocated (GC.GetAllocatedBytesForCurrentThread), so that two commits can be compared on
// the same events. It compiles against every commit of the domain since 7c80ca3: APIs that came later (the one legacy
// read path EventCatalogue.Read, RecordedEvent.KnownFrom) are reached by reflection.
//
//   gen  --events N --out FILE.jsonl.gz        (built with -p:WithGenerator=true) the tests' generator, seed 20241104,
//                                              as GeneratedEvents.Of(N) in the benchmarks, saved one event a line
//   gen-run --events N [run's options]         (built with -p:WithGenerator=true) measures the generator's events in place,
//                                              as InMemoryBenchmarks does (its input's heap as well as the code)
//   run  --history FILE [--rounds R] [--label L] [--min-ms M] [--only fold,portfolio-mid,...]
//                                              prints one JSON object: fold time and bytes per event per round, each
//                                              question's time and bytes per call, a few answers to compare, the load
using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

var options = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb).ConfigureForBorderSecurity();
var command = args.Length > 0 ? args[0] : "";
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

switch (command)
{
#if WITH_GENERATOR
    case "gen":
    {
        var n = int.Parse(Arg("--events", "100000"), System.Globalization.CultureInfo.InvariantCulture);
        var history = BorderSecurity.Domain.Testing.HistoryGenerator.Generate(seed: 20241104, requests: n * 3, streamsPerAggregate: Math.Max(3, n / 40));
        var events = history.Events.Take(n).ToList();
        History.Write(Arg("--out", $"history-{n}.jsonl.gz"), events, options);
        Console.WriteLine($"{events.Count} events written");
        return 0;
    }

    case "gen-run":
    {
        // As InMemoryBenchmarks does it: the events straight from the generator, in this process, the generated requests
        // kept alive beside them (GeneratedEvents caches both). Measures the benchmark's input as well as the code.
        var n = int.Parse(Arg("--events", "100000"), System.Globalization.CultureInfo.InvariantCulture);
        var history = BorderSecurity.Domain.Testing.HistoryGenerator.Generate(seed: 20241104, requests: n * 3, streamsPerAggregate: Math.Max(3, n / 40));
        var code = Measure.Run(history.Events.Take(n).ToList(), Arg("--label", "?"),
            int.Parse(Arg("--rounds", "3"), System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(Arg("--min-ms", "300"), System.Globalization.CultureInfo.InvariantCulture), Arg("--only", ""));
        GC.KeepAlive(history);
        return code;
    }
#endif
    case "run":
        return Measure.Run(History.Read(Arg("--history", "history.jsonl.gz"), options),
            Arg("--label", "?"), int.Parse(Arg("--rounds", "3"), System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(Arg("--min-ms", "300"), System.Globalization.CultureInfo.InvariantCulture), Arg("--only", ""));
    default:
        Console.Error.WriteLine("usage: run --history FILE [--rounds R] [--label L] [--min-ms M] | gen --events N --out FILE (built with WithGenerator)");
        return 2;
}

/// <summary>One saved event: its place, its instants, its wire name and its data as the model serialises it.</summary>
internal sealed record HistoryLine(long Seq, string Stream, long Ver, Instant Rec, Instant? Known, string Name, JsonElement Data);

internal static class History
{
    private static readonly PropertyInfo? KnownFrom = typeof(RecordedEvent).GetProperty("KnownFrom");

    // EventCatalogue.Read(name, deserialize) reads legacy shapes forward (since f329fa5); before it, TypeOf(name) is all there is.
    private static readonly MethodInfo? ReadForward = typeof(EventCatalogue).GetMethod("Read", [typeof(string), typeof(Func<Type, object?>)]);

    public static void Write(string path, IEnumerable<RecordedEvent> events, JsonSerializerOptions options)
    {
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(zip);
        foreach (var e in events)
        {
            var known = KnownFrom?.GetValue(e) is Instant k && k != e.RecordedAt ? k : (Instant?)null;
            var line = new HistoryLine(e.Sequence, e.StreamId, e.Version, e.RecordedAt, known, EventCatalogue.NameOf(e.Data),
                JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), options));
            writer.WriteLine(JsonSerializer.Serialize(line, options));
        }
    }

    public static List<RecordedEvent> Read(string path, JsonSerializerOptions options)
    {
        var events = new List<RecordedEvent>();
        using var file = File.OpenRead(path);
        using var zip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(zip);
        while (reader.ReadLine() is { } text)
        {
            var line = JsonSerializer.Deserialize<HistoryLine>(text, options)!;
            var data = ReadForward is not null
                ? (IBorderSecurityEvent)ReadForward.Invoke(null, [line.Name, (Func<Type, object?>)(t => line.Data.Deserialize(t, options))])!
                : (IBorderSecurityEvent)line.Data.Deserialize(EventCatalogue.TypeOf(line.Name), options)!;
            var recorded = new RecordedEvent(line.Seq, line.Stream, line.Ver, line.Rec, data);
            if (line.Known is { } known)
            {
                if (KnownFrom is null)
                {
                    throw new InvalidOperationException("This commit's RecordedEvent has no KnownFrom; the history needs one.");
                }

                KnownFrom.SetValue(recorded, known);
            }

            events.Add(recorded);
        }

        return events;
    }
}

internal static class Measure
{
    public static int Run(List<RecordedEvent> events, string label, int rounds, double minMs, string only)
    {
        // --only fold,portfolio-mid,...: measure just those (for a profiler attached to one question).
        bool Wanted(string name) => only.Length == 0 || only.Split(',').Contains(name);
        var mid = new AsOfQuery(new LocalDate(2024, 6, 30), events[events.Count / 2].RecordedAt);
        var now = new AsOfQuery(new LocalDate(2024, 6, 30), null);
        var load = new List<string> { Load() };

        // Warm-up fold (JIT, tiering), then the timed folds.
        var projection = BorderSecurityProjection.Of(events);
        var folds = new List<(double Ms, double CpuMs, double BytesPerEvent, int Gen0, int Gen1, int Gen2)>();
        for (var r = 0; r < (Wanted("fold") ? rounds : 0); r++)
        {
            projection = null!;
            Settle();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu.Ms();
            var watch = Stopwatch.StartNew();
            projection = BorderSecurityProjection.Of(events);
            watch.Stop();
            cpu = ThreadCpu.Ms() - cpu;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            folds.Add((watch.Elapsed.TotalMilliseconds, cpu, (double)bytes / events.Count,
                GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2));
        }

        load.Add(Load());
        var recipient = projection.Funding(mid).Recipients[0].Recipient;
        var questions = new (string Name, Func<object> Ask)[]
        {
            ("recipient-now", () => projection.FundingOf(recipient, now).Totals.Total.Pounds),
            ("recipient-mid", () => projection.FundingOf(recipient, mid).Totals.Total.Pounds),
            ("portfolio-now", () => projection.Funding(now).Totals.Total.Pounds),
            ("portfolio-mid", () => projection.Funding(mid).Totals.Total.Pounds),
            ("recruitment-mid", () => projection.Recruitment(mid).Target),
        };

        var answers = questions.ToDictionary(q => q.Name, q => q.Ask().ToString());
        var timings = new Dictionary<string, object>();
        foreach (var (name, ask) in questions.Where(q => Wanted(q.Name)))
        {
            var samples = new List<(double Ms, double CpuMs, double Bytes, int Calls)>();
            for (var r = 0; r < rounds; r++)
            {
                Settle();
                var calls = 0;
                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadCpu.Ms();
                var watch = Stopwatch.StartNew();
                do
                {
                    ask();
                    calls++;
                }
                while (watch.Elapsed.TotalMilliseconds < minMs || calls < 3);

                watch.Stop();
                cpu = ThreadCpu.Ms() - cpu;
                samples.Add((watch.Elapsed.TotalMilliseconds / calls, cpu / calls, (double)(GC.GetAllocatedBytesForCurrentThread() - before) / calls, calls));
            }

            timings[name] = new
            {
                median_ms = Median(samples.Select(s => s.Ms)),
                min_ms = samples.Min(s => s.Ms),
                cpu_ms = Median(samples.Select(s => s.CpuMs)),
                bytes_per_call = Median(samples.Select(s => s.Bytes)),
                ms = samples.Select(s => Math.Round(s.Ms, 4)).ToArray(),
            };
        }

        load.Add(Load());
        var result = new
        {
            label,
            events = events.Count,
            applied = projection.Count,
            fold = new
            {
                median_ms = folds.Count == 0 ? 0 : Median(folds.Select(f => f.Ms)),
                min_ms = folds.Count == 0 ? 0 : folds.Min(f => f.Ms),
                cpu_ms = folds.Count == 0 ? 0 : Median(folds.Select(f => f.CpuMs)),
                bytes_per_event = folds.Count == 0 ? 0 : Median(folds.Select(f => f.BytesPerEvent)),
                ms = folds.Select(f => Math.Round(f.Ms, 2)).ToArray(),
                gcs = folds.Select(f => $"{f.Gen0}/{f.Gen1}/{f.Gen2}").ToArray(),
            },
            questions = timings,
            answers,
            commitments = projection.Funding(now).Commitments.Count,
            recipient,
            loadavg = load,
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}

/// <summary>This thread's CPU time (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)), which time spent waiting for a core does not
/// inflate; elsewhere the process's processor time.</summary>
internal static class ThreadCpu
{
    public static double Ms()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(3, out var t) == 0)
        {
            return (t.Seconds * 1e3) + (t.Nanoseconds / 1e6);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
