using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// Every question the model answers, on both time axes. Every answer is a pure function of the events and
/// the question: the same events recorded in another order give the same answer (see docs/projections.md).
/// </summary>
public interface IBorderSecurityQueries
{
    /// <summary>All funding: portfolio, recipients, origins, capabilities, commitments.</summary>
    /// <param name="query">The question.</param>
    /// <returns>The portfolio.</returns>
    FundingPortfolio Funding(AsOfQuery query);

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

    /// <summary>Total funding (of one recipient, or all) as a time series: each valid date where it changes and its value from then.</summary>
    /// <param name="recipient">The recipient, or <see langword="null"/> for the whole portfolio.</param>
    /// <param name="knownAt">As known at this instant, or <see langword="null"/> for everything known.</param>
    /// <returns>The points, in date order; the first is the first date with funding.</returns>
    IReadOnlyList<SeriesPoint<Money>> FundingSeries(string? recipient, Instant? knownAt = null);

    /// <summary>Total headcount target (of one organisation, or all) as a time series.</summary>
    /// <param name="organisation">The organisation, or <see langword="null"/> for all.</param>
    /// <param name="knownAt">As known at this instant, or <see langword="null"/> for everything known.</param>
    /// <returns>The points, in date order.</returns>
    IReadOnlyList<SeriesPoint<int>> HeadcountSeries(string? organisation, Instant? knownAt = null);
}
