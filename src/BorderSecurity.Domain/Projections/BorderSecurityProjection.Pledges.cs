using BorderSecurity.Domain.Pledges;

namespace BorderSecurity.Domain.Projections;

// Questions about pledges: each pledge is a small stream folded with its Evolve over the events that count.
internal sealed partial class BorderSecurityProjection
{
    private readonly SortedDictionary<string, Statements<IBorderSecurityEvent>> _pledges = new(StringComparer.Ordinal);

    /// <summary>Every pledge made as of the question, in id order, each with its open disputes.</summary>
    public IReadOnlyList<PledgeOverview> Pledges(AsOfQuery query)
    {
        lock (_gate)
        {
            var disputes = DisputesLocked(query).ToList();
            return [.. _pledges.Values.Select(s => s.AllCounting(query).Aggregate((Pledge?)null, Pledge.Evolve))
                .OfType<Pledge>()
                .Select(p => OpenDisputes.Attach(new PledgeOverview(query, p), disputes)!)];
        }
    }

    /// <summary>One pledge as of the question, with its open disputes; <see langword="null"/> if it was not made.</summary>
    public PledgeOverview? PledgeOf(string pledgeId, AsOfQuery query)
    {
        Guard.Against.Null(pledgeId);
        lock (_gate)
        {
            return _pledges.TryGetValue(pledgeId, out var stream)
                   && stream.AllCounting(query).Aggregate((Pledge?)null, Pledge.Evolve) is { } pledge
                ? OpenDisputes.Attach(new PledgeOverview(query, pledge), DisputesLocked(query))
                : null;
        }
    }
}
