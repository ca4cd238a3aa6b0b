using System.Collections.Concurrent;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// The shape of a generated history: how many funding recipients and distinct sources it draws from.
/// <see cref="Default"/> is the tests' generator as the property tests use it (4 recipients, 6 sources), under which
/// the content-addressed caches almost always hit; <see cref="Wide"/> (50 recipients, 1,000 sources) is closer to a
/// real portfolio and measures them honestly.
/// </summary>
internal sealed record DataShape(string Name, int Recipients, int Sources)
{
    public static readonly DataShape Default = new("default", 0, 0);

    public static readonly DataShape Wide = new("wide", 50, 1_000);

    public string Describe => Recipients == 0 ? "4 recipients, 6 sources" : $"{Recipients} recipients, {Sources:#,0} sources";

    public static DataShape Parse(string name) => name switch
    {
        "default" => Default,
        "wide" => Wide,
        _ => throw new ArgumentException($"Unknown data shape '{name}': use default or wide."),
    };
}

/// <summary>
/// Histories from the tests' Bogus generator (fixed seed), cached per size and shape. About a third of generated
/// requests pass the rules, so three requests are generated per wanted event and the recorded log is cut at the size
/// (a prefix of a valid log is a valid log).
/// </summary>
internal static class GeneratedEvents
{
    private static readonly ConcurrentDictionary<(int, DataShape), (IReadOnlyList<RecordedEvent> Events, IReadOnlyList<IBorderSecurityRequest> Requests)> Cache = new();

    public static (IReadOnlyList<RecordedEvent> Events, IReadOnlyList<IBorderSecurityRequest> Requests) Of(int events, DataShape? shape = null) =>
        Cache.GetOrAdd((events, shape ?? DataShape.Default), key =>
        {
            var (n, s) = key;
            var history = HistoryGenerator.Generate(seed: 20241104, requests: n * 3, streamsPerAggregate: Math.Max(3, n / 40),
                recipients: s.Recipients, sources: s.Sources);
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
