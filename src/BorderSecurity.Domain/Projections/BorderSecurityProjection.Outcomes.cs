using BorderSecurity.Domain.Outcomes;

namespace BorderSecurity.Domain.Projections;

// Questions about outcomes: each indicator is a small stream folded with its Evolve over the events that count.
internal sealed partial class BorderSecurityProjection
{
    private readonly SortedDictionary<string, Statements<IBorderSecurityEvent>> _outcomes = new(StringComparer.Ordinal);

    /// <summary>Every outcome indicator defined as of the question, in id order, each with its open disputes.</summary>
    public IReadOnlyList<IndicatorOverview> Indicators(AsOfQuery query)
    {
        lock (_gate)
        {
            var disputes = DisputesLocked(query).ToList();
            return [.. _outcomes.Values.Select(s => s.AllCounting(query).Aggregate((OutcomeIndicator?)null, OutcomeIndicator.Evolve))
                .OfType<OutcomeIndicator>()
                .Select(i => OpenDisputes.Attach(new IndicatorOverview(query, i), disputes)!)];
        }
    }

    /// <summary>One outcome indicator as of the question, with its open disputes; <see langword="null"/> if it was not defined.</summary>
    public IndicatorOverview? IndicatorOf(string indicatorId, AsOfQuery query)
    {
        Guard.Against.Null(indicatorId);
        lock (_gate)
        {
            return _outcomes.TryGetValue(indicatorId, out var stream)
                   && stream.AllCounting(query).Aggregate((OutcomeIndicator?)null, OutcomeIndicator.Evolve) is { } indicator
                ? OpenDisputes.Attach(new IndicatorOverview(query, indicator), DisputesLocked(query))
                : null;
        }
    }
}
