namespace BorderSecurity.Domain.Changes;

/// <summary>
/// One thing learnt: an event, classified, with its subject, its valid date, when it became known, its sources and, for
/// a figure, the figure's value as of the event's valid date as known just before and just after it.
/// </summary>
/// <param name="KnownFrom">When it became known (the known axis): the change's place in the window.</param>
/// <param name="Sequence">Its position in the store's log; orders changes known at the same instant.</param>
/// <param name="ValidOn">When it happened in the world (the valid axis).</param>
/// <param name="Stream">The stream it was recorded in (a commitment, target, bill, command or dispute).</param>
/// <param name="Subject">What it is about: <paramref name="Stream"/>, or for a dispute, the disputed subject; a dispute about
/// several subjects names the one a question about a subject asked about, otherwise the first it names.</param>
/// <param name="Kind">What kind of change it is (<see cref="ChangeClassification.Of"/>).</param>
/// <param name="IsBackfill">Whether it is a back-fill, a fact learnt after the time it is about: for changes between two
/// instants (<see cref="Storage.IBorderSecurityQueries.ChangesAsync"/>), learnt in the window about a valid date before the
/// window's start (<see cref="ChangesQuery.KnownAfter"/>'s UTC date); for what happened between two valid dates
/// (<see cref="Storage.IBorderSecurityQueries.HappenedAsync"/>), known only after the window's last date (its known-from
/// instant's UTC date after <see cref="HappenedQuery.To"/>).</param>
/// <param name="EventName">The event's stable wire name.</param>
/// <param name="Summary">A one-line description.</param>
/// <param name="Sources">The event's sources.</param>
/// <param name="Figure">For an event about a figure, its value before and after; otherwise <see langword="null"/>.</param>
public sealed record Change(
    Instant KnownFrom, long Sequence, LocalDate ValidOn, StreamId Stream, StreamId Subject, ChangeKind Kind, bool IsBackfill, string EventName,
    string Summary, IReadOnlyList<SourceReference> Sources, FigureChange? Figure)
{
    /// <inheritdoc />
    public bool Equals(Change? other) =>
        other is not null && KnownFrom == other.KnownFrom && Sequence == other.Sequence && ValidOn == other.ValidOn && Stream == other.Stream
        && Subject == other.Subject && Kind == other.Kind && IsBackfill == other.IsBackfill && EventName == other.EventName && Summary == other.Summary
        && Sources.SequenceEqual(other.Sources) && Figure == other.Figure;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(KnownFrom, Sequence, Stream, Kind);
}

/// <summary>
/// A figure's value as of a change's valid date, as known just before the change and just after it (the events of its
/// stream known earlier, ties in log order, then with it). A withdrawn commitment's amount and an abandoned target's
/// headcount count zero; a value not yet stated is <see langword="null"/>. A re-announcement leaves the value as it was:
/// counted once.
/// </summary>
/// <param name="Figure">The figure: <see cref="Figures.Amount"/> (pounds), <see cref="Figures.Allocation"/> (pounds),
/// <see cref="Figures.Headcount"/> or <see cref="Figures.InPost"/> (people).</param>
/// <param name="Dimension">For an allocation the capability; otherwise empty.</param>
/// <param name="Before">The value as known just before the change, or <see langword="null"/> if none was stated.</param>
/// <param name="After">The value as known just after it, or <see langword="null"/>.</param>
public sealed record FigureChange(string Figure, string Dimension, decimal? Before, decimal? After);

/// <summary>One page of changes, in the order they became known (known-from instant, then log order).</summary>
/// <param name="Changes">The changes.</param>
/// <param name="Continuation">Pass it to <see cref="ChangesQuery"/> (or use <see cref="ChangesQuery.Next"/>) for the next page;
/// <see langword="null"/> when this is the last.</param>
public sealed record ChangesPage(IReadOnlyList<Change> Changes, string? Continuation)
{
    /// <inheritdoc />
    public bool Equals(ChangesPage? other) =>
        other is not null && Continuation == other.Continuation && Changes.SequenceEqual(other.Changes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Changes.Count, Continuation);
}
