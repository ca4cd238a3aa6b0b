using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Storage;

// Questions about disputed facts.
public partial interface IBorderSecurityStore
{
    /// <summary>The disputes as of the question, open and resolved, with their sides and sources (see <see cref="IBorderSecurityQueries.Disputes"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="subjectId">Only the disputes about this stream; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The disputes, in id order.</returns>
    Task<IReadOnlyList<Dispute>> DisputesAsync(AsOfQuery query, string? subjectId = null, CancellationToken cancellationToken = default);
}
