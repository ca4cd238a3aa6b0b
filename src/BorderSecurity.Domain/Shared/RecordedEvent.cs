namespace BorderSecurity.Domain.Shared;

/// <summary>An event as the store recorded it: the event, its place in its stream and in the whole log, and when the store learnt of it.</summary>
/// <param name="Sequence">Its position in the whole log, from 1, in recording order.</param>
/// <param name="StreamId">Its stream.</param>
/// <param name="Version">Its position in its stream, from 1.</param>
/// <param name="RecordedAt">When the store recorded it (the recorded instant; the second time axis).</param>
/// <param name="Data">The event.</param>
public sealed record RecordedEvent(long Sequence, string StreamId, long Version, Instant RecordedAt, IBorderSecurityEvent Data)
{
    /// <summary>The event's valid date: when it happened in the world (the first time axis).</summary>
    public LocalDate ValidOn => Data.ValidOn;

    /// <summary>The event's stable wire name.</summary>
    public string EventName => EventCatalogue.NameOf(Data);
}

/// <summary>
/// A question on both time axes: "as of" a valid date, "as known at" a recorded instant.
/// </summary>
/// <remarks>
/// An event counts when it happened on or before <see cref="AsOf"/> and the store recorded it at or before
/// <see cref="KnownAt"/>. A null <see cref="KnownAt"/> means "with everything known now". Example: the September
/// £75m was announced on 17 September 2024; asked as of 1 October 2024 it counts, unless the question is asked
/// as known at an instant before the store recorded it (say it was back-filled on 5 November).
/// </remarks>
/// <param name="AsOf">The valid date: events that happened on or before it count.</param>
/// <param name="KnownAt">The recorded instant: events recorded at or before it count; <see langword="null"/> for all.</param>
public readonly record struct AsOfQuery(LocalDate AsOf, Instant? KnownAt = null)
{
    /// <summary>Whether an event counts for this question.</summary>
    /// <param name="recorded">The recorded event.</param>
    /// <returns><see langword="true"/> when it happened by <see cref="AsOf"/> and was recorded by <see cref="KnownAt"/>.</returns>
    public bool Includes(RecordedEvent recorded) =>
        Guard.Against.Null(recorded).ValidOn <= AsOf && (KnownAt is not { } knownAt || recorded.RecordedAt <= knownAt);

    /// <inheritdoc />
    public override string ToString() => KnownAt is { } k ? $"as of {AsOf:yyyy-MM-dd}, known at {k}" : $"as of {AsOf:yyyy-MM-dd}";
}
