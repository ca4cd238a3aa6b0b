using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Marten;

// Questions about pledges: the pledge streams' counting events (bsd_events), folded with the aggregate's Evolve.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    /// <remarks>The pledges' counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<IReadOnlyList<PledgeOverview>> PledgesAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, new EventScope.OfKind(ProjectionRows.Pledge), query, cancellationToken).ConfigureAwait(false);
        var disputes = await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false);
        return [.. events.GroupBy(e => e.StreamId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate((Pledge?)null, (s, e) => Pledge.Evolve(s, e.Data)))
            .OfType<Pledge>()
            .Select(p => OpenDisputes.Attach(new PledgeOverview(query, p), disputes)!)];
    }

    /// <inheritdoc />
    /// <remarks>The pledge's counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<PledgeOverview?> PledgeOfAsync(PledgeId pledgeId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(pledgeId);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, new EventScope.OfStream(pledgeId.Value), query, cancellationToken).ConfigureAwait(false);
        if (events.Aggregate((Pledge?)null, (s, e) => Pledge.Evolve(s, e.Data)) is not { } pledge)
        {
            return null;
        }

        return OpenDisputes.Attach(new PledgeOverview(query, pledge), await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false));
    }
}
