using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// A page that answers an as-of question from its URL: <c>asOf</c> (a date, today when absent) and <c>knownAt</c> (an
/// instant, everything known when absent), read once, with a sentence naming the parameter when one is wrong.
/// </summary>
/// <param name="store">The store the page asks.</param>
/// <param name="clock">The clock (the default date is today).</param>
public abstract class AsOfPageModel(IBorderSecurityStore store, IClock clock) : PageModel
{
    /// <summary>The valid date, <c>YYYY-MM-DD</c>; today when absent.</summary>
    [FromQuery(Name = "asOf")]
    public string? AsOfText { get; set; }

    /// <summary>The known-at instant; everything known when absent.</summary>
    [FromQuery(Name = "knownAt")]
    public string? KnownAtText { get; set; }

    /// <summary>The question asked.</summary>
    public AsOfQuery Query { get; private set; }

    /// <summary>A sentence naming the parameter that was wrong, or <see langword="null"/>.</summary>
    public string? Error { get; protected set; }

    /// <summary>The store the page asks.</summary>
    protected IBorderSecurityStore Store { get; } = store;

    /// <summary>Reads the question from the URL; on a wrong parameter sets <see cref="Error"/> and the status 400.</summary>
    /// <param name="extraError">A wrong parameter the page found itself, or <see langword="null"/>.</param>
    /// <returns>Whether the question can be asked.</returns>
    protected bool ReadQuestion(string? extraError = null)
    {
        var error = extraError;
        var asOf = PageQuestion.Date(AsOfText, "asOf", clock.GetCurrentInstant().InUtc().Date, ref error);
        Query = new AsOfQuery(asOf, PageQuestion.Instant(KnownAtText, "knownAt", ref error));
        if (error is null)
        {
            return true;
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }

    /// <summary>The question's parameters for a link that keeps it: <c>asOf=...</c> and, when asked, <c>&amp;knownAt=...</c>.</summary>
    protected string QueryString =>
        $"asOf={Query.AsOf:yyyy-MM-dd}" + (Query.KnownAt is { } k ? $"&knownAt={Uri.EscapeDataString(k.ToString())}" : "");
}
