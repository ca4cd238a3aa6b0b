namespace BorderSecurity.Domain.Storage;

/// <summary>
/// An idempotency key was used again with a different request. The key belongs to the request first stored under
/// it (compared by <see cref="Serialization.IdempotencyKeys.For(IBorderSecurityRequest)"/>, the request's content
/// hash), so the new request is neither stored nor taken for a repeat: nothing was written. Send a new request with a
/// new key.
/// </summary>
public sealed class IdempotencyKeyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="streamId">The stream of the request that was refused.</param>
    public IdempotencyKeyConflictException(string key, string streamId)
        : base($"Idempotency key '{key}' was already used for a different request; this one (stream '{streamId}') was not stored. " +
               "A key names one request: send a new request with a new key.")
    {
        Key = key;
        StreamId = streamId;
    }

    /// <summary>The idempotency key that was reused.</summary>
    public string Key { get; }

    /// <summary>The stream of the request that was refused (not necessarily the stream the key's first request wrote to).</summary>
    public string StreamId { get; }
}
