namespace BorderSecurity.Domain.Funding;

/// <summary>Whether an announced amount is a firm sum or an "up to" ceiling.</summary>
public enum FundingBasis
{
    /// <summary>A firm sum: the amount will be provided.</summary>
    Firm = 0,

    /// <summary>An "up to" ceiling: at most the amount will be provided; it is not a firm sum.</summary>
    UpTo = 1,
}

/// <summary>Where a commitment's money comes from.</summary>
public enum FundingOriginKind
{
    /// <summary>New money, not said to be moved from another programme (for example from a Budget).</summary>
    NewMoney = 0,

    /// <summary>Money moved from a named programme (for example the Illegal Migration Act 2023 budget).</summary>
    Redirected = 1,
}

/// <summary>Where a commitment's money comes from: new money (and from what, where stated) or a named programme it was redirected from.</summary>
/// <param name="Kind">New or redirected money.</param>
/// <param name="Name">For new money, its source where stated (for example <c>Autumn Budget 2024</c>), else <see langword="null"/>; for redirected money, the programme it was moved from.</param>
public sealed record FundingOrigin(FundingOriginKind Kind, string? Name)
{
    /// <summary>A label for reports, for example <c>Redirected from Illegal Migration Act 2023</c>.</summary>
    public string Label => Kind switch
    {
        FundingOriginKind.Redirected => $"Redirected from {Name}",
        _ when Name is null => "New money (source not stated)",
        _ => $"New money ({Name})",
    };

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>What an amount covers in time: how analysts count it per UK financial year.</summary>
public enum FundingCoverage
{
    /// <summary>The announcement does not say which years the money is for; it is never spread over years.</summary>
    NotStated = 0,

    /// <summary>In-year money: the whole amount is for one financial year (<see cref="FundingPeriod.FirstYear"/>).</summary>
    InYear = 1,

    /// <summary>A total over a span of financial years (<see cref="FundingPeriod.FirstYear"/> to <see cref="FundingPeriod.LastYear"/>), for example £150m over 2024/25 to 2025/26.</summary>
    OverYears = 2,

    /// <summary>A yearly level from a named financial year (<see cref="FundingPeriod.FirstYear"/>): the amount each year from then on (to <see cref="FundingPeriod.LastYear"/> where stated).</summary>
    YearlyFrom = 3,

    /// <summary>A yearly level reached by a named financial year (<see cref="FundingPeriod.FirstYear"/>), for example £280m a year by 2028/29: the amount each year from then on (to <see cref="FundingPeriod.LastYear"/> where stated); the years before it are not stated.</summary>
    YearlyBy = 4,
}

/// <summary>The kind of public spending an amount is, where the announcement says.</summary>
public enum SpendingKind
{
    /// <summary>Not stated.</summary>
    NotStated = 0,

    /// <summary>Resource (day-to-day) spending.</summary>
    Resource = 1,

