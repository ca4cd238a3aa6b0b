using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

// Maintained totals (issue #24): the totals of the portfolio and of each recipient as known now, kept per valid date where
// they change, so that a totals question known now is a binary search, not a sum over every commitment.
internal sealed partial class BorderSecurityProjection
{
    // Per recipient (and "" for the portfolio): the totals as known now from each valid date they change; built when first
    // asked after a change to one of its commitments, from the commitments' cached contributions.
    private readonly Dictionary<string, TotalsOverTime> _totals = new(StringComparer.Ordinal);
    private const string PortfolioKey = "";

    /// <summary>
    /// The funding totals (of one recipient, or all) as of the question (<see cref="Storage.IBorderSecurityQueries.FundingTotalsAsync"/>):
    /// known now, from the maintained totals; at an earlier known-at or recorded-by instant, summed over the positions
    /// that count (the same rule, <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/>).
    /// </summary>
    public FundingTotals FundingTotals(string? recipient, AsOfQuery query)
    {
        Guard.Against.Null(query);
        lock (_gate)
        {
            if (query.KnownAt is null && query.RecordedBy is null)
            {
                var key = recipient ?? PortfolioKey;
                if (!_totals.TryGetValue(key, out var totals))
                {
                    _totals[key] = totals = TotalsOverTime.Of(recipient, recipient is null ? _funding.Values : _fundingByRecipient.GetValueOrDefault(recipient) ?? []);
                }

                return totals.AsOf(query.AsOf);
            }

            IEnumerable<FundingFacts> facts = recipient is null ? _funding.Values : _fundingByRecipient.GetValueOrDefault(recipient) ?? [];
            return Projections.FundingTotals.Of(facts.Select(f => f.Position(query)).OfType<CommitmentPosition>()
                .Where(c => recipient is null || c.Recipient == recipient));
        }
    }

    // A commitment had an event: its contributions, and the totals of the portfolio and of each recipient it counts for, are rebuilt when next asked.
    private void Invalidate(FundingFacts facts)
    {
        facts.Changed();
        if (_totals.Count == 0)
        {
            return;
        }

        _totals.Remove(PortfolioKey);
        foreach (var recipient in facts.IndexedUnder)
        {
            _totals.Remove(recipient);
        }
    }

    /// <summary>Totals as known now from each valid date they change: the dates in order, the totals from each.</summary>
    private sealed class TotalsOverTime
    {
        private readonly LocalDate[] _from;
        private readonly FundingTotals[] _totals;

        private TotalsOverTime(LocalDate[] from, FundingTotals[] totals)
        {
            _from = from;
            _totals = totals;
        }

        /// <summary>The totals as of a date: those from the last change on or before it; none before the first.</summary>
        public FundingTotals AsOf(LocalDate date)
        {
            var index = Array.BinarySearch(_from, date);
            index = index >= 0 ? index : ~index - 1;
            return index < 0 ? Projections.FundingTotals.None : _totals[index];
        }

        /// <summary>
        /// Sweeps the commitments' contributions in date order, keeping the shares that count summed by origin, basis and
        /// period (totals are linear in the shares: <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/> sums them the
        /// same whether one by one or grouped), and takes the totals at each date where any changes.
        /// </summary>
        public static TotalsOverTime Of(string? recipient, IEnumerable<FundingFacts> commitments)
        {
            // Each change: on a date, a commitment's share before (to take away) and from then (to add).
            var changes = new List<(LocalDate On, FundingShare? Before, FundingShare? After)>();
            foreach (var commitment in commitments)
            {
                FundingShare? before = null;
                foreach (var (on, to, share) in commitment.Contributions)
                {
                    var counted = recipient is null || to == recipient ? share : null;
                    if (!Equals(counted, before))
                    {
                        changes.Add((on, before, counted));
                        before = counted;
                    }
                }
            }

            changes.Sort((a, b) => a.On.CompareTo(b.On));
            var sums = new Dictionary<(FundingOriginKind Origin, FundingBasis Basis, FundingPeriod Period), (decimal Amount, decimal Allocated)>();
            void Add(FundingShare share, int sign)
            {
                var key = (share.Origin, share.Basis, share.Period);
                var (amount, allocated) = sums.GetValueOrDefault(key);
                (amount, allocated) = (amount + (sign * share.Amount.Pounds), allocated + (sign * share.Allocated.Pounds));
                if (amount == 0 && allocated == 0)
                {
                    sums.Remove(key);
                }
                else
                {
                    sums[key] = (amount, allocated);
                }
            }

            var from = new List<LocalDate>();
            var totals = new List<FundingTotals>();
            for (var i = 0; i < changes.Count; i++)
            {
                var (on, before, after) = changes[i];
                if (before is not null)
                {
                    Add(before, -1);
                }

                if (after is not null)
                {
                    Add(after, +1);
                }

                if (i + 1 == changes.Count || changes[i + 1].On != on)
                {
                    from.Add(on);
                    totals.Add(Projections.FundingTotals.Of(sums.Select(s =>
                        new FundingShare(s.Key.Origin, s.Key.Basis, Money.FromPounds(s.Value.Amount), Money.FromPounds(s.Value.Allocated), s.Key.Period))));
                }
            }

            return new TotalsOverTime([.. from], [.. totals]);
        }
    }
}
