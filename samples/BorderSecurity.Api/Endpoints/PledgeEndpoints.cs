using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Api.Endpoints;

/// <summary>Pledges and verdicts: <c>GET /pledges</c> and <c>GET /pledges/{id}</c>, each verdict's history as known at an instant.</summary>
public static class PledgeEndpoints
{
    /// <summary>Maps the pledge questions.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapPledges(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/pledges", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.PledgesAsync(q, ct)))
            .AsRead<IReadOnlyList<PledgeOverview>>("GetPledges",
                "Every pledge as of a date, as known at an instant: what was promised, by whom, what delivers it, and every verdict (assessor, rating, date, evidence, sources) in date order, with the disputes open about it.",
                "Pledges")
            .WithCsv<IReadOnlyList<PledgeOverview>, PledgeVerdictRow>(CsvTables.Verdicts, PledgeVerdictRow.Of);
        routes.MapGet("/pledges/{id}", (string id, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.WithSubjectAsync(id, "id", text => new PledgeId(text),
                    pledgeId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.PledgeOfAsync(pledgeId, q, ct))))
            .AsRead<PledgeOverview>("GetPledgeById", "One pledge as of a date, as known at an instant, with its verdict history and open disputes.", "Pledges")
            .WithCsv<PledgeOverview, PledgeVerdictRow>(CsvTables.Verdicts, pledge => PledgeVerdictRow.Of([pledge]))
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/pledges/{id}/delivery", (string id, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.WithSubjectAsync(id, "id", text => new PledgeId(text),
                    pledgeId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => PledgeDelivery.OfAsync(store, pledgeId, q, ct))))
            .AsRead<PledgeDelivery>("GetPledgeDelivery",
                "A pledge's delivery view as of a date, as known at an instant: what was promised (the money of the commitments it names, yearly levels apart), the targets with people in post, the legislation's stage, the commands, the outcome figures beside them, the verdicts, what it names that is not recorded yet, and every open dispute about any of them.",
                "Pledges")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }
}
