using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// Questions about disputed facts: the dispute streams' counting events (bsd_events), folded with the aggregate's Evolve.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Dispute>> DisputesAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Dispute>> DisputesAboutAsync(StreamId subjectId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(subjectId);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false)).Where(d => d.IsAbout(subjectId.Value))];
    }

    // Every dispute as of the question, open and resolved, in id order, read on the caller's connection (so an answer and
    // its disputes come from one connection): the dispute streams' counting events, parameterised and tenant-scoped.
    private async Task<IReadOnlyList<Dispute>> DisputesOnAsync(NpgsqlConnection connection, AsOfQuery query, CancellationToken cancellationToken)
    {
        var events = await CountingEventsAsync(connection, new EventScope.OfKind(ProjectionRows.Dispute), query, cancellationToken).ConfigureAwait(false);
        return [.. events.GroupBy(e => e.StreamId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate((Dispute?)null, (s, e) => Dispute.Evolve(s, e.Data)))
            .OfType<Dispute>()];
    }
}
