using BorderSecurity.Csv;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// <c>/what-was-known?recipient=&amp;asOf=</c>: a recipient's funding over valid time as known at each instant it changed
/// (the vintages of its series), as a picture, a table with the same numbers, and the same numbers as CSV.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="clock">The clock (the default date is today).</param>
public sealed class WhatWasKnownModel(IBorderSecurityStore store, IClock clock) : PageModel
{
    /// <summary>The recipient asked about.</summary>
    [FromQuery(Name = "recipient")]
    public string Recipient { get; set; } = "Border Security Command";

    /// <summary>The series' last date, <c>YYYY-MM-DD</c>; today when absent.</summary>
    [FromQuery(Name = "asOf")]
    public string? AsOfText { get; set; }

    /// <summary>The series' last date.</summary>
    public LocalDate AsOf { get; private set; }

    /// <summary>A sentence naming the parameter that was wrong, or <see langword="null"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>The vintages.</summary>
    public IReadOnlyList<SeriesVintage<FundingSeriesValue>> Vintages { get; private set; } = [];

    /// <summary>The picture (SVG markup).</summary>
    public string Chart { get; private set; } = "";

    /// <summary>The page.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The page, 400 when a parameter is wrong.</returns>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AskAsync(ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Chart = VintageChart.Svg(Vintages, AsOf);
        return Page();
    }

    /// <summary>The same numbers as CSV (one row per point of each vintage; the columns of <c>GET /vintages/series</c>).</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The CSV, or 400 naming the parameter.</returns>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await AskAsync(ct)
            ? Content(CsvTables.SeriesVintages.Write(SeriesVintagePoint.Of(Vintages)), "text/csv; charset=utf-8; header=present")
            : BadRequest(Error ?? "");

    /// <summary>The CSV link of this question.</summary>
    public string CsvLink => $"/what-was-known?handler=csv&recipient={Uri.EscapeDataString(Recipient)}&asOf={AsOf:yyyy-MM-dd}";

    private async Task<bool> AskAsync(CancellationToken ct)
    {
        string? error = null;
        AsOf = PageQuestion.Date(AsOfText, "asOf", clock.GetCurrentInstant().InUtc().Date, ref error);
        if (string.IsNullOrWhiteSpace(Recipient))
        {
            error ??= "recipient: name a recipient, for example Border Security Command.";
        }

        if (error is not null)
        {
            Error = error;
            return false;
        }

        Vintages = await store.FundingSeriesVintagesOfAsync(new Organisation(Recipient), new VintagesQuery(AsOf), ct);
        return true;
    }
}
