using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /legislation: every piece of legislation and its stage as of a date.</summary>
public static class LegislationEndpoints
{
    /// <summary>Maps the legislation question.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapLegislation(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/legislation", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.LegislationAsync(q, ct)))
            .AsRead<IReadOnlyList<LegislationOverview>>("GetLegislation", "Every piece of legislation, its stage and history, as of a date, each with the disputes open about it.", "Legislation")
            .WithCsv<IReadOnlyList<LegislationOverview>, LegislationOverview>(CsvTables.Legislation, bills => bills);
        return routes;
    }
}
