using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Marten;

// Questions about Parliament: the one stream's counting events (bsd_events), folded with the aggregate's Evolve.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    public async Task<Legislation?> LegislationOfAsync(string legislationId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(legislationId);
        var events = await CountingEventsAsync("b.stream_id = @aggregate", query, legislationId, cancellationToken).ConfigureAwait(false);
        return events.Aggregate((Legislation?)null, (s, e) => Legislation.Evolve(s, e.Data));
    }

    /// <inheritdoc />
    public async Task<ProvisionsInForce?> ProvisionsInForceAsync(string legislationId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        await LegislationOfAsync(legislationId, query, cancellationToken).ConfigureAwait(false) is { } legislation
            ? ProvisionsInForce.Of(query, legislation)
            : null;
}
