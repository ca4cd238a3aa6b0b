using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /recruitment/targets/{id}/progress: people in post set against one target over valid time.</summary>
public static class TargetProgressEndpoints
{
    /// <summary>Maps the target progress question.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapTargetProgress(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/recruitment/targets/{id}/progress",
                (string id, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.WithSubjectAsync(id, "id", text => new RecruitmentTargetId(text),
                    targetId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.TargetProgressSeriesAsync(targetId, q, ct))))
            .AsRead<IReadOnlyList<SeriesPoint<TargetProgress>>>("GetTargetProgress",
                "A recruitment target (for example recruitment:nca-specialist-officers) over valid time up to a date: headcount, people in post, gap and status from each date they change, as known at an instant.",
                "Recruitment")
            .WithCsv<IReadOnlyList<SeriesPoint<TargetProgress>>, SeriesPoint<TargetProgress>>(CsvTables.TargetProgress, points => points);
        return routes;
    }
}
