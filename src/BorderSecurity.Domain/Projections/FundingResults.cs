using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

/// <summary>One commitment's allocation to one capability, in the commitment's own terms (an amount each year when its period is a yearly level).</summary>
/// <param name="Capability">The capability.</param>
/// <param name="Amount">The amount allocated to it.</param>
public sealed record CapabilityAmount(string Capability, Money Amount);

/// <summary>One commitment as of a question.</summary>
/// <param name="CommitmentId">Its stream id.</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="Origin">Where the money comes from.</param>
/// <param name="Basis">Firm sum or ceiling.</param>
/// <param name="CommittedOn">When it was made.</param>
/// <param name="Amount">
/// The amount that counts (zero once withdrawn), in the terms of <paramref name="Period"/>: an amount each year when the
/// period is a yearly level (<see cref="FundingPeriod.IsYearlyLevel"/>), else an amount once.
/// </param>
/// <param name="Period">
/// What the amount covers as of the question: the latest statement of its period that counts on both axes (the pledge or
/// redirect, a period revision, a period correction); "not stated" where none counts. Totals read it to keep yearly levels
/// apart from sums of amounts.
/// </param>
/// <param name="Allocations">Its non-zero allocations, by capability name, in the same terms as <paramref name="Amount"/>.</param>
/// <param name="IsWithdrawn">Whether it was withdrawn.</param>
/// <param name="Sources">Every source behind the events that count, first cited first.</param>
public sealed record CommitmentPosition(
    string CommitmentId,
    string Recipient,
    FundingOrigin Origin,
    FundingBasis Basis,
    LocalDate CommittedOn,
    Money Amount,
    FundingPeriod Period,
    IReadOnlyList<CapabilityAmount> Allocations,
    bool IsWithdrawn,
    IReadOnlyList<SourceReference> Sources)
{
    /// <summary>The total allocated (an amount each year when <see cref="Period"/> is a yearly level).</summary>
    public Money Allocated => Allocations.Aggregate(Money.Zero, (sum, a) => sum + a.Amount);

    /// <summary>
    /// The spending reported against it that counts: the latest report of each financial year, stage and kind, in order of
    /// year, stage, kind (zero reports included). Kept once it is withdrawn: money spent stays spent. What it adds up to, against
    /// what was promised, is <see cref="CommitmentDelivery"/>.
    /// </summary>
    public IReadOnlyList<SpendingLine> Spending { get; init; } = [];

    /// <summary>The position of a commitment's folded state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The position.</returns>
    public static CommitmentPosition Of(FundingCommitment state)
    {
        Guard.Against.Null(state);
        return new CommitmentPosition(state.CommitmentId, state.Recipient, state.Origin, state.Basis, state.CommittedOn,
            state.EffectiveAmount, state.Period,
            state.IsWithdrawn ? [] : [.. state.Allocations.Where(a => a.Value.Amount > Money.Zero).Select(a => new CapabilityAmount(a.Key, a.Value.Amount))],
            state.IsWithdrawn, state.Sources)
        {
            Spending = [.. state.SpendingHistory.Select(h => SpendingLine.FromKey(h.Key, h.Value.Values.Last(), h.Value.Keys.Last()))
                .OrderBy(l => l.Year).ThenBy(l => l.Stage).ThenBy(l => l.Kind)],
        };
    }
}

/// <summary>An amount to be totalled, with what the totals split it by.</summary>
/// <param name="Origin">New money or redirected.</param>
/// <param name="Basis">Firm sum or ceiling.</param>
/// <param name="Amount">The amount that counts (an amount each year when <paramref name="Period"/> is a yearly level).</param>
/// <param name="Allocated">Of which allocated to capabilities.</param>
/// <param name="Period">
/// What the amount covers as of the question. Only its <see cref="FundingPeriod.Coverage"/>, <see cref="FundingPeriod.FirstYear"/>
/// and <see cref="FundingPeriod.LastYear"/> are read: whether it is a yearly level, and which one.
/// </param>
public sealed record FundingShare(FundingOriginKind Origin, FundingBasis Basis, Money Amount, Money Allocated, FundingPeriod Period);

