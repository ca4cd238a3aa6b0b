using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

// Maintained totals (issue #24): the totals of the portfolio and of each recipient as known now, kept per valid date where
// they change, so that a totals question known now is a binary search, not a sum over every commitment. A new event
// changes only its commitment's contribution: the kept totals take that commitment's old contribution away and add its
// new one when next asked. The totals as known at an earlier instant are kept too (KnownTotalsOverTime): the changes the
// commitments made at each instant their events became known, in known-from order, with the running totals per valid date
// at checkpoints along them, so that such a question is a checkpoint and at most a block of changes, not a sum over every
// commitment.
internal sealed partial class BorderSecurityProjection
{
    private const string PortfolioKey = "";

    // Per recipient (and PortfolioKey for the portfolio), created when first asked; the commitments with events since.
    private readonly Dictionary<string, TotalsOverTime> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<FundingFacts> _changedCommitments = [];

    // The same for the totals as known at an instant; the commitments with events since they were last counted.
    private readonly Dictionary<string, KnownTotalsOverTime> _knownTotals = new(StringComparer.Ordinal);
    private readonly HashSet<FundingFacts> _changedKnown = [];

    /// <summary>
    /// The fewest changes between two checkpoints of the totals as known at an instant (<see cref="KnownTotalsOverTime"/>);
    /// a scope's blocks are this or a 64th of its changes when first asked, whichever is more. Set before the first
    /// known-at totals question (tests set it small to cross many checkpoints).
    /// </summary>
    internal int KnownTotalsMinimumBlock { get; set; } = KnownTotalsOverTime.DefaultMinimumBlock;

