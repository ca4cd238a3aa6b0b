using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

// Maintained totals (issue #24): the totals of the portfolio and of each recipient as known now, kept per valid date where
// they change, so that a totals question known now is a binary search, not a sum over every commitment. A new event
// changes only its commitment's contribution: the kept totals take that commitment's old contribution away and add its
// new one when next asked.
internal sealed partial class BorderSecurityProjection
{
    private const string PortfolioKey = "";

    // Per recipient (and PortfolioKey for the portfolio), created when first asked; the commitments with events since.
    private readonly Dictionary<string, TotalsOverTime> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<FundingFacts> _changedCommitments = [];

    /// <summary>
    /// The funding totals (of one recipient, or all) as of the question (<see cref="Storage.IBorderSecurityQueries.FundingTotalsAsync"/>):
    /// known now, from the kept totals; at an earlier known-at or recorded-by instant, summed over the positions that count
    /// (the same rule, <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/>) without building the full answer.
    /// </summary>
    public FundingTotals FundingTotals(string? recipient, AsOfQuery query)
    {
        Guard.Against.Null(query);
        lock (_gate)
        {
            IEnumerable<FundingFacts> commitments = recipient is null ? _funding.Values : _fundingByRecipient.GetValueOrDefault(recipient) ?? [];
            if (query.KnownAt is not null || query.RecordedBy is not null)
            {
                return Projections.FundingTotals.Of(commitments.Select(f => f.Position(query)).OfType<CommitmentPosition>()
                    .Where(c => recipient is null || c.Recipient == recipient));
            }

            foreach (var changed in _changedCommitments)
            {
                changed.Changed();
                foreach (var key in changed.IndexedUnder.Append(PortfolioKey))
                {
                    _totals.GetValueOrDefault(key)?.Set(changed);
                }
            }

            _changedCommitments.Clear();
            var kept = recipient ?? PortfolioKey;
            if (!_totals.TryGetValue(kept, out var totals))
            {
                _totals[kept] = totals = new TotalsOverTime(recipient);
                foreach (var commitment in commitments)
                {
                    totals.Set(commitment);
                }
            }

            return totals.AsOf(query.AsOf);
        }
    }

    // A commitment had an event: the kept totals take its new contribution when next asked.
    private void Invalidate(FundingFacts facts)
    {
        if (_totals.Count == 0)
        {
            facts.Changed();
        }
        else
        {
            _changedCommitments.Add(facts);
        }
    }

    /// <summary>What one commitment's events contribute to the totals as known now (<see cref="FundingContributions.Of"/>).</summary>
    internal static IReadOnlyList<FundingContribution> ContributionsOf(IEnumerable<RecordedEvent> commitmentEvents) =>
        FactsOf(commitmentEvents, out _).Contributions;

    /// <summary>
    /// The changes one commitment's events make to the totals at each instant they became known
    /// (<see cref="FundingContributions.AsKnown"/>): for each known-from instant in order, the changes between its
    /// contribution as known just before and as known at that instant. An instant's events change nothing dated before
    /// the earliest of them, so only the contributions from that date on are worked out again.
    /// </summary>
    internal static IReadOnlyList<KnownFundingTotalsChange> ChangesAsKnownOf(IEnumerable<RecordedEvent> commitmentEvents)
    {
        var facts = FactsOf(commitmentEvents, out var events);
        var changes = new List<KnownFundingTotalsChange>();
        var dates = new SortedSet<LocalDate>();
        List<FundingContribution> counted = [];
        foreach (var known in events.GroupBy(e => e.KnownFrom).OrderBy(g => g.Key))
        {
            var earliest = LocalDate.MaxIsoValue;
            foreach (var recorded in known)
            {
                dates.Add(recorded.ValidOn);
                earliest = recorded.ValidOn < earliest ? recorded.ValidOn : earliest;
            }

            // The contributions before the earliest date stand. Both lists are compared from the last of those on: what
            // comes before it is the same in both, so FundingContributions.Between would cancel it.
            var stands = counted.FindIndex(c => c.From >= earliest);
            stands = stands < 0 ? counted.Count : stands;
            var from = Math.Max(0, stands - 1);
            var redone = dates.GetViewBetween(earliest, LocalDate.MaxIsoValue)
                .Select(date => facts.ContributionAt(new AsOfQuery(date, known.Key))).ToList();
            var before = counted.GetRange(from, counted.Count - from);
            counted.RemoveRange(stands, counted.Count - stands);
            counted.AddRange(redone);
            var after = counted.GetRange(from, counted.Count - from);
            changes.AddRange(FundingContributions.Between(before, after).Select(c => new KnownFundingTotalsChange(known.Key, c)));
        }

        return changes;
    }

