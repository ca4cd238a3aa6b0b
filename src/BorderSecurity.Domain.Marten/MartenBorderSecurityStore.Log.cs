using Marten;

namespace BorderSecurity.Domain.Marten;

// Reading the log: every event of the model, or one stream, with both instants.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    /// <remarks>Events of other models sharing the event store are skipped.</remarks>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        Guard.Against.Negative(afterSequence);
        await using var session = await ReadSessionAsync().ConfigureAwait(false);
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. events.Where(e => e.Data is IBorderSecurityEvent).Select(MartenRecordedEvents.ToRecorded)];
    }

    /// <inheritdoc />
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await ReadSessionAsync().ConfigureAwait(false);
        var newest = await session.Events.QueryAllRawEvents()
            .OrderByDescending(e => e.Sequence)
            .Take(1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return newest.Count == 0 ? 0 : newest[0].Sequence;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamId streamId, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(streamId);
        await using var session = await ReadSessionAsync().ConfigureAwait(false);
        var events = await session.Events.FetchStreamAsync(streamId.Value, token: cancellationToken).ConfigureAwait(false);
        return [.. events.Where(e => e.Data is IBorderSecurityEvent).Select(MartenRecordedEvents.ToRecorded)];
    }
}
