using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /recruitment: recruitment targets and progress as of a date.</summary>
public static class RecruitmentEndpoints
{
    /// <summary>Maps the recruitment question.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapRecruitment(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/recruitment", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.RecruitmentAsync(q, ct)))
            .AsRead<RecruitmentSummary>("GetRecruitment", "Every recruitment target, in post and gap, by organisation, as of a date.", "Recruitment")
            .WithCsv<RecruitmentSummary, TargetPosition>(CsvTables.Targets, summary => summary.Organisations.SelectMany(o => o.Targets));
        return routes;
    }
}
