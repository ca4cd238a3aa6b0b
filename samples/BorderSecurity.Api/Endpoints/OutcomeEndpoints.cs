using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Api.Endpoints;

/// <summary>Outcome statistics: <c>GET /outcomes</c> and <c>GET /outcomes/{id}</c>, every release of each value as known at an instant.</summary>
public static class OutcomeEndpoints
{
    /// <summary>Maps the outcome questions.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapOutcomes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/outcomes", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.IndicatorsAsync(q, ct)))
            .AsRead<IReadOnlyList<IndicatorOverview>>("GetOutcomes",
                "Every outcome indicator as of a date, as known at an instant: each value whose period ended by the date, with every release (the first, then each revision with what changed it), its qualifier, status and sources, and the disputes open about it.",
                "Outcomes")
            .WithCsv<IReadOnlyList<IndicatorOverview>, OutcomeReleaseRow>(CsvTables.Outcomes, OutcomeReleaseRow.Of);
        routes.MapGet("/outcomes/{id}", (string id, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.WithSubjectAsync(id, "id", text => new IndicatorId(text),
                    indicatorId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.IndicatorOfAsync(indicatorId, q, ct))))
            .AsRead<IndicatorOverview>("GetOutcomeById",
                "One outcome indicator as of a date, as known at an instant: its series of values by period, every release of each, with sources and open disputes.",
                "Outcomes")
            .WithCsv<IndicatorOverview, OutcomeReleaseRow>(CsvTables.Outcomes, indicator => OutcomeReleaseRow.Of([indicator]))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }
}
