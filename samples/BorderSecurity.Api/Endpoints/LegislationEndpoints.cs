using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /legislation: every piece of legislation and its stage as of a date; GET /legislation/sessions: bills by session and outcome.</summary>
public static class LegislationEndpoints
{
    /// <summary>Maps the legislation questions.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapLegislation(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/legislation", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.LegislationAsync(q, ct)))
            .AsRead<IReadOnlyList<LegislationOverview>>("GetLegislation", "Every piece of legislation, its stage and history, as of a date, each with the disputes open about it.", "Legislation")
            .WithCsv<IReadOnlyList<LegislationOverview>, LegislationOverview>(CsvTables.Legislation, bills => bills);

        routes.MapGet("/legislation/sessions", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => BillsBySession.OfAsync(store, q, ct)))
            .AsRead<BillsBySession>("GetBillsBySession",
                "Bills by session of Parliament and outcome as of a date, as known at an instant: each session's bills (introduced in it or carried over into it) with what became of them there (before Parliament, carried over, Royal Assent, fell, withdrawn, defeated), then the bills whose session was not stated.",
                "Legislation")
            .WithCsv<BillsBySession, SessionRow>(CsvTables.Sessions, SessionRow.Of);
        return routes;
    }
}
