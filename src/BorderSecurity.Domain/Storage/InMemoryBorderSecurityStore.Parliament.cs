using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Storage;

// Questions about Parliament, answered by the projection.
public sealed partial class InMemoryBorderSecurityStore
{
    /// <inheritdoc />
    public Task<Legislation?> LegislationOfAsync(string legislationId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.LegislationOf(Guard.Against.Null(legislationId), query), cancellationToken);

    /// <inheritdoc />
    public Task<ProvisionsInForce?> ProvisionsInForceAsync(string legislationId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.ProvisionsInForce(Guard.Against.Null(legislationId), query), cancellationToken);
}
