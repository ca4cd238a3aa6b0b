using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Projections;

// Questions about Parliament, answered by folding only the one stream asked about.
public sealed partial class BorderSecurityProjection
{
    /// <inheritdoc cref="IBorderSecurityQueries.LegislationOf"/>
    public Legislation? LegislationOf(string legislationId, AsOfQuery query)
    {
        Guard.Against.Null(legislationId);
        lock (_gate)
        {
            return _legislation.TryGetValue(legislationId, out var stream)
                ? stream.AllCounting(query).Aggregate((Legislation?)null, Legislative.Legislation.Evolve)
                : null;
        }
    }

    /// <inheritdoc cref="IBorderSecurityQueries.ProvisionsInForce"/>
    public ProvisionsInForce? ProvisionsInForce(string legislationId, AsOfQuery query)
    {
        lock (_gate)
        {
            return LegislationOf(legislationId, query) is { } legislation
                ? OpenDisputes.Attach(Projections.ProvisionsInForce.Of(query, legislation), DisputesLocked(query))
                : null;
        }
    }
}
