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

    /// <summary>
    /// The content key of a request: a SHA-256 of its type and every field (its sources included). Two announcements
    /// of the same fact from the same sources get the same key; a re-announcement from a new source does not.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The key, for example <c>sha256:3f2a…</c>.</returns>
    public static string For(IBorderSecurityRequest request)
    {
        Guard.Against.Null(request);
        var json = JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), TimelineFile.JsonOptions);
        var type = System.Text.Encoding.UTF8.GetBytes(request.GetType().Name + ":");
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