/// <summary>
/// Yearly levels (<see cref="FundingPeriod.IsYearlyLevel"/>) that cover the same years, summed: an amount each year,
/// for example "up to £280m a year by 2028/29". Never added to a sum of amounts (<see cref="FundingTotals.Total"/>) nor to
/// a yearly level that covers other years.
/// </summary>
/// <param name="Coverage"><see cref="FundingCoverage.YearlyFrom"/> (from <paramref name="FirstYear"/>) or <see cref="FundingCoverage.YearlyBy"/> (reached by <paramref name="FirstYear"/>; the years before are not stated).</param>
/// <param name="FirstYear">The year the level is from or reached by.</param>
/// <param name="LastYear">The last year it applies, where stated; else <see langword="null"/> (every year from <paramref name="FirstYear"/> on).</param>
/// <param name="PerYear">The amount each year: the sum of these levels' amounts.</param>
public sealed record YearlyLevelAmount(FundingCoverage Coverage, FinancialYear FirstYear, FinancialYear? LastYear, Money PerYear)
{
    /// <summary>What the level covers, for example <c>a year by 2028/29</c> or <c>a year from 2025/26 to 2027/28</c>.</summary>
    public string Label => YearlyLevelGroups.Label(Coverage, FirstYear, LastYear);
}

/// <summary>
/// Yearly levels that cover the same years (the same <see cref="Coverage"/>, <see cref="FirstYear"/> and
/// <see cref="LastYear"/>), summed and split the ways analysts ask. Every figure is an amount each year:
/// <c>NewMoney + Redirected = PerYear</c>, <c>Firm + Ceiling = PerYear</c>, <c>Allocated + Unallocated = PerYear</c>. Never
/// added to <see cref="FundingTotals.Total"/> or its splits, nor to another group.
/// </summary>
/// <param name="Coverage"><see cref="FundingCoverage.YearlyFrom"/> or <see cref="FundingCoverage.YearlyBy"/>.</param>
/// <param name="FirstYear">The year the levels are from or reached by.</param>
/// <param name="LastYear">The last year they apply, where stated; else <see langword="null"/>.</param>
/// <param name="PerYear">The amount each year.</param>
/// <param name="NewMoney">Of which new money, each year.</param>
/// <param name="Redirected">Of which moved from other programmes, each year.</param>
/// <param name="Firm">Of which firm sums, each year.</param>
/// <param name="Ceiling">Of which "up to" ceilings (not firm), each year.</param>
/// <param name="Allocated">Of which allocated to capabilities, each year.</param>
/// <param name="Unallocated">Of which not yet allocated, each year.</param>
public sealed record YearlyLevelTotals(
    FundingCoverage Coverage, FinancialYear FirstYear, FinancialYear? LastYear,
    Money PerYear, Money NewMoney, Money Redirected, Money Firm, Money Ceiling, Money Allocated, Money Unallocated)
{
    /// <summary>What the levels cover, for example <c>a year by 2028/29</c>.</summary>
    public string Label => YearlyLevelGroups.Label(Coverage, FirstYear, LastYear);
}

/// <summary>
/// Totals of a set of commitments, split the ways analysts ask, keeping two kinds of money apart. <see cref="Total"/> and
/// its splits are sums of amounts: money that is an amount once, whatever years it is for (in-year money, a total over a
/// span of years, money whose period is not stated); <c>NewMoney + Redirected</c>, <c>Firm + Ceiling</c> and
/// <c>Allocated + Unallocated</c> each add up to <see cref="Total"/>. <see cref="YearlyLevels"/> are amounts each year
/// (<see cref="FundingPeriod.IsYearlyLevel"/>), grouped by the years they cover, and are never added to <see cref="Total"/>:
/// "£150m over two years" and "up to £280m a year by 2028/29" are two figures, not £430m. Which kind a commitment is follows
/// its period as of the question (<see cref="CommitmentPosition.Period"/>), so a period revision or correction moves its
/// money between the two from its valid date, as known from when it was recorded.
/// </summary>
/// <param name="Total">The sum of the amounts that are not yearly levels: in-year, over a span of years, or period not stated.</param>
/// <param name="NewMoney">Of <paramref name="Total"/>, new money.</param>
/// <param name="Redirected">Of <paramref name="Total"/>, money moved from other programmes.</param>
/// <param name="Firm">Of <paramref name="Total"/>, firm sums.</param>
/// <param name="Ceiling">Of <paramref name="Total"/>, "up to" ceilings (not firm).</param>
/// <param name="Allocated">Of <paramref name="Total"/>, allocated to capabilities.</param>
/// <param name="Unallocated">Of <paramref name="Total"/>, not yet allocated.</param>
public sealed record FundingTotals(Money Total, Money NewMoney, Money Redirected, Money Firm, Money Ceiling, Money Allocated, Money Unallocated)
{
    /// <summary>No money.</summary>
    public static readonly FundingTotals None = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>
    /// The yearly levels, each group an amount each year, in order of first year, then last year (open-ended last), then
    /// coverage; withdrawn levels (zero) are left out. Never part of <see cref="Total"/> or its splits.
    /// </summary>
    public IReadOnlyList<YearlyLevelTotals> YearlyLevels { get; init; } = [];

