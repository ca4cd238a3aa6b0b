namespace BorderSecurity.Domain.Projections;

/// <summary>
/// The statements of one fact (an amount, an allocation, a headcount) kept sorted by valid date then recording
/// order. The fact's value for a question is its latest statement that counts: the one with the greatest
/// (valid date, sequence) among those with valid date &lt;= as-of that the question knows (<see cref="AsOfQuery.Knows"/>).
/// </summary>
/// <remarks>
/// <para>Rows are appended as they arrive and sorted on the next read when they arrived out of order, so building from
/// a log of N events costs O(N log N), not the O(N^2) of keeping the list sorted on every insert.</para>
/// <para>A row is 40 bytes plus its value, as before events had two instants: nearly every event is known from the instant
/// it was recorded, so a row keeps only the recorded instant, and an imported event's different known-from instant is kept
/// aside (<see cref="Row.Known"/> indexes it; -1 when the two are the same). The rows of a projection are most of its
/// memory and of what a fold allocates, so 16 more bytes a row cost a fold about 100 bytes an event.</para>
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class Statements<T>
{
    private static readonly Comparison<Row> Order =
        (a, b) => a.ValidOn != b.ValidOn ? a.ValidOn.CompareTo(b.ValidOn) : a.Sequence.CompareTo(b.Sequence);

    private readonly List<Row> _rows = [];
    private List<Instant>? _knownFrom;
    private bool _sorted = true;

    /// <summary>Whether any row's known-from instant differs from its recorded instant (an imported event).</summary>
    public bool HasSeparateKnownFrom => _knownFrom is not null;

    public void Add(RecordedEvent recorded, T value)
    {
        var knownFrom = recorded.KnownFrom;
        var known = -1;
        if (knownFrom != recorded.RecordedAt)
        {
            (_knownFrom ??= []).Add(knownFrom);
            known = _knownFrom.Count - 1;
        }

        var row = new Row(recorded.ValidOn, known, recorded.Sequence, recorded.RecordedAt, value);
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
            if (Knows(query, _rows[i]))
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
            if (Knows(query, _rows[i]))
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
            if (Knows(query, _rows[i]))
            {
                yield return _rows[i].Value;
            }
        }
    }

    /// <summary>How many rows count for a question (as <see cref="AllCounting"/> enumerates them, without enumerating).</summary>
    public int CountCounting(AsOfQuery query)
    {
        var end = UpperBound(query.AsOf, long.MaxValue);
        var count = 0;
        for (var i = 0; i < end; i++)
        {
            if (Knows(query, _rows[i]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The number of rows, sorted.</summary>
    public int Count => _rows.Count;

    /// <summary>How many rows (in valid order) have a valid date on or before <paramref name="asOf"/>.</summary>
    public int CountUpTo(LocalDate asOf) => UpperBound(asOf, long.MaxValue);

    /// <summary>The known-from and recorded instants and the value of the i-th row in valid order.</summary>
    public (Instant KnownFrom, Instant RecordedAt, T Value) InstantsAndValueAt(int index)
    {
        EnsureSorted();
        var row = _rows[index];
        return (KnownFrom(row), row.RecordedAt, row.Value);
    }

    /// <summary>The valid dates of the rows within a question's knowledge (its valid date is not used).</summary>
    public IEnumerable<LocalDate> ValidDates(AsOfQuery knowledge) =>
        _rows.Where(r => Knows(knowledge, r)).Select(r => r.ValidOn);

    /// <summary>Every row's known-from instant and valid date, in no particular order.</summary>
    public IEnumerable<(Instant KnownFrom, LocalDate ValidOn)> KnownDates() => _rows.Select(r => (KnownFrom(r), r.ValidOn));

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

    private Instant KnownFrom(in Row row) => row.Known < 0 ? row.RecordedAt : _knownFrom![row.Known];

    private bool Knows(in AsOfQuery query, in Row row) => query.Knows(KnownFrom(row), row.RecordedAt);

    private void EnsureSorted()
    {
        if (!_sorted)
        {
            _rows.Sort(Order);
            _sorted = true;
        }
    }

    /// <summary>One statement: valid date, recording order, recorded instant, value; <see cref="Known"/> indexes the known-from
    /// instant kept aside when it differs from the recorded one, or is -1. Fields in this order leave no padding before the value.</summary>
    private readonly record struct Row(LocalDate ValidOn, int Known, long Sequence, Instant RecordedAt, T Value);
}
