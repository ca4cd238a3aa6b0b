using System.Collections.Concurrent;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// Histories from the tests' Bogus generator (fixed seed), cached per size. About a third of generated requests
/// pass the rules, so three requests are generated per wanted event and the recorded log is cut at the size (a
/// prefix of a valid log is a valid log).
/// </summary>
internal static class GeneratedEvents
{
    private static readonly ConcurrentDictionary<int, (IReadOnlyList<RecordedEvent> Events, IReadOnlyList<IBorderSecurityRequest> Requests)> Cache = new();

    public static (IReadOnlyList<RecordedEvent> Events, IReadOnlyList<IBorderSecurityRequest> Requests) Of(int events) =>
        Cache.GetOrAdd(events, n =>
        {
            var history = HistoryGenerator.Generate(seed: 20241104, requests: n * 3, streamsPerAggregate: Math.Max(3, n / 40));
            return ([.. history.Events.Take(n)], history.Requests);
        });

    /// <summary>
    /// Accepted requests for the append scenario: a steady-state mix over 100 streams (about 20 writes per stream after
    /// its creation), from the same generator and seed. The histories above spread writes over n/40 streams per
    /// aggregate, so their first few thousand requests are nearly all stream creations.
    /// </summary>
    public static IReadOnlyList<IBorderSecurityRequest> AppendRequests(int count) =>
        [.. HistoryGenerator.Generate(seed: 20241104, requests: count * 3, streamsPerAggregate: 25).Requests.Take(count)];
}
