using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// What one commitment covers as of a question: the input of the financial-year questions, the same in every store.
/// </summary>
/// <param name="CommitmentId">Its stream id.</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="Origin">New money or redirected.</param>
/// <param name="Basis">Firm sum or "up to" ceiling.</param>
/// <param name="Amount">The amount that counts (zero once withdrawn).</param>
/// <param name="Period">What it covers as of the question; "not stated" where no statement of its period counts.</param>
public sealed record CommitmentCover(
    string CommitmentId,
    string Recipient,
    FundingOriginKind Origin,
    FundingBasis Basis,
    Money Amount,
    FundingPeriod Period)
{
    /// <summary>
    /// Whether the profile can be used to count the money per year: there is one and it adds up to <see cref="Amount"/>
    /// as of the question (a later revision of the amount without a new profile leaves the split unknown, never rescaled).
    /// </summary>
    public bool ProfileAddsUp =>
        Period.Profile is { Count: > 0 } profile && profile.Aggregate(Money.Zero, (sum, p) => sum + p.Amount) == Amount;
}

/// <summary>
/// Money of one kind, split the three ways analysts ask: new or redirected, firm or "up to", and resource, capital or
/// spending kind not stated. Each split adds up to <see cref="Total"/> on its own (<c>NewMoney + Redirected</c>,
/// <c>Firm + Ceiling</c>, <c>Resource + Capital + SpendingNotStated</c>). Allocations to capabilities are not stated per
/// financial year, so they are not split here (see <see cref="FundingTotals"/> for them).
/// </summary>
/// <param name="Total">All of it.</param>
/// <param name="NewMoney">Of which new money.</param>
/// <param name="Redirected">Of which moved from other programmes.</param>
/// <param name="Firm">Of which firm sums.</param>
/// <param name="Ceiling">Of which "up to" ceilings (not firm).</param>
/// <param name="Resource">Of which announced as resource (day-to-day) spending.</param>
/// <param name="Capital">Of which announced as capital spending.</param>
/// <param name="SpendingNotStated">Of which the announcement does not say resource or capital (never guessed).</param>
public sealed record YearTotals(
    Money Total, Money NewMoney, Money Redirected, Money Firm, Money Ceiling, Money Resource, Money Capital, Money SpendingNotStated)
{
    /// <summary>No money.</summary>
    public static readonly YearTotals None = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>The totals of some amounts, each with the commitment it is part of.</summary>
    /// <param name="parts">The amounts.</param>
    /// <returns>Their totals.</returns>
    public static YearTotals Of(IEnumerable<(CommitmentCover Cover, Money Amount)> parts)
    {
        decimal total = 0, newMoney = 0, redirected = 0, firm = 0, ceiling = 0, resource = 0, capital = 0, spendingNotStated = 0;
        foreach (var (cover, amount) in Guard.Against.Null(parts))
        {
            total += amount.Pounds;
            newMoney += cover.Origin == FundingOriginKind.NewMoney ? amount.Pounds : 0;
            redirected += cover.Origin == FundingOriginKind.Redirected ? amount.Pounds : 0;
            firm += cover.Basis == FundingBasis.Firm ? amount.Pounds : 0;
            ceiling += cover.Basis == FundingBasis.UpTo ? amount.Pounds : 0;
            resource += cover.Period.Spending == SpendingKind.Resource ? amount.Pounds : 0;
            capital += cover.Period.Spending == SpendingKind.Capital ? amount.Pounds : 0;
            spendingNotStated += cover.Period.Spending == SpendingKind.NotStated ? amount.Pounds : 0;
        }

        return new YearTotals(Money.FromPounds(total), Money.FromPounds(newMoney), Money.FromPounds(redirected), Money.FromPounds(firm), Money.FromPounds(ceiling),
            Money.FromPounds(resource), Money.FromPounds(capital), Money.FromPounds(spendingNotStated));
    }
}

/// <summary>
/// Money over a span of financial years whose split across the years is not known (no profile was announced, or it no
/// longer adds up): shown whole, with its span, never spread evenly.
/// </summary>
/// <param name="FirstYear">The first year of the span.</param>
/// <param name="LastYear">The last year of the span.</param>
/// <param name="Totals">The whole amounts over the span, split new/redirected and firm/"up to".</param>
/// <param name="CommitmentIds">The commitments, in id order.</param>
public sealed record SpanAmount(FinancialYear FirstYear, FinancialYear LastYear, YearTotals Totals, IReadOnlyList<string> CommitmentIds)
{
    /// <summary>A label, for example <c>2024/25 to 2025/26</c>.</summary>
    public string Label => $"{FirstYear} to {LastYear}";
}

/// <summary>One financial year of a <see cref="FinancialYearFunding"/> answer. Each figure adds up one kind of money only.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="ForTheYear">
/// Money for this year alone: in-year money for it plus this year's part of every announced profile (of a total over years).
/// </param>
/// <param name="YearlyLevel">Yearly levels that apply in this year (an amount a year): never added to <paramref name="ForTheYear"/> or to a span.</param>
/// <param name="UnsplitSpans">Totals over several years that include this year but whose split across years is unknown: whole amounts with their spans.</param>
public sealed record FinancialYearLine(FinancialYear Year, YearTotals ForTheYear, YearTotals YearlyLevel, IReadOnlyList<SpanAmount> UnsplitSpans);

