using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Projections;

/// <summary>Which provisions of an Act were in force on a date, as known at an instant.</summary>
/// <param name="Query">The question.</param>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Title">Its title as of the question (the Act's title once it has Royal Assent).</param>
/// <param name="IsAct">Whether it was an Act in force on the date (Royal Assent by then, not repealed).</param>
/// <param name="InForce">The provisions in force on the date, by name (ordinal), each with its commencement date and sources.</param>
public sealed partial record ProvisionsInForce(AsOfQuery Query, string LegislationId, string Title, bool IsAct, IReadOnlyList<ProvisionInForce> InForce)
{
    /// <summary>The answer for a piece of legislation as folded for the question.</summary>
    /// <param name="query">The question.</param>
    /// <param name="legislation">The legislation as of the question.</param>
    /// <returns>The answer.</returns>
    public static ProvisionsInForce Of(AsOfQuery query, Legislation legislation)
    {
        Guard.Against.Null(legislation);
        return new(query, legislation.LegislationId, legislation.Title, legislation.IsActOn(query.AsOf), legislation.ProvisionsInForceOn(query.AsOf));
    }

    /// <summary>Whether a provision was in force.</summary>
    /// <param name="provision">The provision, matched exactly (ordinal).</param>
    /// <returns><see langword="true"/> when it was.</returns>
    public bool Includes(string provision) => InForce.Any(p => p.Provision == provision);
}

/// <summary>One piece of legislation as of a question, with the disputes open about it.</summary>
/// <param name="Query">The question.</param>
/// <param name="Legislation">
/// The legislation as of the question: its House and stage (<see cref="Legislative.Legislation.Position"/>), its history
/// per House and its provisions.
/// </param>
public sealed partial record LegislationOverview(AsOfQuery Query, Legislation Legislation)
{
    /// <summary>The legislation's stream id.</summary>
    public string LegislationId => Legislation.LegislationId;
}
