using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BorderSecurity.Api.Pages;

/// <summary><c>/sources/{document}</c>: one source document, its headlines, publishers, dates and public address, and what it is cited for.</summary>
/// <param name="store">The store.</param>
public sealed class SourceModel(IBorderSecurityStore store) : PageModel
{
    /// <summary>The document's name, as the sources cite it.</summary>
    [FromRoute(Name = "document")]
    public string Document { get; set; } = "";

    /// <summary>The citations of the document (each distinct headline once).</summary>
    public IReadOnlyList<SourceReference> Citations { get; private set; } = [];

    /// <summary>The events that cite it, by valid date.</summary>
    public IReadOnlyList<TimelineEntry> CitedBy { get; private set; } = [];

    /// <summary>The page, or 404 when nothing cites the document.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The page.</returns>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var timeline = await store.TimelineAsync(new AsOfQuery(LocalDate.MaxIsoValue), ct);
        CitedBy = [.. timeline.Where(e => e.Sources.Any(s => s.Document == Document))];
        Citations = [.. CitedBy.SelectMany(e => e.Sources).Where(s => s.Document == Document).DistinctBy(s => (s.Headline, s.Url))];
        if (CitedBy.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
