namespace BorderSecurity.Domain.Projections;

/// <summary>
/// The statements of one fact (an amount, an allocation, a headcount) kept sorted by valid date then recording
/// order. The fact's value for a question is its latest statement that counts: the one with the greatest
/// (valid date, sequence) among those with valid date &lt;= as-of that the question knows (<see cref="AsOfQuery.Knows"/>).
/// </summary>
/// <remarks>
/// Rows are appended as they arrive and sorted on the next read when they arrived out of order, so building from
/// a log of N events costs O(N log N), not the O(N^2) of keeping the list sorted on every insert.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class Statements<T>
{
    private static readonly Comparison<(LocalDate ValidOn, long Sequence, Instant KnownFrom, Instant RecordedAt, T Value)> Order =
        (a, b) => a.ValidOn != b.ValidOn ? a.ValidOn.CompareTo(b.ValidOn) : a.Sequence.CompareTo(b.Sequence);

    private readonly List<(LocalDate ValidOn, long Sequence, Instant KnownFrom, Instant RecordedAt, T Value)> _rows = [];
    private bool _sorted = true;

    public void Add(RecordedEvent recorded, T value)
    {
        var row = (recorded.ValidOn, recorded.Sequence, recorded.KnownFrom, recorded.RecordedAt, value);
        if (_sorted && _rows.Count > 0 && Order(_rows[^1], row) > 0)
        {
            _sorted = false;
        }

        _rows.Add(row);
    }

    public bool TryLatest(AsOfQuery query, out T value)
    {
        for (var i = UpperBound(query.AsOf, long.MaxValue) - 1; i >= 0; i--)
        {
            if (query.Knows(_rows[i].KnownFrom, _rows[i].RecordedAt))
            {
                value = _rows[i].Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Like <see cref="TryLatest"/>, also giving the latest counting row's valid date.</summary>
    public bool TryLatestWithDate(AsOfQuery query, out T value, out LocalDate validOn)
    {
        for (var i = UpperBound(query.AsOf, long.MaxValue) - 1; i >= 0; i--)
        {
            if (query.Knows(_rows[i].KnownFrom, _rows[i].RecordedAt))
            {
                (value, validOn) = (_rows[i].Value, _rows[i].ValidOn);
                return true;
            }
        }

        (value, validOn) = (default!, default);
        return false;
    }

    public IEnumerable<T> AllCounting(AsOfQuery query)
    {
        var end = UpperBound(query.AsOf, long.MaxValue);
        for (var i = 0; i < end; i++)
        {
            if (query.Knows(_rows[i].KnownFrom, _rows[i].RecordedAt))
            {
                yield return _rows[i].Value;
            }
        }
    }

    /// <summary>The number of rows, sorted.</summary>
    public int Count => _rows.Count;

    /// <summary>How many rows (in valid order) have a valid date on or before <paramref name="asOf"/>.</summary>
    public int CountUpTo(LocalDate asOf) => UpperBound(asOf, long.MaxValue);

    /// <summary>The known-from and recorded instants and the value of the i-th row in valid order.</summary>
    public (Instant KnownFrom, Instant RecordedAt, T Value) InstantsAndValueAt(int index)
    {
        EnsureSorted();
        return (_rows[index].KnownFrom, _rows[index].RecordedAt, _rows[index].Value);
    }

    /// <summary>The valid dates of the rows within a question's knowledge (its valid date is not used).</summary>
    public IEnumerable<LocalDate> ValidDates(AsOfQuery knowledge) =>
        _rows.Where(r => knowledge.Knows(r.KnownFrom, r.RecordedAt)).Select(r => r.ValidOn);

    /// <summary>The index of the first row after (validOn, sequence).</summary>
    private int UpperBound(LocalDate validOn, long sequence)
    {
        EnsureSorted();

        int lo = 0, hi = _rows.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var r = _rows[mid];
            if (r.ValidOn < validOn || (r.ValidOn == validOn && r.Sequence <= sequence))
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

    private void EnsureSorted()
    {
        if (!_sorted)
        {
            _rows.Sort(Order);
            _sorted = true;
        }
    }
}