    // One commitment's facts from its events, checked to be one funding commitment's.
    private static FundingFacts FactsOf(IEnumerable<RecordedEvent> commitmentEvents, out List<RecordedEvent> events)
    {
        var facts = new FundingFacts();
        events = [];
        string? stream = null;
        foreach (var recorded in commitmentEvents)
        {
            Guard.Against.Null(recorded, nameof(commitmentEvents));
            if (EventCatalogue.AggregateOf(recorded.Data.GetType()) != AggregateKind.FundingCommitment)
            {
                throw new ArgumentException(
                    $"{recorded.Data.GetType().Name} (stream {recorded.StreamId}, sequence {recorded.Sequence}) is not a funding commitment's event.", nameof(commitmentEvents));
            }

            if ((stream ??= recorded.StreamId) != recorded.StreamId)
            {
                throw new ArgumentException(
                    $"The events are of more than one stream ({stream} and {recorded.StreamId}): a contribution is one commitment's.", nameof(commitmentEvents));
            }

            facts.Apply(recorded);
            events.Add(recorded);
        }

        return facts;
    }

    /// <summary>
    /// The totals of some commitments as known now from each valid date they change. Kept as, per date, the changes of the
    /// shares that count summed by origin, basis and period (totals are linear in the shares:
    /// <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/> sums them the same one by one or grouped); the totals
    /// from each date are the running sums at that date, worked out again when asked after a change.
    /// </summary>
    private sealed class TotalsOverTime(string? recipient)
    {
        private readonly SortedDictionary<LocalDate, Dictionary<(FundingOriginKind Origin, FundingBasis Basis, FundingPeriod Period), (decimal Amount, decimal Allocated)>> _changes = [];
        private readonly Dictionary<FundingFacts, IReadOnlyList<FundingContribution>> _counted = [];
        private readonly List<LocalDate> _from = [];
        private readonly List<FundingTotals> _totals = [];

        // The earliest date a change was made on since the running totals were last worked out; none when they are up to date.
        private LocalDate? _staleFrom;

        /// <summary>Takes away what the commitment added before (if anything) and adds its contribution now (<see cref="FundingContributions.Between(IReadOnlyList{FundingContribution}, IReadOnlyList{FundingContribution})"/>).</summary>
        public void Set(FundingFacts commitment)
        {
            var now = commitment.Contributions;
            foreach (var change in FundingContributions.Between(_counted.GetValueOrDefault(commitment) ?? [], now))
            {
                if (recipient is null || change.Recipient == recipient)
                {
                    if (!_changes.TryGetValue(change.From, out var sums))
                    {
                        _changes[change.From] = sums = [];
                    }

                    Add(sums, (change.Origin, change.Basis, change.Period), change.Amount, change.Allocated);
                    if (sums.Count == 0)
                    {
                        _changes.Remove(change.From);
                    }

                    _staleFrom = _staleFrom is { } stale && stale < change.From ? stale : change.From;
                }
            }

            _counted[commitment] = now;
        }

        /// <summary>The totals as of a date: those from the last change on or before it; none before the first.</summary>
        public FundingTotals AsOf(LocalDate date)
        {
            if (_staleFrom is { } stale)
            {
                Sweep(stale);
                _staleFrom = null;
            }

            var index = _from.BinarySearch(date);
            index = index >= 0 ? index : ~index - 1;
            return index < 0 ? Projections.FundingTotals.None : _totals[index];
        }

