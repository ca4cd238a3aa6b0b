using BorderSecurity.Domain.Disputes;

namespace BorderSecurity.Domain.Projections;

// Open disputes for answers that are an aggregate's bare state (legislation): asked by subject, under the one rule.
public partial interface IBorderSecurityQueries
{
    /// <summary>
    /// The disputes open for the question about one subject (a commitment, target, bill or command), in dispute-id order:
    /// what an answer that includes the subject lists (<see cref="OpenDisputes"/>). For answers that are an aggregate's
    /// bare state, such as <see cref="Legislation(AsOfQuery)"/> and <see cref="LegislationOf"/>, ask this with its id.
    /// </summary>
    /// <param name="subjectId">The subject's stream id.</param>
    /// <param name="query">The question.</param>
    /// <returns>The open disputes about it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    IReadOnlyList<Dispute> OpenDisputesAbout(string subjectId, AsOfQuery query)
    {
        Guard.Against.Null(subjectId);
        return Projections.OpenDisputes.About(Disputes(query, subjectId), [subjectId]);
    }
}
