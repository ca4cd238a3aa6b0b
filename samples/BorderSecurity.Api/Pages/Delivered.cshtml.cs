using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// <c>/delivered?asOf=&amp;knownAt=</c> (every pledge with its latest verdicts) and <c>/delivered/{id}?asOf=&amp;knownAt=</c>
/// (one pledge's delivery view: the promise beside what delivers it, the outcome figures, every verdict with its date and
/// sources), as of a date and as known at an instant.
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

    /// <summary>The link to one pledge's page, keeping the question.</summary>
    /// <param name="id">The pledge id.</param>
    /// <returns>The link.</returns>
    public string Link(string id) => $"/delivered/{Uri.EscapeDataString(id)}?{QueryString}";
}
