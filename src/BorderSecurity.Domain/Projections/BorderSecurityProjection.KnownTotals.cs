using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

// Kept totals as known at an instant (issue #24): each scope's known changes with checkpoints (docs/projections.md,
// "Totals kept between questions"); asked and kept up to date from BorderSecurityProjection.Totals.cs.
internal sealed partial class BorderSecurityProjection
{
    /// <summary>
    /// The totals of some commitments as of any valid date as known at any instant (issue #24): the changes the commitments
    /// made at each instant their events became known (<see cref="FundingContributions.AsKnown"/>), ordered by that
    /// instant, and checkpoints every block of them: checkpoint b is the totals from each valid date of the changes of the
    /// first b + 1 blocks (<see cref="TotalsOverTime"/>'s sweep, each built from the one before by adding a block; a block
    /// ends with the last change known at its last instant). A question (date D, known at K) takes the last checkpoint whose
    /// changes are all known by K and adds the changes after it known by K and dated on or before D (about a block at most),
    /// by the same rule (<see cref="RunningTotals"/>).
    /// </summary>
    /// <remarks>
    /// A write is nearly always known after every change kept: its changes are appended, and a checkpoint is made when a
    /// block fills (when next asked). A change known before some kept changes (an imported history, a late-known
    /// correction) is merged into its place, and the checkpoints from its block on are made again when next asked.
    /// </remarks>
    private sealed class KnownTotalsOverTime(string? recipient, int minimumBlock)
    {
        public const int DefaultMinimumBlock = 1024;

        private List<Entry> _changes = [];
        private readonly List<(FundingOriginKind Origin, FundingBasis Basis, FundingPeriod Period)> _keys = [];
        private readonly Dictionary<(FundingOriginKind, FundingBasis, FundingPeriod), int> _keyIndex = [];
        private readonly List<TotalsByDate> _checkpoints = [];
        private readonly List<int> _ends = [];
        private int _block = minimumBlock;

        // A question's sums per key and the keys it touched (reused: questions are asked under the projection's lock).
        private (long Amount, long Allocated)[] _sums = [];
        private int[] _stamps = [];
        private int _question;
        private readonly List<int> _touched = [];

        // The totals of the changes of the checkpoints made (the last one's running sums), to make the next from; none
        // when a merged change invalidated them (made again from the changes before the first checkpoint that stands).
        private TotalsOverTime? _running = new(null);

        /// <summary>Counts the commitments' changes (a scope first asked), and sizes the blocks by them.</summary>
        public void Build(IEnumerable<IReadOnlyList<KnownFundingTotalsChange>> commitments)
        {
            foreach (var changes in commitments)
            {
                foreach (var change in changes)
                {
                    if (Counts(change))
                    {
                        _changes.Add(EntryOf(change));
                    }
                }
            }

            _changes.Sort(static (a, b) => a.KnownFrom.CompareTo(b.KnownFrom));
            _block = Math.Max(_block, _changes.Count / 64);
        }

        /// <summary>Adds a commitment's changes for a write (<see cref="FundingContributions.Between(IReadOnlyList{KnownFundingTotalsChange}, IReadOnlyList{KnownFundingTotalsChange})"/>, in known-from order).</summary>
        public void Add(IReadOnlyList<KnownFundingTotalsChange> changes)
        {
            var added = changes.Where(Counts).Select(EntryOf).ToList();
            if (added.Count == 0)
            {
                return;
            }

            if (_changes.Count == 0 || added[0].KnownFrom >= _changes[^1].KnownFrom)
            {
                _changes.AddRange(added);
                return;
            }

            // Known before some kept changes: merged into place; the checkpoints with changes from there on go.
            var at = UpperBound(added[0].KnownFrom);
            var merged = new List<Entry>(_changes.Count + added.Count);
            merged.AddRange(_changes.Take(at));
            int i = at, j = 0;
            while (i < _changes.Count || j < added.Count)
            {
                merged.Add(j == added.Count || (i < _changes.Count && _changes[i].KnownFrom <= added[j].KnownFrom) ? _changes[i++] : added[j++]);
            }

            _changes = merged;
            var standing = _ends.BinarySearch(at);
            standing = standing >= 0 ? standing + 1 : ~standing;
            if (standing < _checkpoints.Count)
            {
                _checkpoints.RemoveRange(standing, _checkpoints.Count - standing);
                _ends.RemoveRange(standing, _ends.Count - standing);
                _running = null;
            }
        }

        /// <summary>The block size, the checkpoints made and the changes kept.</summary>
        public (int Block, int Checkpoints, int Changes) Shape => (_block, _checkpoints.Count, _changes.Count);

