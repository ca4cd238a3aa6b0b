namespace BorderSecurity.Domain.Projections;

/// <summary>
/// How a series is made, the one way for every store: a value is evaluated at each candidate date, in date order, and a
/// point is kept where it changes. The stores differ only in how they find the value at a date (the in-memory store from
/// its statement lists; the Marten store from every statement the question knows, read in one query and swept forward).
/// </summary>
public static class Series
{
    /// <summary>The dates at which a value changes, with the value from each.</summary>
    /// <typeparam name="T">The value's type, compared with its default equality.</typeparam>
    /// <param name="dates">The candidate dates, in any order, repeats allowed: every date on which the value may change.</param>
    /// <param name="valueAt">The value at a date. Called once per distinct date, in ascending order (so a caller may sweep forward).</param>
    /// <param name="zero">The value before the first date; leading values equal to it make no point.</param>
    /// <returns>A point at each date whose value differs from the one before, in date order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> or <paramref name="valueAt"/> is null.</exception>
    public static IReadOnlyList<SeriesPoint<T>> Of<T>(IEnumerable<LocalDate> dates, Func<LocalDate, T> valueAt, T zero)
    {
        Guard.Against.Null(dates);
        Guard.Against.Null(valueAt);
        var points = new List<SeriesPoint<T>>();
        var previous = zero;
        foreach (var date in dates.Distinct().Order())
        {
            var value = valueAt(date);
            if (!EqualityComparer<T>.Default.Equals(value, previous))
            {
                points.Add(new SeriesPoint<T>(date, value));
                previous = value;
            }
        }

        return points;
    }
}