    /// <summary>
    /// The funding totals (of one recipient, or all) as of the question (<see cref="Storage.IBorderSecurityQueries.FundingTotalsAsync"/>):
    /// known now, from the kept totals; known at an earlier instant, from the kept totals as known then
    /// (<see cref="KnownTotalsOverTime"/>); as recorded by an instant, summed over the positions that count (the same rule,
    /// <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/>) without building the full answer.
    /// </summary>
    public FundingTotals FundingTotals(string? recipient, AsOfQuery query)
    {
        Guard.Against.Null(query);
        lock (_gate)
        {
            IEnumerable<FundingFacts> commitments = recipient is null ? _funding.Values : _fundingByRecipient.GetValueOrDefault(recipient) ?? [];
            if (query is { KnownAt: { } knownAt, RecordedBy: null })
            {
                return KnownTotals(recipient, commitments).AsOf(query.AsOf, knownAt);
            }

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

    /// <summary>The shape of the kept totals as known at an instant of one recipient (or all), if kept: for tests that cross checkpoints.</summary>
    internal (int Block, int Checkpoints, int Changes)? KnownTotalsShape(string? recipient)
    {
        lock (_gate)
        {
            return _knownTotals.TryGetValue(recipient ?? PortfolioKey, out var totals) ? totals.Shape : null;
        }
    }

    // The kept totals as known at an instant of one recipient (or all), brought up to date with the commitments that had
    // events since they were last counted; built from every commitment's known changes when first asked. Under the lock.
    private KnownTotalsOverTime KnownTotals(string? recipient, IEnumerable<FundingFacts> commitments)
    {
        foreach (var changed in _changedKnown)
        {
            // What every kept scope counts for the commitment (none when no scope counted it yet), and what it makes now.
            var counted = changed.CountedKnownChanges ?? [];
            var now = changed.KnownChanges();
            var changes = FundingContributions.Between(counted, now);
            foreach (var key in changed.IndexedUnder.Append(PortfolioKey))
            {
                _knownTotals.GetValueOrDefault(key)?.Add(changes);
            }

            changed.CountedKnownChanges = now;
        }

        _changedKnown.Clear();
        var kept = recipient ?? PortfolioKey;
        if (!_knownTotals.TryGetValue(kept, out var totals))
        {
            _knownTotals[kept] = totals = new KnownTotalsOverTime(recipient, KnownTotalsMinimumBlock);
            totals.Build(commitments.Select(c => c.CountedKnownChanges ??= c.KnownChanges()));
        }

        return totals;
    }

    // A commitment had an event: the kept totals take its new contribution when next asked. While no totals as known at an
    // instant are kept, the commitment's counted known changes are only forgotten (worked out again when a scope is built).
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

        if (_knownTotals.Count == 0)
        {
            facts.CountedKnownChanges = null;
        }
        else
        {
            _changedKnown.Add(facts);
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
        return ChangesAsKnown(facts, events.Select(e => (e.KnownFrom, e.ValidOn)));
    }

    // The rule of ChangesAsKnownOf, from a commitment's facts and its events' known-from instants and valid dates (the
    // kept totals as known at an instant read them from the commitment's facts, FundingFacts.KnownChanges).
    private static List<KnownFundingTotalsChange> ChangesAsKnown(FundingFacts facts, IEnumerable<(Instant KnownFrom, LocalDate ValidOn)> events)
    {
        var changes = new List<KnownFundingTotalsChange>();
        var dates = new SortedSet<LocalDate>();
        List<FundingContribution> counted = [];
        foreach (var known in events.GroupBy(e => e.KnownFrom).OrderBy(g => g.Key))
        {
            var earliest = LocalDate.MaxIsoValue;
            foreach (var (_, validOn) in known)
            {
                dates.Add(validOn);
                earliest = validOn < earliest ? validOn : earliest;
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
                    Add(change.From, (change.Origin, change.Basis, change.Period), change.Amount, change.Allocated);
                }
            }

            _counted[commitment] = now;
        }

        /// <summary>Adds one change (of the recipient's totals, or any when kept for all) from a valid date on.</summary>
        public void Add(LocalDate from, (FundingOriginKind Origin, FundingBasis Basis, FundingPeriod Period) key, decimal amount, decimal allocated)
        {
            if (!_changes.TryGetValue(from, out var sums))
            {
                _changes[from] = sums = [];
            }

            var (summedAmount, summedAllocated) = sums.GetValueOrDefault(key);
            (summedAmount, summedAllocated) = (summedAmount + amount, summedAllocated + allocated);
            if (summedAmount == 0 && summedAllocated == 0)
            {
                // A key summing to nothing goes, and a date with no key left.
                sums.Remove(key);
                if (sums.Count == 0)
                {
                    _changes.Remove(from);
                }
            }
            else
            {
                sums[key] = (summedAmount, summedAllocated);
            }

            _staleFrom = _staleFrom is { } stale && stale < from ? stale : from;
        }

        /// <summary>The totals as of a date: those from the last change on or before it; none before the first.</summary>
        public FundingTotals AsOf(LocalDate date)
        {
            Refresh();
            var index = _from.BinarySearch(date);
            index = index >= 0 ? index : ~index - 1;
            return index < 0 ? Projections.FundingTotals.None : _totals[index];
        }

        /// <summary>The totals from each date as they stand now, kept apart from later changes (a checkpoint).</summary>
        public TotalsByDate Snapshot()
        {
            Refresh();
            return new TotalsByDate([.. _from], [.. _totals]);
        }

        private void Refresh()
        {
            if (_staleFrom is { } stale)
            {
                Sweep(stale);
                _staleFrom = null;
            }
        }

        // The running totals at each date with a change, in date order, worked out again from the first date that changed
        // (those before it stand; the running sums start from the totals just before it). Each date's changes are added to
        // the running totals by the one rule (RunningTotals.Add), so a date costs the keys that changed on it.
        private void Sweep(LocalDate changedFrom)
        {
            var kept = _from.BinarySearch(changedFrom);
            kept = kept >= 0 ? kept : ~kept;
            _from.RemoveRange(kept, _from.Count - kept);
            _totals.RemoveRange(kept, _totals.Count - kept);
            var running = new RunningTotals(kept > 0 ? _totals[kept - 1] : Projections.FundingTotals.None);
            foreach (var (on, changes) in _changes)
            {
                if (on < changedFrom)
                {
                    continue;
                }

                foreach (var ((origin, basis, period), (amount, allocated)) in changes)
                {
                    running.Add(origin, basis, period, amount, allocated);
                }

                _from.Add(on);
                _totals.Add(running.Totals());
            }
        }
    }

    /// <summary>Totals from each valid date (a checkpoint of <see cref="KnownTotalsOverTime"/>): those from the last date on or before a date.</summary>
    private sealed class TotalsByDate(LocalDate[] from, FundingTotals[] totals)
    {
        public FundingTotals AsOf(LocalDate date)
        {
            var index = Array.BinarySearch(from, date);
            index = index >= 0 ? index : ~index - 1;
            return index < 0 ? Projections.FundingTotals.None : totals[index];
        }
    }

    /// <summary>
    /// Running funding totals that changes are added to, one at a time, as <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/>
    /// adds a share (the same split by origin and basis; a yearly level to its group): the one rule by which the kept totals
    /// add changes, used by the sweep of <see cref="TotalsOverTime"/> and by the questions of <see cref="KnownTotalsOverTime"/>.
    /// </summary>
    /// <remarks>
    /// Starting costs nothing but the six sums: a yearly level's group is read from the totals so far only when a change
    /// moves it, and the yearly levels' list is made again only when one moved, keeping the <see cref="YearlyLevelTotals"/>
    /// of every group that did not (totals made one after another share them). A group is listed while any of its levels
    /// counts, so while its sum has one; at totals of changes that all count (every commitment's changes at an instant,
    /// which is when <see cref="Totals"/> is asked) a group summing to nothing has nothing in any of its sums, so it goes.
    /// </remarks>
    private sealed class RunningTotals(FundingTotals start)
    {
        // The groups moved since the list was last made: their six sums (per year, new money, redirected, firm, ceiling, allocated).
        private readonly SortedDictionary<YearlyLevelGroups.Key, decimal[]> _moved = [];
        private decimal _total = start.Total.Pounds, _newMoney = start.NewMoney.Pounds, _redirected = start.Redirected.Pounds,
            _firm = start.Firm.Pounds, _ceiling = start.Ceiling.Pounds, _allocated = start.Allocated.Pounds;

        // In group order, as every list of yearly levels is.
        private IReadOnlyList<YearlyLevelTotals> _levelList = start.YearlyLevels;

        /// <summary>Adds a change to the amounts that split as origin, basis and period (negative amounts take away).</summary>
        public void Add(FundingOriginKind origin, FundingBasis basis, FundingPeriod period, decimal amount, decimal allocated)
        {
            if (period.IsYearlyLevel)
            {
                var key = YearlyLevelGroups.KeyOf(period);
                if (!_moved.TryGetValue(key, out var sums))
                {
                    _moved[key] = sums = Listed(key) is { } l
                        ? [l.PerYear.Pounds, l.NewMoney.Pounds, l.Redirected.Pounds, l.Firm.Pounds, l.Ceiling.Pounds, l.Allocated.Pounds]
                        : new decimal[6];
                }

                sums[0] += amount;
                sums[origin == FundingOriginKind.NewMoney ? 1 : 2] += amount;
                sums[basis == FundingBasis.Firm ? 3 : 4] += amount;
                sums[5] += allocated;
                return;
            }

            _total += amount;
            _newMoney += origin == FundingOriginKind.NewMoney ? amount : 0;
            _redirected += origin == FundingOriginKind.Redirected ? amount : 0;
            _firm += basis == FundingBasis.Firm ? amount : 0;
            _ceiling += basis == FundingBasis.UpTo ? amount : 0;
            _allocated += allocated;
        }

        /// <summary>The totals with every change added so far.</summary>
        public FundingTotals Totals()
        {
            if (_moved.Count > 0)
            {
                // The listed groups that did not move, and the moved ones that have a sum, in group order.
                var list = new List<YearlyLevelTotals>(_levelList.Count + _moved.Count);
                using var moved = _moved.GetEnumerator();
                var more = moved.MoveNext();
                foreach (var l in _levelList)
                {
                    var key = new YearlyLevelGroups.Key(l.Coverage, l.FirstYear, l.LastYear);
                    for (; more && moved.Current.Key.CompareTo(key) < 0; more = moved.MoveNext())
                    {
                        AddMoved(list, moved.Current);
                    }

                    if (more && moved.Current.Key.CompareTo(key) == 0)
                    {
                        AddMoved(list, moved.Current);
                        more = moved.MoveNext();
                    }
                    else
                    {
                        list.Add(l);
                    }
                }

                for (; more; more = moved.MoveNext())
                {
                    AddMoved(list, moved.Current);
                }

                _levelList = list;
                _moved.Clear();
            }

            return new FundingTotals(Money.FromPounds(_total), Money.FromPounds(_newMoney), Money.FromPounds(_redirected), Money.FromPounds(_firm),
                Money.FromPounds(_ceiling), Money.FromPounds(_allocated), Money.FromPounds(_total - _allocated))
            {
                YearlyLevels = _levelList,
            };
        }

        private static void AddMoved(List<YearlyLevelTotals> list, KeyValuePair<YearlyLevelGroups.Key, decimal[]> group)
        {
            var (key, sums) = (group.Key, group.Value);
            if (sums[0] != 0)
            {
                list.Add(new YearlyLevelTotals(key.Coverage, key.FirstYear, key.LastYear, Money.FromPounds(sums[0]), Money.FromPounds(sums[1]),
                    Money.FromPounds(sums[2]), Money.FromPounds(sums[3]), Money.FromPounds(sums[4]), Money.FromPounds(sums[5]),
                    Money.FromPounds(sums[0] - sums[5])));
            }
        }

        // The listed group with a key (the list is short: a few dozen groups at most).
        private YearlyLevelTotals? Listed(YearlyLevelGroups.Key key)
        {
            foreach (var l in _levelList)
            {
                if (l.Coverage == key.Coverage && l.FirstYear == key.FirstYear && l.LastYear == key.LastYear)
                {
                    return l;
                }
            }

            return null;
        }
    }
}
