namespace BorderSecurity.Domain.Changes;

/// <summary>
/// A question about change in the world between two valid dates: everything that happened from <see cref="From"/> to
/// <see cref="To"/> (both inclusive), as known at <see cref="Knowledge"/>'s instants (as we know it now, or as we knew it
/// then). The other time axis of <see cref="ChangesQuery"/>, which asks what became known between two instants.
/// </summary>
/// <remarks>Validated on construction: <see cref="To"/> before <see cref="From"/> throws an exception naming <c>to</c>.</remarks>
public sealed record HappenedQuery
{
    /// <summary>Creates the question.</summary>
    /// <param name="from">The first valid date of the window (inclusive).</param>
    /// <param name="to">The last valid date of the window (inclusive); not before <paramref name="from"/>.</param>
    /// <param name="knownAt">Only what was known at this instant counts; <see langword="null"/> for everything known.</param>
    /// <param name="recordedBy">Only what this store had recorded by this instant counts (the audit view); <see langword="null"/> for all.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public HappenedQuery(LocalDate from, LocalDate to, Instant? knownAt = null, Instant? recordedBy = null)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to,
                $"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}): the window of valid dates must not end before it starts.");
        }

        From = from;
        To = to;
        KnownAt = knownAt;
        RecordedBy = recordedBy;
    }

    /// <summary>The first valid date of the window (inclusive).</summary>
    public LocalDate From { get; }

    /// <summary>The last valid date of the window (inclusive).</summary>
    public LocalDate To { get; }

    /// <summary>Only what was known at this instant counts; <see langword="null"/> for everything known.</summary>
    public Instant? KnownAt { get; }

    /// <summary>Only what this store had recorded by this instant counts; <see langword="null"/> for all.</summary>
    public Instant? RecordedBy { get; }

    /// <summary>The question's knowledge as an <see cref="AsOfQuery"/> as of <see cref="To"/>: the events it counts, whatever the window's start.</summary>
    public AsOfQuery Knowledge => new(To, KnownAt, RecordedBy);

    /// <summary>Whether an event happened in the window and is within the question's knowledge.</summary>
    /// <param name="recorded">The event.</param>
    /// <returns><see langword="true"/> when it counts for this question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recorded"/> is null.</exception>
    public bool Includes(RecordedEvent recorded) =>
        Guard.Against.Null(recorded).ValidOn >= From && Knowledge.Includes(recorded);
}