/// <summary>
/// Funding counted by UK financial year, for one recipient or the portfolio, as of a question: for each year the money for
/// that year alone, the yearly levels that apply in it, and the totals over several years that include it but are not
/// split; and the money whose period is not stated. No figure adds two kinds together.
/// </summary>
/// <param name="Query">The question.</param>
/// <param name="Recipient">The recipient, or <see langword="null"/> for the portfolio.</param>
/// <param name="Years">Each financial year asked about, in order.</param>
/// <param name="NotStated">Money whose period is not stated (it may be for any year), split as usual.</param>
/// <param name="NotStatedIds">Those commitments, in id order.</param>
/// <param name="Commitments">Every commitment counted (with a non-zero amount), in id order, with what it covers.</param>
public sealed partial record FinancialYearFunding(
    AsOfQuery Query,
    string? Recipient,
    IReadOnlyList<FinancialYearLine> Years,
    YearTotals NotStated,
    IReadOnlyList<string> NotStatedIds,
    IReadOnlyList<CommitmentCover> Commitments)
{
    /// <summary>The most financial years one question may ask about.</summary>
    public const int MaxYears = 50;

    /// <summary>The line of one financial year, or <see langword="null"/> if it was not asked about.</summary>
    /// <param name="year">The year.</param>
    /// <returns>Its line.</returns>
    public FinancialYearLine? For(FinancialYear year) => Years.FirstOrDefault(y => y.Year == year);

    /// <summary>Checks the years of a question: <paramref name="first"/> not after <paramref name="last"/>, at most <see cref="MaxYears"/>.</summary>
    /// <param name="first">The first year.</param>
    /// <param name="last">The last year.</param>
    /// <exception cref="ArgumentException">The range is invalid; the message names the field.</exception>
    public static void CheckYears(FinancialYear first, FinancialYear last)
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
    }

    /// <summary>
    /// The one rule every store counts by. In-year money counts in its year; a total over years counts in each year its
    /// profile gives (when the profile adds up to the amount), else it is shown whole as an unsplit span in every year it
    /// covers; a yearly level counts its amount in each year it applies, apart; money with no stated period is shown apart.
    /// Withdrawn (zero) commitments count nowhere.
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="recipient">The recipient, or <see langword="null"/> for the portfolio (the covers must already be that recipient's).</param>
    /// <param name="first">The first financial year asked about.</param>
    /// <param name="last">The last financial year asked about.</param>
    /// <param name="covers">What each commitment covers as of the question.</param>
    /// <returns>The answer.</returns>
    public static FinancialYearFunding Of(AsOfQuery query, string? recipient, FinancialYear first, FinancialYear last, IEnumerable<CommitmentCover> covers)
    {
        CheckYears(first, last);
        var all = Guard.Against.Null(covers).Where(c => c.Amount > Money.Zero)
            .OrderBy(c => c.CommitmentId, StringComparer.Ordinal).ToArray();
        var lines = FinancialYear.Range(first, last).Select(year =>
        {
            var forYear = new List<(CommitmentCover Cover, Money Amount)>();
            var levels = new List<(CommitmentCover Cover, Money Amount)>();
            var spans = new List<CommitmentCover>();
            foreach (var c in all.Where(c => c.Period.Covers(year)))
            {
                switch (c.Period.Coverage)
                {
                    case FundingCoverage.InYear:
                        forYear.Add(Share(c, c.Amount));
                        break;
                    case FundingCoverage.OverYears when c.ProfileAddsUp:
                        forYear.Add(Share(c, c.Period.Profile!.Where(p => p.Year == year).Aggregate(Money.Zero, (sum, p) => sum + p.Amount)));
                        break;
                    case FundingCoverage.OverYears:
                        spans.Add(c);
                        break;
                    default:
                        levels.Add(Share(c, c.Amount));
                        break;
                }
            }

            return new FinancialYearLine(year, YearTotals.Of(forYear), YearTotals.Of(levels),
                [.. spans.GroupBy(c => (c.Period.FirstYear!.Value, c.Period.LastYear!.Value))
                    .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2)
                    .Select(g => new SpanAmount(g.Key.Item1, g.Key.Item2, YearTotals.Of(g.Select(c => Share(c, c.Amount))), [.. g.Select(c => c.CommitmentId)]))]);
        }).ToArray();
        var notStated = all.Where(c => c.Period.Coverage == FundingCoverage.NotStated).ToArray();
        return new FinancialYearFunding(query, recipient, lines, YearTotals.Of(notStated.Select(c => Share(c, c.Amount))),
            [.. notStated.Select(c => c.CommitmentId)], all);
    }

    private static (CommitmentCover Cover, Money Amount) Share(CommitmentCover c, Money amount) => (c, amount);
}
