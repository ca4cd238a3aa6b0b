using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Projections;

// Questions about Parliament: one bill's stage per House as of a date, and an Act's provisions in force.
public partial interface IBorderSecurityQueries
{
    /// <summary>
    /// One piece of legislation as of the question: its House and stage (<see cref="Legislation.Position"/>), its
    /// history per House, and its provisions in force. The same as the entry of <see cref="Legislation(AsOfQuery)"/> with that id.
    /// </summary>
    /// <param name="legislationId">The legislation's stream id.</param>
    /// <param name="query">The question.</param>
    /// <returns>The legislation, or <see langword="null"/> if it did not exist as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="legislationId"/> is null.</exception>
    Legislation? LegislationOf(string legislationId, AsOfQuery query)
    {
        Guard.Against.Null(legislationId);
        return Legislation(query).FirstOrDefault(l => l.LegislationId == legislationId);
    }

    /// <summary>Which provisions of an Act were in force on the question's date, as known at its instant, with the open disputes about it.</summary>
    /// <param name="legislationId">The legislation's stream id.</param>
    /// <param name="query">The question.</param>
    /// <returns>The provisions, or <see langword="null"/> if the legislation did not exist as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="legislationId"/> is null.</exception>
    ProvisionsInForce? ProvisionsInForce(string legislationId, AsOfQuery query) =>
        LegislationOf(legislationId, query) is { } legislation
            ? Projections.OpenDisputes.Attach(Projections.ProvisionsInForce.Of(query, legislation), Disputes(query, legislationId))
            : null;
}
