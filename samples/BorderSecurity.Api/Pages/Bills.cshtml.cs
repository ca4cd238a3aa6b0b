using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// <c>/bills?asOf=&amp;knownAt=</c> (every bill and Act) and <c>/bills/{id}?asOf=&amp;knownAt=</c> (one bill's passage per
/// House, its provisions in force and the disputes open about it), as of a date and as known at an instant.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="clock">The clock (the default date is today).</param>
public sealed class BillsModel(IBorderSecurityStore store, IClock clock) : AsOfPageModel(store, clock)
{
    /// <summary>One bill's id, or <see langword="null"/> for the list.</summary>
    [FromRoute(Name = "id")]
    public string? Id { get; set; }

    /// <summary>The bills and Acts (the list), or the one asked for.</summary>
    public IReadOnlyList<LegislationOverview> Bills { get; private set; } = [];

    /// <summary>The page; 400 when a parameter is wrong, 404 when the bill was not known as of the question.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The page.</returns>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LegislationId? id = null;
        string? wrongId = null;
        try
        {
            id = Id is null ? null : new LegislationId(Id);
        }
        catch (ArgumentException)
        {
            wrongId = $"id: '{Id}' is not a legislation id such as legislation:border-security-asylum-immigration-bill.";
        }

        if (!ReadQuestion(wrongId))
        {
            return Page();
        }

        if (id is null)
        {
            Bills = await Store.LegislationAsync(Query, ct);
            return Page();
        }

        if (await Store.LegislationOfAsync(id, Query, ct) is { } bill)
        {
            Bills = [bill];
            return Page();
        }

        Error = $"Nothing is known of {Id} as of {Query.AsOf:yyyy-MM-dd} ({PageQuestion.Known(Query.KnownAt)}).";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>A bill's link, keeping the question.</summary>
    /// <param name="id">The bill.</param>
    /// <returns>The URL.</returns>
    public string Link(string id) => $"/bills/{Uri.EscapeDataString(id)}?{QueryString}";

    /// <summary>The House a stage was reached in, for people.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The House's name, or "Outside Parliament".</returns>
    public static string HouseOf(StageReached stage) =>
        stage.House is { } house and not ParliamentHouse.NotStated ? BillStages.NameOf(house) : "Outside Parliament";

    /// <summary>What became of a bill in a session, in words.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The words, for example <c>fell at the end of the session</c>.</returns>
    public static string Describe(SessionOutcome outcome) => outcome switch
    {
        SessionOutcome.BeforeParliament => "before Parliament",
        SessionOutcome.CarriedOver => "carried over",
        SessionOutcome.RoyalAssent => "Royal Assent",
        SessionOutcome.Fell => "fell at the end of the session",
        SessionOutcome.Withdrawn => "withdrawn",
        SessionOutcome.Defeated => "defeated",
        _ => outcome.ToString(),
    };
}