    /// <summary>The totals of some commitments.</summary>
    /// <param name="commitments">The commitments.</param>
    /// <returns>Their totals.</returns>
    public static FundingTotals Of(IEnumerable<CommitmentPosition> commitments) =>
        Of(Guard.Against.Null(commitments).Select(c => new FundingShare(c.Origin.Kind, c.Basis, c.Amount, c.Allocated, c.Period)));

    /// <summary>
    /// The totals of some amounts, each with its origin, basis and period: the one rule every store sums by (the Marten
    /// package sums in PostgreSQL by origin, basis and what the period covers, and finishes here). An amount whose period is
    /// a yearly level (<see cref="FundingPeriod.IsYearlyLevel"/>) goes to <see cref="YearlyLevels"/>, grouped by coverage,
    /// first and last year; every other amount is added to <see cref="Total"/>.
    /// </summary>
    /// <param name="shares">The amounts; several may share an origin, basis and period.</param>
    /// <returns>Their totals.</returns>
    public static FundingTotals Of(IEnumerable<FundingShare> shares)
    {
        // Plain decimal sums and one record at the end: a portfolio question sums thousands of positions.
        decimal total = 0, newMoney = 0, redirected = 0, firm = 0, ceiling = 0, allocated = 0;
        SortedDictionary<YearlyLevelGroups.Key, decimal[]>? levels = null;
        foreach (var share in Guard.Against.Null(shares))
        {
            var amount = share.Amount.Pounds;
            if (share.Period.IsYearlyLevel)
            {
                if (amount == 0)
                {
                    continue; // withdrawn: no level
                }

                levels ??= [];
                var key = YearlyLevelGroups.KeyOf(share.Period);
                if (!levels.TryGetValue(key, out var sums))
                {
                    levels[key] = sums = new decimal[6];
                }

                sums[0] += amount;
                sums[share.Origin == FundingOriginKind.NewMoney ? 1 : 2] += amount;
                sums[share.Basis == FundingBasis.Firm ? 3 : 4] += amount;
                sums[5] += share.Allocated.Pounds;
                continue;
            }

            total += amount;
            newMoney += share.Origin == FundingOriginKind.NewMoney ? amount : 0;
            redirected += share.Origin == FundingOriginKind.Redirected ? amount : 0;
            firm += share.Basis == FundingBasis.Firm ? amount : 0;
            ceiling += share.Basis == FundingBasis.UpTo ? amount : 0;
            allocated += share.Allocated.Pounds;
        }

        return new FundingTotals(Money.FromPounds(total), Money.FromPounds(newMoney), Money.FromPounds(redirected), Money.FromPounds(firm),
            Money.FromPounds(ceiling), Money.FromPounds(allocated), Money.FromPounds(total - allocated))
        {
            YearlyLevels = levels is null
                ? []
                : [.. levels.Select(l => new YearlyLevelTotals(l.Key.Coverage, l.Key.FirstYear, l.Key.LastYear,
                    Money.FromPounds(l.Value[0]), Money.FromPounds(l.Value[1]), Money.FromPounds(l.Value[2]), Money.FromPounds(l.Value[3]),
                    Money.FromPounds(l.Value[4]), Money.FromPounds(l.Value[5]), Money.FromPounds(l.Value[0] - l.Value[5])))],
        };
    }

    /// <inheritdoc />
    public bool Equals(FundingTotals? other) =>
        other is not null && Total == other.Total && NewMoney == other.NewMoney && Redirected == other.Redirected && Firm == other.Firm
        && Ceiling == other.Ceiling && Allocated == other.Allocated && Unallocated == other.Unallocated && YearlyLevels.SequenceEqual(other.YearlyLevels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Total, NewMoney, Redirected, Firm, Ceiling, Allocated, Unallocated, YearlyLevels.Count);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Total = {Total}, NewMoney = {NewMoney}, Redirected = {Redirected}, Firm = {Firm}, Ceiling = {Ceiling}, ");
        builder.Append($"Allocated = {Allocated}, Unallocated = {Unallocated}, YearlyLevels = [{string.Join(", ", YearlyLevels)}]");
        return true;
    }
}

