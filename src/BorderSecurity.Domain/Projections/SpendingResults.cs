using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// What was planned and spent in one financial year, as of a question (the latest report of each line that counts; see
/// <see cref="CommitmentPosition.Spending"/>).
/// </summary>
/// <param name="Year">The financial year.</param>
/// <param name="Promised">
/// For one commitment, what it promised for the year where its period says (<see cref="CommitmentDelivery.PromisedIn"/>): in-year
/// money in its year, a profiled total's amount for the year, a yearly level in the years it covers; <see langword="null"/> where
/// the period does not split it by year (a total over years without a profile, a period not stated). Always
/// <see langword="null"/> in <see cref="FundingDelivery.ByYear"/>, which sums spending, not promises.
/// </param>
/// <param name="Planned">The planned spending (the sum of its planned lines, every kind).</param>
/// <param name="Spent">The outturn: money spent in the year up to <paramref name="SpentThrough"/> (the sum of its outturn lines).</param>
/// <param name="SpentThrough">The latest day an outturn line of the year counts to; <see langword="null"/> when no outturn counts.</param>
/// <param name="Lines">The lines behind it, in order of stage then kind.</param>
public sealed record SpendingYear(FinancialYear Year, Money? Promised, Money Planned, Money Spent, LocalDate? SpentThrough, IReadOnlyList<SpendingLine> Lines)
{
    /// <summary>The years of some spending lines, in year order, each with its own sums.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="promised">What was promised for a year, where known.</param>
    /// <returns>One entry per year with a line.</returns>
    internal static IReadOnlyList<SpendingYear> Of(IEnumerable<SpendingLine> lines, Func<FinancialYear, Money?> promised) =>
        [.. lines.GroupBy(l => l.Year).OrderBy(g => g.Key).Select(g =>
        {
            var ordered = g.OrderBy(l => l.Stage).ThenBy(l => l.Kind).ToArray();
            var outturn = ordered.Where(l => l.Stage == SpendingStage.Outturn).ToArray();
            return new SpendingYear(g.Key, promised(g.Key), Sum(ordered.Where(l => l.Stage == SpendingStage.Planned)), Sum(outturn),
                outturn.Length == 0 ? null : outturn.Max(l => l.StatedOn), ordered);
        })];

    internal static Money Sum(IEnumerable<SpendingLine> lines) => lines.Aggregate(Money.Zero, (sum, l) => sum + l.Amount);

    /// <inheritdoc />
    public bool Equals(SpendingYear? other) =>
        other is not null && Year == other.Year && Promised == other.Promised && Planned == other.Planned && Spent == other.Spent
        && SpentThrough == other.SpentThrough && Lines.SequenceEqual(other.Lines);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Year, Promised, Planned, Spent, SpentThrough, Lines.Count);
}

