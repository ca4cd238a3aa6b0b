using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using NodaTime.Text;

namespace BorderSecurity.Api.Endpoints;

/// <summary>Questions about Parliament: one bill's stage per House and history, and an Act's provisions in force.</summary>
public static class ParliamentEndpoints
{
    /// <summary>Maps <c>GET /legislation/{id}</c> and <c>GET /legislation/{id}/provisions</c>.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static IEndpointRouteBuilder MapParliamentEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/legislation/{id}", async (string id, string? asOf, string? knownAt, IBorderSecurityStore store, CancellationToken ct) =>
                await Ask(asOf, knownAt, async q => await store.LegislationOfAsync(id, q, ct)))
            .WithName("GetLegislationById")
            .WithSummary("One bill or Act as of a date, as known at an instant: its House and stage (Bills API names), history per House and provisions in force.")
            .Produces<Legislation>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/legislation/{id}/provisions", async (string id, string? asOf, string? knownAt, IBorderSecurityStore store, CancellationToken ct) =>
                await Ask(asOf, knownAt, async q => await store.ProvisionsInForceAsync(id, q, ct)))
            .WithName("GetProvisionsInForce")
            .WithSummary("Which provisions of an Act were in force on a date, as known at an instant.")
            .Produces<ProvisionsInForce>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Ask<T>(string? asOf, string? knownAt, Func<AsOfQuery, Task<T?>> answer)
        where T : class
    {
        if (asOf is null || !LocalDatePattern.Iso.Parse(asOf).TryGetValue(default, out var date))
        {
            return TypedResults.Problem(detail: $"asOf must be a date in the form YYYY-MM-DD (was '{asOf}').", statusCode: StatusCodes.Status400BadRequest, title: "Invalid asOf");
        }

        Instant? at = null;
        if (knownAt is not null)
        {
            if (!InstantPattern.ExtendedIso.Parse(knownAt).TryGetValue(default, out var instant))
            {
                return TypedResults.Problem(detail: $"knownAt must be an ISO-8601 UTC instant such as 2025-12-02T12:00:00Z (was '{knownAt}').", statusCode: StatusCodes.Status400BadRequest, title: "Invalid knownAt");
            }

            at = instant;
        }

        var query = new AsOfQuery(date, at);
        return await answer(query) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem(detail: $"No such legislation as of {date:yyyy-MM-dd}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }
}
