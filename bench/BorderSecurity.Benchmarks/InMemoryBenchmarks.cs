using BenchmarkDotNet.Attributes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// Building the in-memory store's projection from N generated events (fold throughput and allocations per event), and
/// as-of queries on a built projection, beside the naive peer that refolds every stream per question
/// (<see cref="ReferenceProjection"/>). Events per second = N / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class InMemoryBenchmarks
{
    private IReadOnlyList<RecordedEvent> _events = [];
    private BorderSecurityProjection _projection = new();
    private ReferenceProjection _naive = new([]);
    private AsOfQuery _query;
    private AsOfQuery _now;
    private string _recipient = "";
    private RecordedEvent _write = null!;
    private RecordedEvent _lateWrite = null!;
    private long _sequence;
    private Instant _knownNow;

    /// <summary>The number of events.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = GeneratedEvents.Of(Events).Events;
        _projection = BorderSecurityProjection.Of(_events);
        _naive = new ReferenceProjection(_events);
        _query = new AsOfQuery(new LocalDate(2024, 6, 30), _events[_events.Count / 2].RecordedAt);
        _now = new AsOfQuery(new LocalDate(2024, 6, 30), null);
        _recipient = _projection.Funding(_query).Recipients[0].Recipient;

        // The write the write-then-ask benchmarks apply: a new pledge each time (the log's first pledge under a new
        // commitment id and sequence number), so the portfolio grows by one commitment per write.
        _write = _events.First(e => e.Data is Domain.Funding.FundingPledged);
        // And the pledge with the latest valid date: the kept totals work out only the dates from its date on.
        _lateWrite = _events.Where(e => e.Data is Domain.Funding.FundingPledged).MaxBy(e => e.ValidOn)!;
        _sequence = _events.Max(e => e.Sequence);
        Console.WriteLine($"// {_events.Count} events");

        // The first totals question after the fold builds the kept totals (once per change): timed here, once.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _projection.FundingTotals(null, _now);
        Console.WriteLine($"// kept totals of the portfolio built in {watch.Elapsed.TotalMilliseconds:0.0} ms");
        watch.Restart();
        _projection.FundingTotals(_recipient, _now);
        Console.WriteLine($"// kept totals of {_recipient} built in {watch.Elapsed.TotalMilliseconds:0.0} ms");

        // The first known-at totals question builds the kept totals as known at an instant: timed, and their memory.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        _projection.FundingTotals(null, _query);
        Console.WriteLine($"// kept totals as known of the portfolio built in {watch.Elapsed.TotalMilliseconds:0.0} ms, " +
            $"{(GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6:0.0} MB, shape {_projection.KnownTotalsShape(null)}");
        before = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        _projection.FundingTotals(_recipient, _query);
        Console.WriteLine($"// kept totals as known of {_recipient} built in {watch.Elapsed.TotalMilliseconds:0.0} ms, " +
            $"{(GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6:0.0} MB, shape {_projection.KnownTotalsShape(_recipient)}");
        _knownNow = _events.Max(e => e.KnownFrom);
    }

    [Benchmark(Description = "fold: build the projection")]
    public int Fold() => BorderSecurityProjection.Of(_events).Count;

    [Benchmark(Description = "as-of, known mid-history: whole funding portfolio")]
    public decimal PortfolioAsOf() => _projection.Funding(_query).Totals.Total.Pounds;

    [Benchmark(Description = "as-of, known mid-history: one recipient (FundingOf)")]
    public decimal RecipientAsOf() => _projection.FundingOf(_recipient, _query).Totals.Total.Pounds;

    [Benchmark(Description = "as-of, known now: whole funding portfolio")]
    public decimal PortfolioNow() => _projection.Funding(_now).Totals.Total.Pounds;

    [Benchmark(Description = "as-of, known now: one recipient (FundingOf)")]
    public decimal RecipientNow() => _projection.FundingOf(_recipient, _now).Totals.Total.Pounds;

    [Benchmark(Description = "totals only, known now: whole funding portfolio (kept totals)")]
    public decimal PortfolioTotalsNow() => _projection.FundingTotals(null, _now).Total.Pounds;

    [Benchmark(Description = "totals only, known now: one recipient (kept totals)")]
    public decimal RecipientTotalsNow() => _projection.FundingTotals(_recipient, _now).Total.Pounds;

    [Benchmark(Description = "totals only, known mid-history: whole funding portfolio (kept totals as known)")]
    public decimal PortfolioTotalsAsOf() => _projection.FundingTotals(null, _query).Total.Pounds;

    [Benchmark(Description = "totals only, known mid-history: one recipient (kept totals as known)")]
    public decimal RecipientTotalsAsOf() => _projection.FundingTotals(_recipient, _query).Total.Pounds;

    [Benchmark(Description = "a write (a new pledge), then totals only, known now: whole funding portfolio (kept totals updated for the one commitment)")]
    public decimal WriteThenPortfolioTotalsNow()
    {
        _projection.Apply(NextWrite());
        return _projection.FundingTotals(null, _now).Total.Pounds;
    }

    [Benchmark(Description = "a write (a new pledge dated last of all), then totals only, known now: whole funding portfolio (kept totals)")]
    public decimal LateWriteThenPortfolioTotalsNow()
    {
        _projection.Apply(NextWrite(_lateWrite));
        return _projection.FundingTotals(null, _now).Total.Pounds;
    }

    [Benchmark(Description = "a write known now (a new pledge), then totals only, known mid-history: whole funding portfolio (kept totals as known: appended)")]
    public decimal WriteThenPortfolioTotalsAsOf()
    {
        // Of a penny: tens of thousands of writes per iteration stay within the largest amount money may hold.
        _knownNow += Duration.FromSeconds(1);
        var write = NextWrite();
        _projection.Apply(write with { RecordedAt = _knownNow, Data = ((Domain.Funding.FundingPledged)write.Data) with { Amount = Money.FromPounds(0.01m) } });
        return _projection.FundingTotals(null, _query).Total.Pounds;
    }

    [Benchmark(Description = "a write known from the log's first instants (a new pledge, known before every checkpoint), then totals only, known mid-history: whole funding portfolio (kept totals as known: merged, checkpoints made again)")]
    public decimal EarlyKnownWriteThenPortfolioTotalsAsOf()
    {
        _projection.Apply(NextWrite());
        return _projection.FundingTotals(null, _query).Total.Pounds;
    }

    [Benchmark(Description = "a write (a new pledge), then the whole funding portfolio known now (its totals summed over every position)")]
    public decimal WriteThenPortfolioNow()
    {
        _projection.Apply(NextWrite());
        return _projection.Funding(_now).Totals.Total.Pounds;
    }

    private RecordedEvent NextWrite() => NextWrite(_write);

    private RecordedEvent NextWrite(RecordedEvent pledge)
    {
        var id = $"funding:benchmark-write-{++_sequence}";
        return pledge with { Sequence = _sequence, StreamId = id, Version = 1, Data = ((Domain.Funding.FundingPledged)pledge.Data) with { CommitmentId = id } };
    }

    [Benchmark(Description = "as-of: recruitment summary")]
    public int RecruitmentAsOf() => _projection.Recruitment(_query).Target;

    [Benchmark(Description = "naive peer, as-of, known mid-history: whole funding portfolio (ReferenceProjection refolds every stream)")]
    public decimal PortfolioAsOfNaive() => _naive.Funding(_query).Totals.Total.Pounds;
}