/// <summary>
/// One commitment's delivery as of a question: what it promised beside what was reported spent, by financial year.
/// What each figure adds up: <see cref="Spent"/> is the sum of every year's outturn, <see cref="Planned"/> of every year's plans
/// (never counted as spent). For money that is an amount once (in-year, a total over years, period not stated),
/// <c>Spent - Overspend + StillToSpend = Promised</c>. For a yearly level, <see cref="Promised"/> is an amount each year: it has
/// no "still to spend" (<see langword="null"/>), and a year's spending above the level is overspend. Spending above the promise is
/// recorded and flagged here, never refused (see <see cref="ReportSpending"/>). Once withdrawn, nothing is promised and nothing
/// is still to spend; what was spent stays.
/// </summary>
/// <param name="CommitmentId">Its stream id.</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="Promised">The amount that counts (zero once withdrawn), in the terms of <paramref name="Period"/>.</param>
/// <param name="Period">What the amount covers.</param>
/// <param name="IsWithdrawn">Whether it was withdrawn.</param>
/// <param name="Planned">The planned spending, every year.</param>
/// <param name="Spent">The outturn, every year: money spent so far.</param>
/// <param name="StillToSpend">What is promised and not yet spent (never below zero); <see langword="null"/> for a yearly level.</param>
/// <param name="Overspend">What was spent above the promise (above the level in a year, for a yearly level); zero when none.</param>
/// <param name="Years">Each financial year with reported spending, in year order.</param>
/// <param name="Sources">Every source behind the commitment's events that count, spending reports included.</param>
public sealed record CommitmentDelivery(
    string CommitmentId,
    string Recipient,
    Money Promised,
    FundingPeriod Period,
    bool IsWithdrawn,
    Money Planned,
    Money Spent,
    Money? StillToSpend,
    Money Overspend,
    IReadOnlyList<SpendingYear> Years,
    IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Whether more was reported spent than was promised (<see cref="Overspend"/> above zero).</summary>
    public bool IsOverspent => Overspend > Money.Zero;

    /// <summary>The delivery of a commitment's position.</summary>
    /// <param name="position">The position (from <see cref="IBorderSecurityQueries.FundingAsync"/> or <see cref="IBorderSecurityQueries.FundingOfAsync"/>).</param>
    /// <returns>Its delivery.</returns>
    public static CommitmentDelivery Of(CommitmentPosition position)
    {
        Guard.Against.Null(position);
        var years = SpendingYear.Of(position.Spending, y => PromisedIn(position, y));
        var spent = SpendingYear.Sum(position.Spending.Where(l => l.Stage == SpendingStage.Outturn));
        var planned = SpendingYear.Sum(position.Spending.Where(l => l.Stage == SpendingStage.Planned));
        Money? stillToSpend;
        Money overspend;
        if (position.IsWithdrawn)
        {
            (stillToSpend, overspend) = (Money.Zero, Money.Zero);
        }
        else if (position.Period.IsYearlyLevel)
        {
            stillToSpend = null;
            overspend = years.Aggregate(Money.Zero, (sum, y) => y.Promised is { } level && y.Spent > level ? sum + (y.Spent - level) : sum);
        }
        else
        {
            stillToSpend = spent >= position.Amount ? Money.Zero : position.Amount - spent;
            overspend = spent > position.Amount ? spent - position.Amount : Money.Zero;
        }

        return new CommitmentDelivery(position.CommitmentId, position.Recipient, position.Amount, position.Period, position.IsWithdrawn,
            planned, spent, stillToSpend, overspend, years, position.Sources);
    }

    /// <summary>
    /// What a commitment promised for one financial year, where its period says: in-year money in its year (zero in any other);
    /// a total over years with a profile, the profile's amount for the year (zero outside it); a yearly level, its amount in the
    /// years it covers (zero before a level "from" a year; unknown before a level "by" a year); otherwise unknown.
    /// </summary>
    /// <param name="position">The commitment's position.</param>
    /// <param name="year">The year.</param>
    /// <returns>The amount, or <see langword="null"/> where the period does not split the money by year.</returns>
    public static Money? PromisedIn(CommitmentPosition position, FinancialYear year)
    {
        var period = Guard.Against.Null(position).Period;
        var within = period.FirstYear is { } first && year >= first && (period.LastYear is not { } last || year <= last);
        return period.Coverage switch
        {
            FundingCoverage.InYear => period.FirstYear == year ? position.Amount : Money.Zero,
            FundingCoverage.OverYears when period.Profile is { } profile =>
                profile.FirstOrDefault(p => p.Year == year)?.Amount ?? Money.Zero,
            FundingCoverage.YearlyFrom => within ? position.Amount : Money.Zero,
            FundingCoverage.YearlyBy => within ? position.Amount : period.LastYear is { } end && year > end ? Money.Zero : null,
            _ => null,
        };
    }

    /// <inheritdoc />
    public bool Equals(CommitmentDelivery? other) =>
        other is not null && CommitmentId == other.CommitmentId && Recipient == other.Recipient && Promised == other.Promised
        && Period == other.Period && IsWithdrawn == other.IsWithdrawn && Planned == other.Planned && Spent == other.Spent
        && StillToSpend == other.StillToSpend && Overspend == other.Overspend && Years.SequenceEqual(other.Years) && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CommitmentId, Promised, Spent, Overspend, Years.Count);
}

