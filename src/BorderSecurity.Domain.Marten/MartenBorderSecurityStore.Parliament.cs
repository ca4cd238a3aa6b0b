using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Marten;

// Questions about Parliament: the one stream's counting events (bsd_events), folded with the aggregate's Evolve.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    /// <remarks>The legislation's counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<LegislationOverview?> LegislationOfAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(legislationId);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, new EventScope.OfStream(legislationId.Value), query, cancellationToken).ConfigureAwait(false);
        if (events.Aggregate((Legislation?)null, (s, e) => Legislation.Evolve(s, e.Data)) is not { } legislation)
        {
            return null;
        }

        return OpenDisputes.Attach(new LegislationOverview(query, legislation), await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <remarks>The legislation's counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<ProvisionsInForce?> ProvisionsInForceAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(legislationId);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, new EventScope.OfStream(legislationId.Value), query, cancellationToken).ConfigureAwait(false);
        if (events.Aggregate((Legislation?)null, (s, e) => Legislation.Evolve(s, e.Data)) is not { } legislation)
        {
            return null;
        }

        return OpenDisputes.Attach(ProvisionsInForce.Of(query, legislation), await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false));
    }
}
