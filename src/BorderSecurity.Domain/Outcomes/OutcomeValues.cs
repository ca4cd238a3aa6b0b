using System.Text.Json.Serialization;

namespace BorderSecurity.Domain.Outcomes;

/// <summary>What an outcome indicator counts.</summary>
public enum IndicatorMeasure
{
    /// <summary>What happened over a span of days, for example people arriving in small boats in a month: each value counts a period.</summary>
    OverPeriod = 0,

    /// <summary>A level on one date, for example investigations under way: each value counts one day.</summary>
    OnDate = 1,
}

/// <summary>How exactly a source states a count.</summary>
public enum OutcomeQualifier
{
    /// <summary>The count as stated, for example an official table's figure.</summary>
    Exact = 0,

    /// <summary>"More than" the count: a floor, for example "more than 5,000 people".</summary>
    MoreThan = 1,

    /// <summary>"Around" the count: an approximation, for example "around 70 investigations".</summary>
    Around = 2,

    /// <summary>"Up to" the count: a ceiling.</summary>
    UpTo = 3,
}

/// <summary>What kind of release a value comes from.</summary>
public enum ReleaseStatus
{
    /// <summary>Reported by a minister, an agency or the press, not an official statistical release.</summary>
    Reported = 0,

    /// <summary>An official statistic published as provisional (to be revised).</summary>
    ProvisionalOfficial = 1,

    /// <summary>A later official release that replaces an earlier figure as planned.</summary>
    Revised = 2,

    /// <summary>A figure put right because an earlier one was wrong.</summary>
    Corrected = 3,
}

/// <summary>
/// The days a value counts, both ends included: a month (<see cref="Month"/>), a span of days (<see cref="Days"/>) or, for an
/// indicator measured on a date, one day (<see cref="Day"/>). A value is dated <see cref="To"/>, the day its count is complete.
/// </summary>
/// <param name="From">The first day counted.</param>
/// <param name="To">The last day counted, not before <paramref name="From"/>.</param>
public sealed record CountPeriod(LocalDate From, LocalDate To) : IComparable<CountPeriod>
{
    /// <summary>Whether the period ends before it starts (such a period is refused, naming <c>Period</c>).</summary>
    [JsonIgnore]
    public bool EndsBeforeItStarts => To < From;

    /// <summary>One calendar month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The month's first to last day.</returns>
    public static CountPeriod Month(int year, int month)
    {
        var first = new LocalDate(year, month, 1);
        return new CountPeriod(first, first.PlusMonths(1).PlusDays(-1));
    }

    /// <summary>A span of days, both ends included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The period.</returns>
    public static CountPeriod Days(LocalDate from, LocalDate to) => new(from, to);

    /// <summary>One day, for an indicator measured on a date.</summary>
    /// <param name="on">The day.</param>
    /// <returns>The period of that day alone.</returns>
    public static CountPeriod Day(LocalDate on) => new(on, on);

    /// <summary>Orders periods by their first day, then their last.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>The order.</returns>
    public int CompareTo(CountPeriod? other) =>
        other is null ? 1 : From != other.From ? From.CompareTo(other.From) : To.CompareTo(other.To);

    /// <summary>The period in ISO form, <c>2024-10-01/2024-10-31</c>, or one date for one day.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => From == To ? $"{From:yyyy-MM-dd}" : $"{From:yyyy-MM-dd}/{To:yyyy-MM-dd}";
}
