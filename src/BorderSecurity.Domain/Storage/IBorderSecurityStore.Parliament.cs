using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Storage;

// Questions about Parliament.
public partial interface IBorderSecurityStore
{
    /// <summary>One piece of legislation as of the question (see <see cref="IBorderSecurityQueries.LegislationOf"/>).</summary>
    /// <param name="legislationId">The legislation's stream id.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The legislation, or <see langword="null"/> if it did not exist as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="legislationId"/> is null.</exception>
    Task<Legislation?> LegislationOfAsync(string legislationId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>Which provisions of an Act were in force on a date, as known at an instant (see <see cref="IBorderSecurityQueries.ProvisionsInForce"/>).</summary>
    /// <param name="legislationId">The legislation's stream id.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The provisions, or <see langword="null"/> if the legislation did not exist as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="legislationId"/> is null.</exception>
    Task<ProvisionsInForce?> ProvisionsInForceAsync(string legislationId, AsOfQuery query, CancellationToken cancellationToken = default);
}