/// <summary>
/// The money of one origin or one capability: <see cref="Amount"/> sums the amounts that are not yearly levels (as
/// <see cref="FundingTotals.Total"/> does); <see cref="YearlyLevels"/> keeps the yearly levels apart, each an amount each year.
/// </summary>
/// <param name="Amount">The sum of the amounts that are not yearly levels: in-year, over a span of years, or period not stated.</param>
public abstract record SplitAmount(Money Amount)
{
    /// <summary>The yearly levels, grouped by the years they cover (as in <see cref="FundingTotals.YearlyLevels"/>); never part of <see cref="Amount"/>.</summary>
    public IReadOnlyList<YearlyLevelAmount> YearlyLevels { get; init; } = [];

    /// <inheritdoc />
    public virtual bool Equals(SplitAmount? other) =>
        other is not null && EqualityContract == other.EqualityContract && Amount == other.Amount && YearlyLevels.SequenceEqual(other.YearlyLevels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, Amount, YearlyLevels.Count);
}

/// <summary>The money from one origin: a sum of amounts, and the yearly levels apart.</summary>
/// <param name="Origin">Where the money comes from.</param>
/// <param name="Amount">The sum of its amounts that are not yearly levels.</param>
public sealed record OriginAmount(FundingOrigin Origin, Money Amount) : SplitAmount(Amount);

/// <summary>The money allocated to one capability across commitments: a sum of allocations, and the allocations of yearly levels apart.</summary>
/// <param name="Capability">The capability.</param>
/// <param name="Amount">The sum of its allocations from commitments that are not yearly levels.</param>
public sealed record CapabilityTotals(string Capability, Money Amount) : SplitAmount(Amount);

/// <summary>One recipient's funding.</summary>
/// <param name="Recipient">The recipient.</param>
/// <param name="Totals">Its totals: sums of amounts, and yearly levels apart.</param>
/// <param name="ByOrigin">By origin, in label order; each a sum of amounts and its yearly levels apart.</param>
/// <param name="ByCapability">By capability, in name order; each a sum of allocations and the allocations of yearly levels apart.</param>
/// <param name="CommitmentIds">Its commitments.</param>
public sealed record RecipientFunding(
    string Recipient,
    FundingTotals Totals,
    IReadOnlyList<OriginAmount> ByOrigin,
    IReadOnlyList<CapabilityTotals> ByCapability,
    IReadOnlyList<string> CommitmentIds);

/// <summary>
/// All funding as of a question: the whole portfolio, each recipient, each origin and capability, each commitment. Every
/// figure that sums money keeps yearly levels apart from sums of amounts (see <see cref="FundingTotals"/>).
/// </summary>
/// <param name="Query">The question.</param>
/// <param name="Totals">The portfolio's totals.</param>
/// <param name="Recipients">Each recipient, in name order.</param>
/// <param name="ByOrigin">By origin, in label order.</param>
/// <param name="ByCapability">By capability, in name order.</param>
/// <param name="Commitments">Each commitment, in id order.</param>
public sealed partial record FundingPortfolio(
    AsOfQuery Query,
    FundingTotals Totals,
    IReadOnlyList<RecipientFunding> Recipients,
    IReadOnlyList<OriginAmount> ByOrigin,
    IReadOnlyList<CapabilityTotals> ByCapability,
    IReadOnlyList<CommitmentPosition> Commitments)
{
    /// <summary>One recipient's funding, or <see cref="FundingTotals.None"/> totals if it has none.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <returns>Its funding.</returns>
    public RecipientFunding For(string recipient) =>
        Recipients.FirstOrDefault(r => r.Recipient == recipient) ?? new RecipientFunding(recipient, FundingTotals.None, [], [], []);

    /// <summary>Builds the portfolio from commitment positions.</summary>
    /// <param name="query">The question.</param>
    /// <param name="commitments">The positions.</param>
    /// <returns>The portfolio.</returns>
    public static FundingPortfolio Of(AsOfQuery query, IEnumerable<CommitmentPosition> commitments)
    {
        var all = Guard.Against.Null(commitments).OrderBy(c => c.CommitmentId, StringComparer.Ordinal).ToArray();
        var recipients = all.GroupBy(c => c.Recipient)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RecipientFunding(g.Key, FundingTotals.Of(g), ByOriginOf(g), ByCapabilityOf(g), [.. g.Select(c => c.CommitmentId)]))
            .ToArray();
        return new FundingPortfolio(query, FundingTotals.Of(all), recipients, ByOriginOf(all), ByCapabilityOf(all), all);
    }

    private static OriginAmount[] ByOriginOf(IEnumerable<CommitmentPosition> commitments) =>
        [.. commitments.GroupBy(c => c.Origin)
            .Select(g => new OriginAmount(g.Key, YearlyLevelGroups.SumOfAmounts(g.Select(c => (c.Period, c.Amount))))
            {
                YearlyLevels = YearlyLevelGroups.Of(g.Select(c => (c.Period, c.Amount))),
            })
            .OrderBy(o => o.Origin.Label, StringComparer.Ordinal)];

    private static CapabilityTotals[] ByCapabilityOf(IEnumerable<CommitmentPosition> commitments) =>
        [.. commitments.SelectMany(c => c.Allocations.Select(a => (a.Capability, c.Period, a.Amount))).GroupBy(a => a.Capability)
            .Select(g => new CapabilityTotals(g.Key, YearlyLevelGroups.SumOfAmounts(g.Select(a => (a.Period, a.Amount))))
            {
                YearlyLevels = YearlyLevelGroups.Of(g.Select(a => (a.Period, a.Amount))),
            })
            .OrderBy(a => a.Capability, StringComparer.Ordinal)];
}

