using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Timeline;

/// <summary>Everything the console shows, for one question.</summary>
/// <param name="Query">The question.</param>
/// <param name="EventsReplayed">How many events were replayed.</param>
/// <param name="Funding">Funding.</param>
/// <param name="Recruitment">Recruitment.</param>
/// <param name="Legislation">Legislation.</param>
/// <param name="Commands">Each command's overview.</param>
/// <param name="ChartSubject">Whose funding the chart shows.</param>
/// <param name="FundingByMonth">Committed funding at the end of each month of the chart's year.</param>
/// <param name="ByFinancialYear">Funding by UK financial year: the portfolio, then each recipient.</param>
internal sealed record TimelineReport(
    AsOfQuery Query,
    int EventsReplayed,
    FundingPortfolio Funding,
    RecruitmentSummary Recruitment,
    IReadOnlyList<Legislation> Legislation,
    IReadOnlyList<CommandOverview> Commands,
    string ChartSubject,
    IReadOnlyList<MonthlyFunding> FundingByMonth,
    IReadOnlyList<FinancialYearFunding> ByFinancialYear)
{
    /// <summary>The disputes as of the question, open and resolved (the tables show the open ones).</summary>
    public IReadOnlyList<Dispute> Disputes { get; init; } = [];
}

/// <summary>Committed funding at the end of a month.</summary>
/// <param name="Month">The month's last day.</param>
/// <param name="Amount">The amount.</param>
internal sealed record MonthlyFunding(LocalDate Month, Money Amount);
