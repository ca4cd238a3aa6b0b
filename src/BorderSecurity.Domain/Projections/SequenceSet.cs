namespace BorderSecurity.Domain.Projections;

/// <summary>
/// A set of sequence numbers as a bitmap in 64K-bit pages: sequence numbers from one store are dense, so a page
/// covers 65,536 of them in 8 KiB. Adding is a dictionary lookup per page change and a bit test, with no allocation
/// per member (a <see cref="HashSet{T}"/> of <see cref="long"/> costs about 24 bytes and a hash per member).
/// </summary>
internal sealed class SequenceSet
{
    private const int PageBits = 16;
    private const long PageMask = (1L << PageBits) - 1;

    private readonly Dictionary<long, ulong[]> _pages = [];
    private long _lastPageKey = long.MinValue;
    private ulong[]? _lastPage;

    /// <summary>How many sequence numbers the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a sequence number.</summary>
    /// <param name="sequence">The sequence number.</param>
    /// <returns><see langword="true"/> if it was not in the set.</returns>
    public bool Add(long sequence)
    {
        var key = sequence >> PageBits;
        if (key != _lastPageKey || _lastPage is null)
        {
            if (!_pages.TryGetValue(key, out var page))
            {
                _pages[key] = page = new ulong[(1 << PageBits) / 64];
            }

            (_lastPageKey, _lastPage) = (key, page);
        }

        var bit = sequence & PageMask;
        ref var word = ref _lastPage[bit >> 6];
        var mask = 1UL << (int)(bit & 63);
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        Count++;
        return true;
    }
}
