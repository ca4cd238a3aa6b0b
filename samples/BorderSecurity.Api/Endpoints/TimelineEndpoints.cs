using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /timeline: every event that counts as of a date, in valid-date order, with its sources.</summary>
public static class TimelineEndpoints
{
    /// <summary>Maps the timeline question.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapTimeline(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/timeline", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.TimelineAsync(q, ct)))
            .AsRead<IReadOnlyList<TimelineEntry>>("GetTimeline", "Every event that counts as of a date, by valid date then recording order, with its sources.", "Timeline")
            .WithCsv<IReadOnlyList<TimelineEntry>, TimelineEntry>(CsvTables.Timeline, entries => entries);
        return routes;
    }
}
