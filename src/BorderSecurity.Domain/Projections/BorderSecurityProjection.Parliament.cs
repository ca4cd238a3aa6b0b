using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Projections;

// Questions about Parliament, answered by folding only the one stream asked about, with the disputes open about it.
internal sealed partial class BorderSecurityProjection
{
    /// <summary>Every piece of legislation as of the question, in id order, each with its open disputes.</summary>
    public IReadOnlyList<LegislationOverview> LegislationOverviews(AsOfQuery query)
    {
        lock (_gate)
        {
            var disputes = DisputesLocked(query).ToList();
            return [.. Legislation(query).Select(l => OpenDisputes.Attach(new LegislationOverview(query, l), disputes)!)];
        }
    }

    /// <summary>One piece of legislation as of the question, with its open disputes; <see langword="null"/> if it did not exist.</summary>
    public LegislationOverview? LegislationOverviewOf(string legislationId, AsOfQuery query)
    {
        lock (_gate)
        {
            return LegislationOf(legislationId, query) is { } legislation
                ? OpenDisputes.Attach(new LegislationOverview(query, legislation), DisputesLocked(query))
                : null;
        }
    }

    /// <summary>One piece of legislation's bare state as of the question; <see langword="null"/> if it did not exist.</summary>
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

    /// <summary>Which provisions of an Act were in force on the question's date, with its open disputes; <see langword="null"/> if it did not exist.</summary>
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
