namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The histories of recently written streams, least recently used evicted first, so a write can decide without
/// first reading its stream back. A cached history is only a guess at the stream's current state: the append that
/// follows carries the expected version, so a history made stale by another writer (another process, another
/// store instance) is caught by PostgreSQL, and the write is decided again on a fresh read.
/// </summary>
internal sealed class StreamCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();

    public bool TryGet(string streamId, out Entry entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(streamId, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                entry = node.Value;
                return true;
            }
        }

        entry = null!;
        return false;
    }

    public void Set(string streamId, long version, IReadOnlyList<IBorderSecurityEvent> events)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.Remove(streamId, out var old))
            {
                _order.Remove(old);
            }
            else if (_entries.Count >= capacity)
            {
                _entries.Remove(_order.Last!.Value.StreamId);
                _order.RemoveLast();
            }

            _entries[streamId] = _order.AddFirst(new Entry(streamId, version, events));
        }
    }

    public void Remove(string streamId)
    {
        lock (_gate)
        {
            if (_entries.Remove(streamId, out var node))
            {
                _order.Remove(node);
            }
        }
    }

    /// <summary>A stream's events as this store last wrote them, and the version they bring it to.</summary>
    public sealed record Entry(string StreamId, long Version, IReadOnlyList<IBorderSecurityEvent> Events);
}
