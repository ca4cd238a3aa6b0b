using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /commands/{id}: a command at a glance as of a date.</summary>
public static class CommandEndpoints
{
    /// <summary>Maps the command question.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapCommands(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/commands/{id}", (string id, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.WithSubjectAsync(id, "id", text => new CommandId(text),
                    commandId => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.CommandAsync(commandId, q, ct))))
            .AsRead<CommandOverview>("GetCommand", "A command (for example command:bsc) at a glance: leader, agencies, funding and recruitment, as of a date.", "Commands")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }
}
