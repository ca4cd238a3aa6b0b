using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Spectre.Console;

namespace BorderSecurity.Timeline;

// Funding by UK financial year: each kind of money in its own column, never added together.
internal static partial class TimelineTables
{
    /// <summary>How many financial years before the question's year the table starts.</summary>
    private const int YearsBefore = 1;

    /// <summary>How many financial years after the question's year the table runs.</summary>
    private const int YearsAfter = 4;

    /// <summary>Funding by financial year around the question's date: the portfolio, then each recipient.</summary>
    public static async Task<IReadOnlyList<FinancialYearFunding>> FinancialYearsAsync(IBorderSecurityStore store, AsOfQuery query, FundingPortfolio funding,
        CancellationToken cancellationToken)
    {
        var year = FinancialYear.Of(query.AsOf);
        var first = new FinancialYear(Math.Max(FinancialYear.MinStartYear, year.StartYear - YearsBefore));
        var last = new FinancialYear(Math.Min(FinancialYear.MaxStartYear, year.StartYear + YearsAfter));
        var answers = new List<FinancialYearFunding> { await store.FundingByFinancialYearAsync(new FinancialYearRange(first, last), query, cancellationToken).ConfigureAwait(false) };
        foreach (var recipient in funding.Recipients)
        {
            answers.Add(await store.FundingByFinancialYearOfAsync(new Organisation(recipient.Recipient), new FinancialYearRange(first, last), query, cancellationToken).ConfigureAwait(false));
        }

        return answers;
    }

    public static void RenderFinancialYears(TimelineReport report, IAnsiConsole console)
    {
        var table = new Table().Title("Funding by UK financial year (£m): each column is one kind of money and is never added to another")
            .AddColumns("Recipient", "Year", "For the year alone", "Yearly level (a year)", "Over several years, split unknown (whole amount)");
        foreach (var answer in report.ByFinancialYear)
        {
            // Each answer lists the open disputes about the commitments it counts: its rows are marked.
            var who = Markup.Escape(answer.Recipient ?? "All recipients") + (answer.OpenDisputes.Count > 0 ? DisputedMark : "");
            foreach (var line in answer.Years.Where(l => l.ForTheYear.Total.Pounds != 0 || l.YearlyLevel.Total.Pounds != 0 || l.UnsplitSpans.Count > 0))
            {
                table.AddRow(who, $"{line.Year}", Split(line.ForTheYear), Split(line.YearlyLevel),
                    Markup.Escape(string.Join("; ", line.UnsplitSpans.Select(s => $"{M(s.Totals.Total)} over {s.Label} ({Parts(s.Totals)})"))));
            }

            if (answer.NotStated.Total.Pounds != 0)
            {
                table.AddRow(who, "not stated", Markup.Escape($"{Split(answer.NotStated)}, any year"), "", "");
            }
        }

        CaptionIfDisputed(table, report.ByFinancialYear.Any(a => a.OpenDisputes.Count > 0));
        console.Write(table);
    }

    private static string Split(YearTotals t) => t.Total.Pounds == 0 ? "" : Markup.Escape($"{M(t.Total)} ({Parts(t)})");

    private static string Parts(YearTotals t) =>
        $"{M(t.NewMoney)} new, {M(t.Redirected)} redirected; {M(t.Firm)} firm, {M(t.Ceiling)} up to; {Spending(t)}";

    // Resource or capital only where an announcement said so; otherwise the kind is not stated, never guessed.
    private static string Spending(YearTotals t) =>
        t.Resource.Pounds == 0 && t.Capital.Pounds == 0
            ? "resource/capital not stated"
            : $"{M(t.Resource)} resource, {M(t.Capital)} capital, {M(t.SpendingNotStated)} not stated";
}
