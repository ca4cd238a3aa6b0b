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

/// <summary>The period a commitment covers, as announced, with its dates where they are known.</summary>
/// <param name="Description">The period as announced, for example <c>over the next two years</c>.</param>
/// <param name="Dates">The dates it covers, inclusive, where known; <see langword="null"/> where the announcement gives none.</param>
public sealed record FundingPeriod(string Description, DateInterval? Dates = null)
{
    /// <summary>The period of UK financial year <paramref name="startYear"/>/<paramref name="startYear"/>+1 (1 April to 31 March).</summary>
    /// <param name="startYear">The calendar year in which the financial year starts, for example 2025 for FY2025/26.</param>
    /// <param name="description">How the announcement described it.</param>
    /// <returns>The period.</returns>
    public static FundingPeriod FinancialYear(int startYear, string description) =>
        new(description, new DateInterval(new LocalDate(startYear, 4, 1), new LocalDate(startYear + 1, 3, 31)));
}
