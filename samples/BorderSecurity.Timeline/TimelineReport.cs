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
/// <param name="FundingByMonth">
/// Committed funding at the end of each month of the chart's year up to the question's date, the last point on that date
/// itself: nothing after the date the question is asked as of.
/// </param>
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

    /// <summary>The outcome indicators as of the question: what the sources say happened, beside what was promised.</summary>
    public IReadOnlyList<IndicatorOverview> Outcomes { get; init; } = [];

    /// <summary>Each pledge's delivery view as of the question: what was promised beside what delivers it, and the latest verdict.</summary>
    public IReadOnlyList<BorderSecurity.Domain.Pledges.PledgeDelivery> Deliveries { get; init; } = [];
}

/// <summary>Committed funding on a date of the chart.</summary>
/// <param name="On">A month's last day, or the question's date for the last point.</param>
/// <param name="Amount">The sum of amounts committed then (<see cref="FundingTotals.Total"/>): what the chart draws.</param>
/// <param name="YearlyLevels">The yearly levels committed then, each an amount each year: listed beside the chart, never drawn into it.</param>
internal sealed record MonthlyFunding(LocalDate On, Money Amount, IReadOnlyList<YearlyLevelAmount> YearlyLevels);
