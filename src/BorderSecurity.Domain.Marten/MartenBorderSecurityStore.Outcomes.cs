using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Marten;

// Questions about outcomes: the indicator streams' counting events (bsd_events), folded with the aggregate's Evolve.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    /// <remarks>The indicators' counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<IReadOnlyList<IndicatorOverview>> IndicatorsAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, new EventScope.OfKind(ProjectionRows.Outcome), query, cancellationToken).ConfigureAwait(false);
        var disputes = await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false);
        return [.. events.GroupBy(e => e.StreamId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate((OutcomeIndicator?)null, (s, e) => OutcomeIndicator.Evolve(s, e.Data)))
            .OfType<OutcomeIndicator>()
            .Select(i => OpenDisputes.Attach(new IndicatorOverview(query, i), disputes)!)];
    }

    /// <inheritdoc />
    /// <remarks>The indicator's counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<IndicatorOverview?> IndicatorOfAsync(IndicatorId indicatorId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(indicatorId);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, new EventScope.OfStream(indicatorId.Value), query, cancellationToken).ConfigureAwait(false);
        if (events.Aggregate((OutcomeIndicator?)null, (s, e) => OutcomeIndicator.Evolve(s, e.Data)) is not { } indicator)
        {
            return null;
        }

        return OpenDisputes.Attach(new IndicatorOverview(query, indicator), await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false));
    }
}