/// <summary>
/// The value of a funding series from a date: the sum of amounts (<see cref="FundingTotals.Total"/>) and, apart, the yearly
/// levels (<see cref="FundingTotals.YearlyLevels"/>, each an amount each year). A yearly level never moves <see cref="Total"/>.
/// </summary>
/// <param name="Total">The sum of the amounts that are not yearly levels.</param>
/// <param name="YearlyLevels">The yearly levels, grouped by the years they cover.</param>
public sealed record FundingSeriesValue(Money Total, IReadOnlyList<YearlyLevelAmount> YearlyLevels)
{
    /// <summary>No money: where a series starts from (leading points with no money are dropped).</summary>
    public static readonly FundingSeriesValue None = new(Money.Zero, []);

    /// <summary>The series value of some totals.</summary>
    /// <param name="totals">The totals.</param>
    /// <returns>Their sum of amounts and their yearly levels.</returns>
    public static FundingSeriesValue Of(FundingTotals totals) =>
        new(Guard.Against.Null(totals).Total, [.. totals.YearlyLevels.Select(l => new YearlyLevelAmount(l.Coverage, l.FirstYear, l.LastYear, l.PerYear))]);

    /// <inheritdoc />
    public bool Equals(FundingSeriesValue? other) => other is not null && Total == other.Total && YearlyLevels.SequenceEqual(other.YearlyLevels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Total, YearlyLevels.Count);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Total = {Total}, YearlyLevels = [{string.Join(", ", YearlyLevels)}]");
        return true;
    }
}

/// <summary>How yearly levels are told apart and grouped: the one rule every figure that sums money uses.</summary>
internal static class YearlyLevelGroups
{
    /// <summary>What a group of yearly levels covers; ordered by first year, then last year (open-ended last), then coverage.</summary>
    public readonly record struct Key(FundingCoverage Coverage, FinancialYear FirstYear, FinancialYear? LastYear) : IComparable<Key>
    {
        public int CompareTo(Key other) =>
            FirstYear != other.FirstYear ? FirstYear.CompareTo(other.FirstYear)
            : LastYear != other.LastYear ? (LastYear is null ? 1 : other.LastYear is null ? -1 : LastYear.Value.CompareTo(other.LastYear.Value))
            : Coverage.CompareTo(other.Coverage);
    }

    public static Key KeyOf(FundingPeriod period) => new(period.Coverage, period.FirstYear ?? default, period.LastYear);

    public static string Label(FundingCoverage coverage, FinancialYear firstYear, FinancialYear? lastYear) =>
        new FundingPeriod("", coverage, firstYear, lastYear).Label;

    /// <summary>The sum of the amounts whose period is not a yearly level.</summary>
    public static Money SumOfAmounts(IEnumerable<(FundingPeriod Period, Money Amount)> amounts) =>
        Money.FromPounds(amounts.Where(a => !a.Period.IsYearlyLevel).Sum(a => a.Amount.Pounds));

    /// <summary>The amounts whose period is a yearly level, summed per group (zero amounts left out), in key order.</summary>
    public static IReadOnlyList<YearlyLevelAmount> Of(IEnumerable<(FundingPeriod Period, Money Amount)> amounts) =>
        [.. amounts.Where(a => a.Period.IsYearlyLevel && a.Amount > Money.Zero)
            .GroupBy(a => KeyOf(a.Period))
            .OrderBy(g => g.Key)
            .Select(g => new YearlyLevelAmount(g.Key.Coverage, g.Key.FirstYear, g.Key.LastYear, Money.FromPounds(g.Sum(a => a.Amount.Pounds))))];
}
