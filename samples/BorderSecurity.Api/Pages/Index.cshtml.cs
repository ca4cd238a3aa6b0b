using BorderSecurity.Csv;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BorderSecurity.Api.Pages;

/// <summary><c>/?asOf=&amp;knownAt=</c>: the funding commitments as of a date, as known at an instant, by recipient and by financial year.</summary>
/// <param name="store">The store.</param>
/// <param name="clock">The clock (the default date is today).</param>
public sealed class IndexModel(IBorderSecurityStore store, IClock clock) : AsOfPageModel(store, clock)
{
    /// <summary>The answer.</summary>
    public FundingPortfolio? Funding { get; private set; }

    /// <summary>By financial year, 2024/25 to 2028/29.</summary>
    public FinancialYearFunding? ByYear { get; private set; }

    /// <summary>Answers the question in the URL.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The page, 400 when a parameter is wrong.</returns>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReadQuestion())
        {
            return Page();
        }

        Funding = await Store.FundingAsync(Query, ct);
        ByYear = await Store.FundingByFinancialYearAsync(new FinancialYearRange(new FinancialYear(2024), new FinancialYear(2028)), Query, ct);
        return Page();
    }

    /// <summary>The financial-year table as CSV (the columns of <c>GET /funding/financial-years</c>).</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The CSV, or 400 naming the parameter.</returns>
    public async Task<IActionResult> OnGetYearsCsvAsync(CancellationToken ct)
    {
        var page = await OnGetAsync(ct);
        return ByYear is { } byYear
            ? Content(CsvTables.FinancialYears.Write(FinancialYearRow.Of(byYear)), "text/csv; charset=utf-8; header=present")
            : page;
    }

    /// <summary>The financial-year CSV link of this question.</summary>
    public string YearsCsvLink => $"/?handler=YearsCsv&{QueryString}";

    /// <summary>The open disputes about one commitment (among the subjects each names).</summary>
    /// <param name="commitmentId">The commitment.</param>
    /// <returns>The disputes.</returns>
    public IEnumerable<Dispute> DisputesAbout(string commitmentId) =>
        Funding?.OpenDisputes.Where(d => d.IsAbout(commitmentId)) ?? [];
}
