using System.Globalization;

namespace BorderSecurity.Domain.Funding;

/// <summary>Whether reported spending is a plan or money actually spent (HM Treasury's PESA keeps plans apart from outturn).</summary>
public enum SpendingStage
{
    /// <summary>Planned spending for the financial year, as set on the report's date. Never counted as spent.</summary>
    Planned = 0,

    /// <summary>Outturn: money actually spent in the financial year up to and including the report's date.</summary>
    Outturn = 1,
}

/// <summary>
/// One line of reported spending against a commitment as of a question: the latest report of one financial year, stage and
/// kind of spending that counts on both axes (a later report of the same line replaces an earlier one; see
/// <see cref="SpendingReported"/>).
/// </summary>
/// <param name="Year">The financial year the money is spent (or planned) in.</param>
/// <param name="Stage">Planned or outturn.</param>
/// <param name="Kind">Resource, capital or not stated.</param>
/// <param name="Amount">The whole amount of the line as reported.</param>
/// <param name="StatedOn">
/// The report's valid date: for outturn, the last day the spending counts (the year's last day for a full-year outturn);
/// for a plan, the day it was set.
/// </param>
public sealed record SpendingLine(FinancialYear Year, SpendingStage Stage, SpendingKind Kind, Money Amount, LocalDate StatedOn)
{
    /// <summary>The line's key in the figure statements (<see cref="Figures.Spending"/>'s dimension), for example <c>2024/25 outturn capital</c>.</summary>
    public string Key => KeyOf(Year, Stage, Kind);

    /// <summary>The key of a financial year, stage and kind: the dimension of its <see cref="Figures.Spending"/> statements.</summary>
    /// <param name="year">The financial year.</param>
    /// <param name="stage">Planned or outturn.</param>
    /// <param name="kind">The kind of spending.</param>
    /// <returns>The key, for example <c>2024/25 outturn capital</c>.</returns>
    public static string KeyOf(FinancialYear year, SpendingStage stage, SpendingKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{year} {Word(stage)} {Word(kind)}");

    /// <summary>A line from its key and what the latest statement of it says.</summary>
    /// <param name="key">The key (<see cref="KeyOf"/>).</param>
    /// <param name="amount">The amount stated.</param>
    /// <param name="statedOn">The statement's valid date.</param>
    /// <returns>The line.</returns>
    /// <exception cref="FormatException">The key is not one <see cref="KeyOf"/> writes.</exception>
    public static SpendingLine FromKey(string key, Money amount, LocalDate statedOn)
    {
        var parts = Guard.Against.Null(key).Split(' ');
        return parts.Length == 3 && FinancialYear.TryParse(parts[0], out var year)
               && Enum.GetValues<SpendingStage>().FirstOrDefault(s => Word(s) == parts[1]) is var stage && Word(stage) == parts[1]
               && Enum.GetValues<SpendingKind>().FirstOrDefault(k => Word(k) == parts[2]) is var kind && Word(kind) == parts[2]
            ? new SpendingLine(year, stage, kind, amount, statedOn)
            : throw new FormatException($"'{key}' is not a spending line's key such as '2024/25 outturn capital'.");
    }

    private static string Word(SpendingStage stage) => stage == SpendingStage.Outturn ? "outturn" : "planned";

    private static string Word(SpendingKind kind) => kind switch
    {
        SpendingKind.Resource => "resource",
        SpendingKind.Capital => "capital",
        _ => "unstated",
    };
}