/// <summary>
/// Money delivered against the commitments of the portfolio or of one recipient, as of a question: what was promised (by the
/// one totals rule, <see cref="FundingTotals"/>: yearly levels apart, never added to the sum of amounts), what was spent, what
/// is still to spend, and the spending by financial year. What each adds up: <see cref="Spent"/> is every outturn line of every
/// commitment (money spent is money once, so the sum means what it says); <see cref="SpentAgainstTotal"/> is the part spent
/// against money that is an amount once, comparable with <c>Promised.Total</c>; <see cref="StillToSpend"/> and
/// <see cref="Overspend"/> are sums over the commitments that are amounts once and over every commitment, each commitment's
/// never below zero, so one commitment's overspend never makes another's promise look spent.
/// </summary>
/// <param name="Query">The question.</param>
/// <param name="Recipient">The recipient asked about, or <see langword="null"/> for the portfolio.</param>
/// <param name="Promised">The promised money of the commitments, by the one totals rule.</param>
/// <param name="Spent">Every outturn reported, every commitment and year.</param>
/// <param name="SpentAgainstTotal">Of <paramref name="Spent"/>, what was spent against commitments that are amounts once (not yearly levels).</param>
/// <param name="StillToSpend">What is promised as amounts once and not yet spent.</param>
/// <param name="Overspend">What was spent above the promises (commitments flagged in <paramref name="Commitments"/>).</param>
/// <param name="ByYear">The planned and spent money per financial year across the commitments (no promise per year: see <see cref="SpendingYear.Promised"/>).</param>
/// <param name="Commitments">Each commitment's delivery, in commitment-id order.</param>
public sealed record FundingDelivery(
    AsOfQuery Query,
    string? Recipient,
    FundingTotals Promised,
    Money Spent,
    Money SpentAgainstTotal,
    Money StillToSpend,
    Money Overspend,
    IReadOnlyList<SpendingYear> ByYear,
    IReadOnlyList<CommitmentDelivery> Commitments)
{
    /// <summary>The disputes open for the question about any of the commitments, as the funding answer lists them.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];

    /// <summary>Spending as of the question, against every commitment or one recipient's, as the funding question answers it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="recipient">The recipient, or <see langword="null"/> for the portfolio.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="query"/> is null.</exception>
    public static async Task<FundingDelivery> OfAsync(IBorderSecurityQueries store, Organisation? recipient, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        Guard.Against.Null(query);
        var portfolio = recipient is null
            ? await store.FundingAsync(query, cancellationToken).ConfigureAwait(false)
            : await store.FundingOfAsync(recipient, query, cancellationToken).ConfigureAwait(false);
        return Of(portfolio, recipient?.Name);
    }

    /// <summary>The delivery of a funding answer's commitments (all of them, or one recipient's).</summary>
    /// <param name="portfolio">The funding answer.</param>
    /// <param name="recipient">Only this recipient's commitments, or <see langword="null"/> for all.</param>
    /// <returns>The delivery, with the answer's open disputes about the commitments counted.</returns>
    public static FundingDelivery Of(FundingPortfolio portfolio, string? recipient)
    {
        Guard.Against.Null(portfolio);
        var commitments = portfolio.Commitments.Where(c => recipient is null || c.Recipient == recipient).ToArray();
        var ids = commitments.Select(c => c.CommitmentId).ToHashSet(StringComparer.Ordinal);
        return Of(portfolio.Query, recipient, commitments) with
        {
            OpenDisputes = [.. portfolio.OpenDisputes.Where(d => d.SubjectIds.Any(ids.Contains))],
        };
    }

    /// <summary>The delivery of some commitments' positions, all as of one question.</summary>
    /// <param name="query">The question they answer.</param>
    /// <param name="recipient">The recipient they are limited to, or <see langword="null"/>.</param>
    /// <param name="commitments">The positions.</param>
    /// <returns>The delivery (no open disputes: the positions carry none).</returns>
    public static FundingDelivery Of(AsOfQuery query, string? recipient, IEnumerable<CommitmentPosition> commitments)
    {
        Guard.Against.Null(query);
        var positions = Guard.Against.Null(commitments).OrderBy(c => c.CommitmentId, StringComparer.Ordinal).ToArray();
        var deliveries = positions.Select(CommitmentDelivery.Of).ToArray();
        var once = deliveries.Where(d => !d.Period.IsYearlyLevel).ToArray();
        return new FundingDelivery(query, recipient, FundingTotals.Of(positions),
            deliveries.Aggregate(Money.Zero, (sum, d) => sum + d.Spent),
            once.Aggregate(Money.Zero, (sum, d) => sum + d.Spent),
            once.Aggregate(Money.Zero, (sum, d) => sum + (d.StillToSpend ?? Money.Zero)),
            deliveries.Aggregate(Money.Zero, (sum, d) => sum + d.Overspend),
            [.. SpendingYear.Of(positions.SelectMany(p => p.Spending), _ => null).Select(y => y with { Lines = [] })],
            deliveries);
    }
}
