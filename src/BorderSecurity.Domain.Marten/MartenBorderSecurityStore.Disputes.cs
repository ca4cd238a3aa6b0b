using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Marten;

// Questions about disputed facts: the dispute streams' counting events (bsd_events), folded with the aggregate's Evolve.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Dispute>> DisputesAsync(AsOfQuery query, string? subjectId = null, CancellationToken cancellationToken = default)
    {
        var events = await CountingEventsAsync("b.aggregate = @aggregate", query, ProjectionRows.Dispute, cancellationToken).ConfigureAwait(false);
        return [.. events.GroupBy(e => e.StreamId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate((Dispute?)null, (s, e) => Dispute.Evolve(s, e.Data)))
            .OfType<Dispute>()
            .Where(d => subjectId is null || d.SubjectId == subjectId)];
    }
}
