using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Changes;

/// <summary>
/// One vintage of a whole series: the series up to the question's date as known from <see cref="KnownFrom"/> until the
/// next vintage. The vintages of a series are the data of a "what was known when" picture: the same line drawn once per
/// instant it changed.
/// </summary>
/// <typeparam name="T">A point's value.</typeparam>
/// <param name="KnownFrom">When the series became this.</param>
/// <param name="Points">The series as known then (see <see cref="Storage.IBorderSecurityQueries.FundingSeriesAsync"/>).</param>
/// <param name="IsFirstRelease">Whether it is the first vintage (the first with a point).</param>
/// <param name="ChangedBy">What made it: the kind of each event that became known at that instant, in log order.</param>
/// <param name="Sources">The sources of those events, each once.</param>
public sealed record SeriesVintage<T>(Instant KnownFrom, IReadOnlyList<SeriesPoint<T>> Points, bool IsFirstRelease, IReadOnlyList<ChangeKind> ChangedBy,
    IReadOnlyList<SourceReference> Sources)
{
    /// <inheritdoc />
    public bool Equals(SeriesVintage<T>? other) =>
        other is not null && KnownFrom == other.KnownFrom && IsFirstRelease == other.IsFirstRelease && Points.SequenceEqual(other.Points)
        && ChangedBy.SequenceEqual(other.ChangedBy) && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(KnownFrom, Points.Count, IsFirstRelease);
}

/// <summary>The one algorithm behind the vintages of a series; both stores feed it.</summary>
public static class SeriesVintageAnswers
{
    /// <summary>
    /// The vintages of a series up to the question's date: at each instant one of <paramref name="events"/> dated by then became
    /// known (in order), the series as known at that instant; a vintage wherever it differs from the one before (the first
    /// where it first has a point).
    /// </summary>
    /// <typeparam name="T">A point's value.</typeparam>
    /// <param name="events">The events the series is made of (all of them; those dated after the question's date are left out here).</param>
    /// <param name="seriesAt">The series up to the question's date, as known at an instant.</param>
    /// <param name="query">The question: its date ends the series; its figure is not used.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The vintages, in the order they became known.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The series is asked once per distinct instant: the cost grows with the number of instants the series' events
    /// became known at, times a series' cost. Ask about one recipient to keep it small.</remarks>
    public static async Task<IReadOnlyList<SeriesVintage<T>>> OfAsync<T>(IReadOnlyList<RecordedEvent> events,
        Func<Instant, Task<IReadOnlyList<SeriesPoint<T>>>> seriesAt, VintagesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(events);
        Guard.Against.Null(seriesAt);
        Guard.Against.Null(query);
        var counting = events.Where(e => e.ValidOn <= query.AsOf).ToList();
        var result = new List<SeriesVintage<T>>();
        IReadOnlyList<SeriesPoint<T>>? last = null;
        foreach (var at in counting.Select(e => e.KnownFrom).Distinct().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var points = await seriesAt(at).ConfigureAwait(false);
            if ((result.Count == 0 && points.Count == 0) || (last is not null && points.SequenceEqual(last)))
            {
                continue;
            }

            var (kinds, sources) = VintageAnswers.MadeAt(counting, at);
            result.Add(new SeriesVintage<T>(at, points, result.Count == 0, kinds, sources));
            last = points;
        }

        return query.Selection switch
        {
            VintageSelection.FirstRelease => [.. result.Take(1)],
            VintageSelection.RevisionsOnly => [.. result.Skip(1)],
            _ => result,
        };
    }
}
