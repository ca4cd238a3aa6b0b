using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>Questions about Parliament: one bill's stage per House and history, and an Act's provisions in force.</summary>
public static class ParliamentEndpoints
{
    /// <summary>Maps <c>GET /legislation/{id}</c> and <c>GET /legislation/{id}/provisions</c>.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapParliamentEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/legislation/{id}", (string id, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.WithSubjectAsync(id, "id", text => new LegislationId(text),
                    legislationId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.LegislationOfAsync(legislationId, q, ct))))
            .AsRead<LegislationOverview>("GetLegislationById",
                "One bill or Act as of a date, as known at an instant: its House and stage (Bills API names), history per House and provisions in force, with the disputes open about it.",
                "Legislation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/legislation/{id}/provisions", (string id, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.WithSubjectAsync(id, "id", text => new LegislationId(text),
                    legislationId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.ProvisionsInForceAsync(legislationId, q, ct))))
            .AsRead<ProvisionsInForce>("GetProvisionsInForce", "Which provisions of an Act were in force on a date, as known at an instant.", "Legislation")
            .WithCsv<ProvisionsInForce, ProvisionInForce>(CsvTables.Provisions, provisions => provisions.InForce)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }
}
