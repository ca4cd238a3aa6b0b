using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// Every question the model answers, on both time axes. Every answer is a pure function of the events and
/// the question: the same events recorded in another order give the same answer (see docs/projections.md).
/// </summary>
public partial interface IBorderSecurityQueries
{
    /// <summary>
    /// All funding: portfolio, recipients, origins, capabilities, commitments. Every figure that sums money keeps yearly
    /// levels apart from sums of amounts (<see cref="FundingTotals"/>).
    /// </summary>
    /// <param name="query">The question.</param>
    /// <returns>The portfolio.</returns>
    FundingPortfolio Funding(AsOfQuery query);

    /// <summary>
    /// One recipient's funding, in the shape of a portfolio holding only its commitments: the same answer as
    /// <c>FundingPortfolio.Of(query, Funding(query).Commitments.Where(c =&gt; c.Recipient == recipient))</c>, but
    /// stores index commitments by recipient, so the cost grows with that recipient's commitments, not everyone's.
    /// </summary>
    /// <param name="recipient">The recipient, matched exactly (ordinal).</param>
    /// <param name="query">The question.</param>
    /// <returns>The recipient's portfolio; empty if it had no commitments as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    FundingPortfolio FundingOf(string recipient, AsOfQuery query);

    /// <summary>All recruitment: targets, in post and gap per organisation.</summary>
    /// <param name="query">The question.</param>
    /// <returns>The summary.</returns>
    RecruitmentSummary Recruitment(AsOfQuery query);

    /// <summary>Every piece of legislation with its stage and history, in id order.</summary>
    /// <param name="query">The question.</param>
    /// <returns>The legislation.</returns>
    IReadOnlyList<Legislation> Legislation(AsOfQuery query);

    /// <summary>A command at a glance.</summary>
    /// <param name="commandId">The command's stream id.</param>
    /// <param name="query">The question.</param>
    /// <returns>The overview, or <see langword="null"/> if the command was not established as of the question.</returns>
    CommandOverview? Command(string commandId, AsOfQuery query);

    /// <summary>Every event that counts for the question, by valid date then recording order, with its sources.</summary>
    /// <param name="query">The question.</param>
    /// <returns>The timeline.</returns>
    IReadOnlyList<TimelineEntry> Timeline(AsOfQuery query);

    /// <summary>
    /// Funding (of one recipient, or all) as a time series: each valid date where it changes and its value from then, the
    /// sum of amounts (<see cref="FundingTotals.Total"/>) and, apart, the yearly levels (<see cref="FundingTotals.YearlyLevels"/>).
    /// A yearly level never moves the sum: a point where only the yearly levels change keeps the sum it had.
    /// </summary>
    /// <param name="recipient">The recipient, or <see langword="null"/> for the whole portfolio.</param>
    /// <param name="knownAt">As known at this instant, or <see langword="null"/> for everything known.</param>
    /// <param name="recordedBy">As this store had recorded it at this instant (the audit view), or <see langword="null"/>.</param>
    /// <returns>The points, in date order; the first is the first date with funding.</returns>
    IReadOnlyList<SeriesPoint<FundingSeriesValue>> FundingSeries(string? recipient, Instant? knownAt = null, Instant? recordedBy = null);

    /// <summary>Total headcount target (of one organisation, or all) as a time series.</summary>
    /// <param name="organisation">The organisation, or <see langword="null"/> for all.</param>
    /// <param name="knownAt">As known at this instant, or <see langword="null"/> for everything known.</param>
    /// <param name="recordedBy">As this store had recorded it at this instant (the audit view), or <see langword="null"/>.</param>
    /// <returns>The points, in date order.</returns>
    IReadOnlyList<SeriesPoint<int>> HeadcountSeries(string? organisation, Instant? knownAt = null, Instant? recordedBy = null);
}
