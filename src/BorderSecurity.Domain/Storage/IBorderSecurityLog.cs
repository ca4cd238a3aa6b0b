namespace BorderSecurity.Domain.Storage;

/// <summary>
/// Reading a store's log: every event with both of its instants (<see cref="RecordedEvent.KnownFrom"/> and
/// <see cref="RecordedEvent.RecordedAt"/>). Part of <see cref="IBorderSecurityStore"/>.
/// </summary>
public interface IBorderSecurityLog
{
    /// <summary>Reads the whole log in recording order.</summary>
    /// <param name="afterSequence">Only events after this sequence number (0 for all).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, with both instants.</returns>
    /// <exception cref="ArgumentException"><paramref name="afterSequence"/> is negative.</exception>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>Reads one stream in order.</summary>
    /// <param name="streamId">The stream, of any aggregate (a <see cref="Funding.CommitmentId"/>, a <see cref="Commands.CommandId"/>, ...).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its events; empty if it does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="streamId"/> is null.</exception>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamId streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sequence number of the newest event in the log (0 when it is empty): it grows with every event written or
    /// imported, so it versions every answer. A reader can cache an answer with it and ask again only when it moved (the
    /// web sample's <c>ETag</c>s do). One cheap read; on Marten the event sequence of the store's tenant.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The newest event's sequence number, or 0.</returns>
    Task<long> LastSequenceAsync(CancellationToken cancellationToken = default);
}