        // Adds to the sums of one key (amounts may be negative: a change takes a share away); a key summing to nothing goes.
        private static void Add(Dictionary<(FundingOriginKind, FundingBasis, FundingPeriod), (decimal Amount, decimal Allocated)> sums,
            (FundingOriginKind, FundingBasis, FundingPeriod) key, decimal addAmount, decimal addAllocated)
        {
            var (amount, allocated) = sums.GetValueOrDefault(key);
            (amount, allocated) = (amount + addAmount, allocated + addAllocated);
            if (amount == 0 && allocated == 0)
            {
                sums.Remove(key);
            }
            else
            {
                sums[key] = (amount, allocated);
            }
        }

        // The running totals at each date with a change, in date order, worked out again from the first date that changed
        // (those before it stand; the running sums start from the totals just before it). Each date's changes are added to
        // the running totals as FundingTotals.Of adds a share (the same split by origin and basis; a yearly level to its
        // group), so a date costs the keys that changed on it, and the yearly levels' list is made again only on a date
        // where one moved.
        private void Sweep(LocalDate changedFrom)
        {
            var kept = _from.BinarySearch(changedFrom);
            kept = kept >= 0 ? kept : ~kept;
            _from.RemoveRange(kept, _from.Count - kept);
            _totals.RemoveRange(kept, _totals.Count - kept);
            var before = kept > 0 ? _totals[kept - 1] : Projections.FundingTotals.None;
            decimal total = before.Total.Pounds, newMoney = before.NewMoney.Pounds, redirected = before.Redirected.Pounds, firm = before.Firm.Pounds,
                ceiling = before.Ceiling.Pounds, allocated = before.Allocated.Pounds;

            // A group is listed while any of its levels counts, so the listed groups are every group with a sum.
            var levels = new SortedDictionary<YearlyLevelGroups.Key, decimal[]>();
            foreach (var l in before.YearlyLevels)
            {
                levels[new YearlyLevelGroups.Key(l.Coverage, l.FirstYear, l.LastYear)] =
                    [l.PerYear.Pounds, l.NewMoney.Pounds, l.Redirected.Pounds, l.Firm.Pounds, l.Ceiling.Pounds, l.Allocated.Pounds];
            }

            var levelList = before.YearlyLevels;
            foreach (var (on, changes) in _changes)
            {
                if (on < changedFrom)
                {
                    continue;
                }

                var levelsMoved = false;
                foreach (var ((origin, basis, period), (amount, allocatedAmount)) in changes)
                {
                    if (period.IsYearlyLevel)
                    {
                        var key = YearlyLevelGroups.KeyOf(period);
                        if (!levels.TryGetValue(key, out var sums))
                        {
                            levels[key] = sums = new decimal[6];
                        }

                        sums[0] += amount;
                        sums[origin == FundingOriginKind.NewMoney ? 1 : 2] += amount;
                        sums[basis == FundingBasis.Firm ? 3 : 4] += amount;
                        sums[5] += allocatedAmount;
                        levelsMoved = true;
                        continue;
                    }

                    total += amount;
                    newMoney += origin == FundingOriginKind.NewMoney ? amount : 0;
                    redirected += origin == FundingOriginKind.Redirected ? amount : 0;
                    firm += basis == FundingBasis.Firm ? amount : 0;
                    ceiling += basis == FundingBasis.UpTo ? amount : 0;
                    allocated += allocatedAmount;
                }

                if (levelsMoved)
                {
                    // A group is listed while any of its levels counts: every level counted has an amount, so while its sum has one.
                    levelList = [.. levels.Where(l => l.Value[0] != 0).Select(l => new YearlyLevelTotals(l.Key.Coverage, l.Key.FirstYear, l.Key.LastYear,
                        Money.FromPounds(l.Value[0]), Money.FromPounds(l.Value[1]), Money.FromPounds(l.Value[2]), Money.FromPounds(l.Value[3]),
                        Money.FromPounds(l.Value[4]), Money.FromPounds(l.Value[5]), Money.FromPounds(l.Value[0] - l.Value[5])))];
                }

                _from.Add(on);
                _totals.Add(new FundingTotals(Money.FromPounds(total), Money.FromPounds(newMoney), Money.FromPounds(redirected), Money.FromPounds(firm),
                    Money.FromPounds(ceiling), Money.FromPounds(allocated), Money.FromPounds(total - allocated))
                {
                    YearlyLevels = levelList,
                });
            }
        }
    }
}
