using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BorderSecurity.Api.Pages;

/// <summary><c>/changes-between?knownAfter=&amp;knownBy=</c>: what was learnt between two instants, each change classified and sourced.</summary>
/// <param name="store">The store.</param>
/// <param name="clock">The clock (the default end is now).</param>
public sealed class ChangesBetweenModel(IBorderSecurityStore store, IClock clock) : PageModel
{
    /// <summary>A, exclusive; 1 October 2024 when absent.</summary>
    [FromQuery(Name = "knownAfter")]
    public string? KnownAfterText { get; set; }

    /// <summary>B, inclusive; now when absent.</summary>
    [FromQuery(Name = "knownBy")]
    public string? KnownByText { get; set; }

    /// <summary>A.</summary>
    public Instant KnownAfter { get; private set; }

    /// <summary>B.</summary>
    public Instant KnownBy { get; private set; }

    /// <summary>A sentence naming the parameter that was wrong, or <see langword="null"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>The changes (at most 1,000: the first page).</summary>
    public IReadOnlyList<Change> Changes { get; private set; } = [];

    /// <summary>Whether more changes followed the first page.</summary>
    public bool More { get; private set; }

    /// <summary>The page.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The page, 400 when a parameter is wrong.</returns>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        string? error = null;
        KnownAfter = PageQuestion.Instant(KnownAfterText, "knownAfter", ref error) ?? Instant.FromUtc(2024, 10, 1, 0, 0);
        KnownBy = PageQuestion.Instant(KnownByText, "knownBy", ref error) ?? clock.GetCurrentInstant();
        if (error is null && KnownBy < KnownAfter)
        {
            error = "knownBy: the window must not end before it starts (knownAfter).";
        }

        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var page = await store.ChangesAsync(new ChangesQuery(KnownAfter, KnownBy, ChangesQuery.MaxPageSize), ct);
        Changes = page.Changes;
        More = page.Continuation is not null;
        return Page();
    }
}
