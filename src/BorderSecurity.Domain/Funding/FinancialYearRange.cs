namespace BorderSecurity.Domain.Funding;

/// <summary>
/// Consecutive UK financial years, <see cref="First"/> to <see cref="Last"/> inclusive, for example 2024/25 to 2028/29:
/// the years a financial-year question asks about. Validated once: both years given, the last not before the first, at
/// most <see cref="MaxYears"/> years.
/// </summary>
public sealed record FinancialYearRange
{
    /// <summary>The most financial years one question may ask about.</summary>
    public const int MaxYears = 50;

    /// <summary>Creates a range.</summary>
    /// <param name="first">The first year.</param>
    /// <param name="last">The last year; not before <paramref name="first"/>.</param>
    /// <exception cref="ArgumentException">
    /// A year is not given (<c>default</c>), <paramref name="last"/> is before <paramref name="first"/>, or the range holds
    /// more than <see cref="MaxYears"/> years; the message names the parameter.
    /// </exception>
    public FinancialYearRange(FinancialYear first, FinancialYear last)
    {
        if (first.StartYear == 0 || last.StartYear == 0)
        {
            throw new ArgumentException("first and last: give both financial years, for example 2024/25.", first.StartYear == 0 ? nameof(first) : nameof(last));
        }

        if (last < first)
        {
            throw new ArgumentException($"last: {last} is before first ({first}).", nameof(last));
        }

        if (last.StartYear - first.StartYear + 1 > MaxYears)
        {
            throw new ArgumentException($"last: at most {MaxYears} financial years in one question ({first} to {last} is {last.StartYear - first.StartYear + 1}).", nameof(last));
        }

        (First, Last) = (first, last);
    }

    /// <summary>The first year.</summary>
    public FinancialYear First { get; }

    /// <summary>The last year.</summary>
    public FinancialYear Last { get; }

    /// <summary>The years, in order.</summary>
    public IEnumerable<FinancialYear> Years => FinancialYear.Range(First, Last);

    /// <summary>A range from text, for example <c>FinancialYearRange.Parse("2024/25", "2028/29")</c>.</summary>
    /// <param name="first">The first year, written <c>2024/25</c>.</param>
    /// <param name="last">The last year.</param>
    /// <returns>The range.</returns>
    /// <exception cref="FormatException">A year is not written as a financial year.</exception>
    /// <exception cref="ArgumentException">The range is invalid (see the constructor).</exception>
    public static FinancialYearRange Parse(string first, string last) => new(FinancialYear.Parse(first), FinancialYear.Parse(last));

    /// <summary>The range as text, for example <c>2024/25 to 2028/29</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{First} to {Last}";
}
