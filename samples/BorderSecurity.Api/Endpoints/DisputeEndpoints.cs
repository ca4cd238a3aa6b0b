using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>Questions about disputed facts: where the sources disagree, open and resolved.</summary>
public static class DisputeEndpoints
{
    /// <summary>Maps <c>GET /disputes</c>.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapDisputes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/disputes", ([FromQuery(Name = "subject")] string? subject, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy,
                IBorderSecurityStore store, CancellationToken ct) =>
                subject is null
                    ? AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.DisputesAsync(q, ct))
                    : AsOfParameters.WithSubjectAsync(subject, "subject", text => new StreamId(text),
                        subjectId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.DisputesAboutAsync(subjectId, q, ct))))
            .AsRead<IReadOnlyList<Dispute>>("GetDisputes",
                "The disputes as of a date, as known at an instant, open and resolved, with each side's sources; subject limits them to one commitment, target, bill or command.",
                "Disputes")
            .WithCsv<IReadOnlyList<Dispute>, Dispute>(CsvTables.Disputes, disputes => disputes);
        return routes;
    }
}
