namespace BorderSecurity.Domain.Shared;

/// <summary>
/// An event as a store recorded it: the event, its place in its stream and in the whole log, when the fact became
/// known (<see cref="KnownFrom"/>) and when this store wrote it (<see cref="RecordedAt"/>).
/// </summary>
/// <remarks>
/// The two instants differ only for imported history: an ordinary write is known from the moment it is recorded,
/// while an import of timeline steps keeps each step's known-from instant (the day the fact became public) and is
/// recorded when the import ran. "As known at" questions use <see cref="KnownFrom"/>; the audit view "as this store
/// had recorded it at" uses <see cref="RecordedAt"/> (see <see cref="AsOfQuery"/>).
/// </remarks>
/// <param name="Sequence">Its position in the whole log, from 1, in recording order.</param>
/// <param name="StreamId">Its stream.</param>
/// <param name="Version">Its position in its stream, from 1.</param>
/// <param name="RecordedAt">When this store wrote it. Never rewritten.</param>
/// <param name="Data">The event.</param>
public sealed record RecordedEvent(long Sequence, string StreamId, long Version, Instant RecordedAt, IBorderSecurityEvent Data)
{
    private readonly Instant? _knownFrom;

    /// <summary>
    /// When the fact became known (the second time axis, which "as known at" questions use): <see cref="RecordedAt"/>
    /// unless the event was imported with the instant it became public.
    /// </summary>
    public Instant KnownFrom
    {
        get => _knownFrom ?? RecordedAt;
        init => _knownFrom = value == RecordedAt ? null : value;
    }

    /// <summary>The event's valid date: when it happened in the world (the first time axis).</summary>
    public LocalDate ValidOn => Data.ValidOn;

    /// <summary>The event's stable wire name.</summary>
    public string EventName => EventCatalogue.NameOf(Data);
}

/// <summary>
/// A question on both time axes: "as of" a valid date, "as known at" an instant, and optionally "as this store had
/// recorded it at" an instant (the audit view).
/// </summary>
/// <remarks>
/// An event counts when it happened on or before <see cref="AsOf"/>, became known at or before <see cref="KnownAt"/>
/// (its <see cref="RecordedEvent.KnownFrom"/>) and, with <see cref="RecordedBy"/>, was written by this store at or
/// before that instant (its <see cref="RecordedEvent.RecordedAt"/>). A null instant means "everything". Example: the
/// September £75m was announced on 17 September 2024; asked as of 1 October 2024 it counts, unless the question is
/// asked as known at an instant before it became known. Imported a year later, it still counts as known at
/// 1 October 2024, but not as recorded by an instant before the import: the audit answer for an instant that has
/// passed never changes.
/// </remarks>
/// <param name="AsOf">The valid date: events that happened on or before it count.</param>
/// <param name="KnownAt">Events known at or before it count; <see langword="null"/> for all.</param>
/// <param name="RecordedBy">Events this store had recorded at or before it count; <see langword="null"/> for all.</param>
public readonly record struct AsOfQuery(LocalDate AsOf, Instant? KnownAt = null, Instant? RecordedBy = null)
{
    /// <summary>Whether an event counts for this question.</summary>
    /// <param name="recorded">The recorded event.</param>
    /// <returns><see langword="true"/> when it happened by <see cref="AsOf"/> and <see cref="Knows(Instant, Instant)"/> it.</returns>
    public bool Includes(RecordedEvent recorded) =>
        Guard.Against.Null(recorded).ValidOn <= AsOf && Knows(recorded.KnownFrom, recorded.RecordedAt);

    /// <summary>Whether an event with these instants is within the question's knowledge, whatever its valid date.</summary>
    /// <param name="knownFrom">When the fact became known.</param>
    /// <param name="recordedAt">When the store recorded it.</param>
    /// <returns><see langword="true"/> when known by <see cref="KnownAt"/> and recorded by <see cref="RecordedBy"/>.</returns>
    public bool Knows(Instant knownFrom, Instant recordedAt) =>
        (KnownAt is not { } knownAt || knownFrom <= knownAt) && (RecordedBy is not { } recordedBy || recordedAt <= recordedBy);

    /// <inheritdoc />
    public override string ToString() =>
        $"as of {AsOf:yyyy-MM-dd}" + (KnownAt is { } k ? $", known at {k}" : "") + (RecordedBy is { } r ? $", as recorded by {r}" : "");
}
