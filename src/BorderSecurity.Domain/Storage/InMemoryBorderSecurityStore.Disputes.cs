using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Storage;

// Questions about disputed facts, answered by the projection.
public sealed partial class InMemoryBorderSecurityStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Dispute>> DisputesAsync(AsOfQuery query, string? subjectId = null, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Disputes(query, subjectId), cancellationToken);
}
