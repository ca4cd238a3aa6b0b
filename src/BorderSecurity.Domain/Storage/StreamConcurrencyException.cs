namespace BorderSecurity.Domain.Storage;

/// <summary>A stale writer: the stream's version was not the one the writer expected. Nothing was written.</summary>
public sealed class StreamConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The stream's version.</param>
    public StreamConcurrencyException(string streamId, long expectedVersion, long actualVersion)
        : base($"Stream '{streamId}' is at version {actualVersion}, not the expected {expectedVersion}: another writer changed it. Nothing was written; read it again and retry.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream.</summary>
    public string StreamId { get; }

    /// <summary>The version the writer expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The stream's version when the write was tried.</summary>
    public long ActualVersion { get; }
}
