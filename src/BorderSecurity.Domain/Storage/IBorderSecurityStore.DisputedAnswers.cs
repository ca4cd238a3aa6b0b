using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Storage;

// Open disputes for answers that are an aggregate's bare state (legislation): asked by subject, under the one rule.
public partial interface IBorderSecurityStore
{
    /// <summary>The disputes open for the question about one subject, in dispute-id order (see <see cref="IBorderSecurityQueries.OpenDisputesAbout"/>).</summary>
    /// <param name="subjectId">The subject's stream id.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The open disputes about it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    async Task<IReadOnlyList<Dispute>> OpenDisputesAboutAsync(string subjectId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(subjectId);
        return OpenDisputes.About(await DisputesAsync(query, subjectId, cancellationToken).ConfigureAwait(false), [subjectId]);
    }
}