        /// <summary>
        /// The totals as of a date as known at an instant: the nearer of the checkpoints either side of the changes known
        /// by then, with the changes between them and those known by then added (or, from the later checkpoint, the changes
        /// known after taken away), summed per key first and then added by the one rule.
        /// </summary>
        public FundingTotals AsOf(LocalDate date, Instant knownAt)
        {
            MakeCheckpoints();
            var known = UpperBound(knownAt);

            // The last checkpoint whose changes are all known by then (it ends at or before the first change known later).
            var before = _ends.BinarySearch(known);
            before = before >= 0 ? before : ~before - 1;
            var from = before >= 0 ? _ends[before] : 0;
            var (start, first, end, sign) = before + 1 < _ends.Count && _ends[before + 1] - known < known - from
                ? (_checkpoints[before + 1].AsOf(date), known, _ends[before + 1], -1m)
                : (before >= 0 ? _checkpoints[before].AsOf(date) : Projections.FundingTotals.None, from, known, 1m);
            if (_sums.Length < _keys.Count)
            {
                _sums = new (long, long)[_keys.Count * 2];
                _stamps = new int[_keys.Count * 2];
            }

            // Summed per key in pence first (a change is whole pence, as money is): a long add a change.
            _question++;
            var changes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_changes);
            for (var i = first; i < end; i++)
            {
                ref readonly var change = ref changes[i];
                if (change.From <= date)
                {
                    if (_stamps[change.Key] != _question)
                    {
                        _stamps[change.Key] = _question;
                        _sums[change.Key] = default;
                        _touched.Add(change.Key);
                    }

                    ref var sum = ref _sums[change.Key];
                    sum = (sum.Amount + change.AmountPence, sum.Allocated + change.AllocatedPence);
                }
            }

            if (_touched.Count == 0)
            {
                return start;
            }

            var running = new RunningTotals(start);
            foreach (var key in _touched)
            {
                var (origin, basis, period) = _keys[key];
                var (amount, allocated) = _sums[key];
                running.Add(origin, basis, period, sign * amount / 100m, sign * allocated / 100m);
            }

            _touched.Clear();
            return running.Totals();
        }

        // A checkpoint for every full block of changes, each from the one before (the running totals adding the block).
        private void MakeCheckpoints()
        {
            var made = _ends.Count > 0 ? _ends[^1] : 0;
            if (_running is null)
            {
                _running = new TotalsOverTime(null);
                AddToRunning(0, made);
            }

            while (made + _block <= _changes.Count)
            {
                // A block ends with the last change known at its instant: a commitment's changes at one instant (one
                // share taken away, another added) are never split, so every checkpoint is the totals at some instant.
                var end = made + _block;
                while (end < _changes.Count && _changes[end].KnownFrom == _changes[end - 1].KnownFrom)
                {
                    end++;
                }

                AddToRunning(made, end);
                _checkpoints.Add(_running.Snapshot());
                _ends.Add(made = end);
            }
        }

        private void AddToRunning(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var change = _changes[i];
                _running!.Add(change.From, _keys[change.Key], change.AmountPence / 100m, change.AllocatedPence / 100m);
            }
        }

        // The number of changes known at or before an instant (they are in known-from order).
        private int UpperBound(Instant knownAt)
        {
            int lo = 0, hi = _changes.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_changes[mid].KnownFrom <= knownAt)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private bool Counts(KnownFundingTotalsChange change) => recipient is null || change.Change.Recipient == recipient;

        private Entry EntryOf(KnownFundingTotalsChange known)
        {
            var c = known.Change;
            var key = (c.Origin, c.Basis, c.Period);
            if (!_keyIndex.TryGetValue(key, out var index))
            {
                _keyIndex[key] = index = _keys.Count;
                _keys.Add(key);
            }

            return new Entry(known.KnownFrom, c.From, index, Pence(c.Amount, known), Pence(c.Allocated, known));
        }

        // Money is whole pence, so a change of money is too.
        private static long Pence(decimal pounds, KnownFundingTotalsChange change) =>
            decimal.Truncate(pounds * 100m) == pounds * 100m
                ? (long)(pounds * 100m)
                : throw new InvalidOperationException($"A change to the funding totals is not whole pence ({pounds} in {change}): money is kept to the penny.");

        // One change: when it became known, the valid date it counts from, its (origin, basis, period) as an index into
        // the scope's keys, and its amounts in pence (40 bytes).
        private readonly record struct Entry(Instant KnownFrom, LocalDate From, int Key, long AmountPence, long AllocatedPence);
    }
}
