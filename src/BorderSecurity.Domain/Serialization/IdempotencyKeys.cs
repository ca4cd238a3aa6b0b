using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace BorderSecurity.Domain.Serialization;

/// <summary>
/// Idempotency keys for requests: a request submitted twice with the same key is stored once; the second
/// submission gets the first one's events back, marked as already recorded. A store keeps each key with the
/// fingerprint of its request (<see cref="For(IBorderSecurityRequest)"/>), so the same key with a different request is
/// refused (<see cref="Storage.IdempotencyKeyConflictException"/>) rather than taken for a repeat.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 200;

    // Requests read from a timeline file in an older shape that keeps its keys (LegacyRequestShape.KeepsIdempotencyKeys),
    // each with the key it had then. By instance: a copy made with `with` is a new request and gets its own key.
    private static readonly ConditionalWeakTable<IBorderSecurityRequest, string> KeptKeys = [];

    /// <summary>
    /// The content key of a request: a SHA-256 of its type's name and its JSON (every field, its sources included). Two
    /// announcements of the same fact from the same sources get the same key; a re-announcement from a new source does not.
    /// </summary>
    /// <remarks>
    /// The JSON of every request is what it was in version 0.1.0 (typed ids and organisations are written as the strings
    /// they replaced), so a store written then recognises the same request. One exception is kept by the reader instead:
    /// an <see cref="Legislative.IntroduceBill"/> read from a timeline file of format 1 or 2 (the House as text) has the key
    /// it had then (see <see cref="LegacyRequestShape.KeepsIdempotencyKeys"/>); one written today (the House as
    /// <see cref="Legislative.ParliamentHouse"/>) has a new one. And a <see cref="Disputes.RecordDispute"/> about exactly one
    /// subject is keyed as its format-4 shape (<see cref="Disputes.RecordDisputeV4"/>, one <c>subjectId</c>) wrote it, so a
    /// dispute recorded before disputes could concern several subjects is recognised when imported again.
    /// </remarks>
    /// <param name="request">The request.</param>
    /// <returns>The key, for example <c>sha256:3f2a…</c>.</returns>
    public static string For(IBorderSecurityRequest request)
    {
        Guard.Against.Null(request);
        return KeptKeys.TryGetValue(request, out var kept) ? kept
            : ContentKey(request.GetType().Name, request is IKeyedInAnEarlierShape earlier ? earlier.KeyedAs : request);
    }

    /// <summary>Keeps for a request read in an older shape the key the stored shape had under the request's name.</summary>
    internal static void Keep(IBorderSecurityRequest forwarded, string requestName, object stored) =>
        KeptKeys.AddOrUpdate(forwarded, ContentKey(requestName, stored));

    private static string ContentKey(string requestName, object value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), TimelineFile.JsonOptions);
        var type = System.Text.Encoding.UTF8.GetBytes(requestName + ":");
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData([.. type, .. json]));
    }

    /// <summary>
    /// The key a store imports a timeline step under: with a step id, <c>step:{id}:</c> followed by the request's content
    /// key (<see cref="For(IBorderSecurityRequest)"/>), so the same step (same id, same request) is stored once and two
    /// identical requests with different ids are two steps; without an id, the request's content key alone (how every
    /// timeline file was read before step ids existed, so importing an old file again still stores nothing).
    /// </summary>
    /// <param name="step">The step.</param>
    /// <returns>The key, for example <c>step:reannounce-2024-11-04-pm:sha256:3f2a…</c> or <c>sha256:3f2a…</c>.</returns>
    public static string For(ReferenceTimeline.TimelineStep step)
    {
        Guard.Against.Null(step);
        var content = For(Guard.Against.Null(step.Request, nameof(step.Request)));
        return step.Id is null ? content : $"step:{step.Id}:{content}";
    }

    /// <summary>Rejects a key that is blank or longer than <see cref="MaxLength"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns><paramref name="key"/>.</returns>
    /// <exception cref="ArgumentException">The key is blank or too long.</exception>
    public static string Validate(string? key)
    {
        Guard.Against.NullOrWhiteSpace(key, nameof(key));
        return key.Length <= MaxLength ? key : throw new ArgumentException($"An idempotency key must be at most {MaxLength} characters (was {key.Length}).", nameof(key));
    }
}

/// <summary>
/// A request whose idempotency key is computed over an earlier shape of it that states the same (see
/// <see cref="IdempotencyKeys.For(IBorderSecurityRequest)"/>), so a store written then recognises it.
/// </summary>
internal interface IKeyedInAnEarlierShape
{
    /// <summary>The value whose JSON the key is computed over: the earlier shape, or the request itself when that shape cannot state it.</summary>
    object KeyedAs { get; }
}
