using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace BorderSecurity.Api.Endpoints;

/// <summary>The funding-by-financial-year endpoint.</summary>
public static class FinancialYearEndpoints
{
    /// <summary>
    /// Maps <c>GET /funding/financial-years?from=2024/25&amp;to=2028/29&amp;asOf=2025-06-11[&amp;recipient=...&amp;knownAt=...&amp;recordedBy=...]</c>:
    /// funding counted by UK financial year (<see cref="IBorderSecurityStore.FundingByFinancialYearAsync"/>).
    /// </summary>
    /// <param name="app">The routes.</param>
    /// <returns>The route's builder.</returns>
    public static RouteHandlerBuilder MapFinancialYearEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGet("/funding/financial-years", FundingByFinancialYearAsync)
            .WithName("FundingByFinancialYear")
            .WithSummary("Funding by UK financial year")
            .WithDescription("For each financial year from 'from' to 'to': money for that year alone, yearly levels that apply in it, and totals over several "
                             + "years that include it but are not split (whole, with their spans); plus money whose period is not stated. No figure adds two kinds.")
            .Produces<FinancialYearFunding>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<FinancialYearFunding>, ProblemHttpResult>> FundingByFinancialYearAsync(
        string? from, string? to, string? asOf, string? knownAt, string? recordedBy, string? recipient, IBorderSecurityStore store, CancellationToken ct)
    {
        if (!FinancialYear.TryParse(from, out var first))
        {
            return Problem("Invalid from", $"'{from}' is not a UK financial year such as 2024/25.", "from");
        }

        if (!FinancialYear.TryParse(to, out var last))
        {
            return Problem("Invalid to", $"'{to}' is not a UK financial year such as 2028/29.", "to");
        }

        if (asOf is null || LocalDatePattern.Iso.Parse(asOf) is not { Success: true } date)
        {
            return Problem("Invalid asOf", $"'{asOf}' is not a date in the form YYYY-MM-DD.", "asOf");
        }

        if (!TryParseInstant(knownAt, out var known))
        {
            return Problem("Invalid knownAt", $"'{knownAt}' is not an ISO-8601 UTC instant such as 2024-11-05T09:00:00Z.", "knownAt");
        }

        if (!TryParseInstant(recordedBy, out var recorded))
        {
            return Problem("Invalid recordedBy", $"'{recordedBy}' is not an ISO-8601 UTC instant such as 2024-11-05T09:00:00Z.", "recordedBy");
        }

        try
        {
            return TypedResults.Ok(await store.FundingByFinancialYearAsync(first, last, new AsOfQuery(date.Value, known, recorded), recipient, ct));
        }
        catch (ArgumentException e)
        {
            return Problem("Invalid financial years", e.Message, e.ParamName == "first" ? "from" : "to");
        }
    }

    private static bool TryParseInstant(string? text, out Instant? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        instant = parsed.Success ? parsed.Value : null;
        return parsed.Success;
    }

    private static ProblemHttpResult Problem(string title, string detail, string field) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title,
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
