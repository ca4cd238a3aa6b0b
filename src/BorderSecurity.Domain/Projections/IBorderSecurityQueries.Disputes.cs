using BorderSecurity.Domain.Disputes;

namespace BorderSecurity.Domain.Projections;

// Questions about disputed facts.
public partial interface IBorderSecurityQueries
{
    /// <summary>
    /// The disputes recorded by the question's date, as known at its instant, open and resolved, in id order: each with
    /// its sides and their sources, and its resolution when that counts for the question (resolved later, or recorded
    /// after the known-at instant, it is still open).
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="subjectId">Only the disputes about this stream (a commitment, target, bill or command); <see langword="null"/> for all.</param>
    /// <returns>The disputes.</returns>
    IReadOnlyList<Dispute> Disputes(AsOfQuery query, string? subjectId = null);
}
