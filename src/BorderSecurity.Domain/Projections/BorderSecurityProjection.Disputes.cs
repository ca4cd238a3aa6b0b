using BorderSecurity.Domain.Disputes;

namespace BorderSecurity.Domain.Projections;

// Questions about disputed facts: each dispute is a small stream folded with its Evolve over the events that count.
internal sealed partial class BorderSecurityProjection
{
    private readonly SortedDictionary<string, Statements<IBorderSecurityEvent>> _disputes = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<Dispute> Disputes(AsOfQuery query, string? subjectId = null)
    {
        lock (_gate)
        {
            return [.. DisputesLocked(query).Where(d => subjectId is null || d.IsAbout(subjectId))];
        }
    }

    /// <summary>Every dispute as of the question, open and resolved, in id order. Called under the lock.</summary>
    private IEnumerable<Dispute> DisputesLocked(AsOfQuery query) =>
        _disputes.Values.Select(s => s.AllCounting(query).Aggregate((Dispute?)null, Dispute.Evolve)).OfType<Dispute>();
}
