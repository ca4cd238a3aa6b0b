using BorderSecurity.Csv;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// <c>/delivered?asOf=&amp;knownAt=</c> (every pledge with its latest verdicts) and <c>/delivered/{id}?asOf=&amp;knownAt=</c>
/// (one pledge's delivery view: the promise beside what delivers it, the outcome figures, every verdict with its date and
/// sources), as of a date and as known at an instant. Each outcome indicator the pledge names is drawn as a chart beside
/// the money, with its table and a CSV link (<c>/delivered/{id}?handler=OutcomeCsv&amp;indicator=</c>, the rows and
/// columns of <c>GET /outcomes/{id}</c> for the same question).
/// </summary>
/// <param name="store">The store.</param>
/// <param name="clock">The clock (the default date is today).</param>
public sealed class DeliveredModel(IBorderSecurityStore store, IClock clock) : AsOfPageModel(store, clock)
{
    /// <summary>One pledge's id, or <see langword="null"/> for the list.</summary>
    [FromRoute(Name = "id")]
    public string? Id { get; set; }

    /// <summary>The pledges (the list).</summary>
    public IReadOnlyList<PledgeOverview> Pledges { get; private set; } = [];

    /// <summary>The delivery view of the pledge asked for.</summary>
    public PledgeDelivery? Delivery { get; private set; }

    /// <summary>The page; 400 when a parameter is wrong, 404 when the pledge was not made as of the question.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The page.</returns>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PledgeId? id = null;
        string? wrongId = null;
        try
        {
            id = Id is null ? null : new PledgeId(Id);
        }
        catch (ArgumentException)
        {
            wrongId = $"id: '{Id}' is not a pledge id such as pledge:create-border-security-command.";
        }

        if (!ReadQuestion(wrongId))
        {
            return Page();
        }

        if (id is null)
        {
            Pledges = await Store.PledgesAsync(Query, ct);
            return Page();
        }

        if (await PledgeDelivery.OfAsync(Store, id, Query, ct) is { } delivery)
        {
            Delivery = delivery;
            return Page();
        }

        Error = $"No pledge {Id} was made as of {Query.AsOf:yyyy-MM-dd} ({PageQuestion.Known(Query.KnownAt)}).";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>
    /// One outcome indicator the pledge names, as CSV: the columns and rows <c>GET /outcomes/{id}</c> answers with
    /// <c>Accept: text/csv</c> for the same question (one row per release of each value).
    /// </summary>
    /// <param name="indicator">The indicator's id, one of those the pledge names.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The CSV; the page naming what is wrong (400 or 404) when the question, the pledge or the indicator is.</returns>
    public async Task<IActionResult> OnGetOutcomeCsvAsync([FromQuery(Name = "indicator")] string? indicator, CancellationToken ct)
    {
        var page = await OnGetAsync(ct);
        if (Error is not null)
        {
            return page;
        }

        if (Delivery?.Outcomes.FirstOrDefault(o => o.IndicatorId == indicator) is { } outcome)
        {
            return Content(CsvTables.Outcomes.Write(OutcomeReleaseRow.Of([outcome])), "text/csv; charset=utf-8; header=present");
        }

        Error = Delivery is null
            ? "id: name a pledge, for example /delivered/pledge:create-border-security-command, to have its outcome figures as CSV."
            : $"indicator: '{indicator}' is not an outcome indicator this pledge names as of {Query.AsOf:yyyy-MM-dd} ({PageQuestion.Known(Query.KnownAt)}).";
        Response.StatusCode = Delivery is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
        Delivery = null;
        return Page();
    }

    /// <summary>The CSV link of one outcome indicator on this pledge's page, keeping the question.</summary>
    /// <param name="indicatorId">The indicator's id.</param>
    /// <returns>The link.</returns>
    public string OutcomeCsvLink(string indicatorId) =>
        $"/delivered/{Uri.EscapeDataString(Id ?? "")}?handler=OutcomeCsv&indicator={Uri.EscapeDataString(indicatorId)}&{QueryString}";

    /// <summary>The link to one pledge's page, keeping the question.</summary>
    /// <param name="id">The pledge id.</param>
    /// <returns>The link.</returns>
    public string Link(string id) => $"/delivered/{Uri.EscapeDataString(id)}?{QueryString}";
}