    /// <summary>Capital spending.</summary>
    Capital = 2,
}

/// <summary>The part of an amount announced for one financial year.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="Amount">The amount for that year.</param>
public sealed record FinancialYearAmount(FinancialYear Year, Money Amount);

/// <summary>
/// The period a commitment covers, as announced: its <see cref="Coverage"/> (a total over a span of financial years, a
/// yearly level, in-year money, or not stated), the financial years it names, an optional <see cref="Profile"/> (the
/// amount per year, where one was announced) and the kind of spending. <see cref="Description"/> keeps the words of the
/// announcement. The decider checks the rules (<see cref="FundingCommitmentDecider"/>); this record only carries them.
/// </summary>
/// <param name="Description">The period as announced, for example <c>over the next two years</c>.</param>
/// <param name="Coverage">What the amount covers; <see cref="FundingCoverage.NotStated"/> unless said.</param>
/// <param name="FirstYear">The in-year year, the first year of a span, or the year a yearly level is from or by; <see langword="null"/> when not stated.</param>
/// <param name="LastYear">The last year of a span, or the last year a yearly level applies where stated; else <see langword="null"/>.</param>
/// <param name="Profile">The amount per financial year where announced (adds up to the amount, years inside the span, each once); else <see langword="null"/>.</param>
/// <param name="Spending">Resource, capital or not stated.</param>
public sealed record FundingPeriod(
    string Description,
    FundingCoverage Coverage = FundingCoverage.NotStated,
    FinancialYear? FirstYear = null,
    FinancialYear? LastYear = null,
    IReadOnlyList<FinancialYearAmount>? Profile = null,
    SpendingKind Spending = SpendingKind.NotStated)
{
    /// <summary>A period the announcement does not state in years.</summary>
    /// <param name="description">How the announcement described it.</param>
    /// <returns>The period.</returns>
    public static FundingPeriod NotStated(string description) => new(description);

    /// <summary>In-year money for one financial year.</summary>
    /// <param name="year">The financial year.</param>
    /// <param name="description">How the announcement described it.</param>
    /// <returns>The period.</returns>
    public static FundingPeriod InYear(FinancialYear year, string description) => new(description, FundingCoverage.InYear, year);

    /// <summary>A total over the financial years <paramref name="first"/> to <paramref name="last"/>, optionally profiled.</summary>
    /// <param name="first">The first year.</param>
    /// <param name="last">The last year.</param>
    /// <param name="description">How the announcement described it.</param>
    /// <param name="profile">The amount per year, where announced.</param>
    /// <returns>The period.</returns>
    public static FundingPeriod OverYears(FinancialYear first, FinancialYear last, string description, IReadOnlyList<FinancialYearAmount>? profile = null) =>
        new(description, FundingCoverage.OverYears, first, last, profile);

    /// <summary>A yearly level reached by financial year <paramref name="year"/> (and each year after, to <paramref name="until"/> where stated).</summary>
    /// <param name="year">The year by which the level is reached.</param>
    /// <param name="description">How the announcement described it.</param>
    /// <param name="until">The last year it applies, where stated.</param>
    /// <returns>The period.</returns>
    public static FundingPeriod YearlyBy(FinancialYear year, string description, FinancialYear? until = null) =>
        new(description, FundingCoverage.YearlyBy, year, until);

    /// <summary>A yearly level from financial year <paramref name="year"/> (to <paramref name="until"/> where stated).</summary>
    /// <param name="year">The first year of the level.</param>
    /// <param name="description">How the announcement described it.</param>
    /// <param name="until">The last year it applies, where stated.</param>
    /// <returns>The period.</returns>
    public static FundingPeriod YearlyFrom(FinancialYear year, string description, FinancialYear? until = null) =>
        new(description, FundingCoverage.YearlyFrom, year, until);

    /// <summary>Whether the amount is a yearly level (so it counts once in each year it applies and is never added to totals over years).</summary>
    public bool IsYearlyLevel => Coverage is FundingCoverage.YearlyFrom or FundingCoverage.YearlyBy;

    /// <summary>Whether the amount applies in financial year <paramref name="year"/>: its in-year year, a year of its span, or a year its yearly level applies.</summary>
    /// <param name="year">The year.</param>
    /// <returns>Whether it covers the year.</returns>
    public bool Covers(FinancialYear year) => Coverage switch
    {
        FundingCoverage.InYear => FirstYear == year,
        FundingCoverage.OverYears => FirstYear <= year && year <= LastYear,
        FundingCoverage.YearlyFrom or FundingCoverage.YearlyBy => FirstYear <= year && (LastYear is null || year <= LastYear),
        _ => false,
    };

    /// <summary>A label for reports, for example <c>total over 2024/25 to 2025/26</c> or <c>a year by 2028/29</c>.</summary>
    public string Label => Coverage switch
    {
        FundingCoverage.InYear => $"in-year {FirstYear}",
        FundingCoverage.OverYears => $"total over {FirstYear} to {LastYear}",
        FundingCoverage.YearlyFrom => LastYear is null ? $"a year from {FirstYear}" : $"a year from {FirstYear} to {LastYear}",
        FundingCoverage.YearlyBy => LastYear is null ? $"a year by {FirstYear}" : $"a year by {FirstYear} to {LastYear}",
        _ => "period not stated",
    };

    /// <inheritdoc />
    public bool Equals(FundingPeriod? other) =>
        other is not null && Description == other.Description && Coverage == other.Coverage && FirstYear == other.FirstYear
        && LastYear == other.LastYear && Spending == other.Spending
        && (Profile ?? []).SequenceEqual(other.Profile ?? []) && (Profile is null) == (other.Profile is null);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Description, Coverage, FirstYear, LastYear, Spending, Profile?.Count);
}
