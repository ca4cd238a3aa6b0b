namespace BorderSecurity.Domain.Projections;

/// <summary>
/// The provenance of every event of one stream, answering "which sources stand behind the events that count" with
/// each source once, first cited first.
/// </summary>
/// <remarks>
/// After the rows are sorted, prefix arrays are built once (and dropped when a row is added): the latest
/// known-from and recorded instants among the first i rows, and the distinct sources in order of first appearance with how many of
/// them the first i rows cite. A question that knows every counting row (its known-at and recorded-by instants at or after
/// every such row's) (any question about the present, and most about the past) is then answered by a slice of that array,
/// without walking or hashing the citations; other questions take the walk.
/// </remarks>
internal sealed class Citations
{
    private readonly Statements<Provenance> _rows = new();
    private Prefix? _prefix;

    public void Add(RecordedEvent recorded)
    {
        _rows.Add(recorded, recorded.Data.Provenance);
        _prefix = null;
    }

    public IEnumerable<LocalDate> ValidDates(AsOfQuery knowledge) => _rows.ValidDates(knowledge);

    /// <summary>Every event's known-from instant and valid date, in no particular order.</summary>
    public IEnumerable<(Instant KnownFrom, LocalDate ValidOn)> KnownDates() => _rows.KnownDates();

    public IReadOnlyList<SourceReference> Sources(AsOfQuery query)
    {
        var end = _rows.CountUpTo(query.AsOf);
        if (end == 0)
        {
            return [];
        }

        var prefix = _prefix ??= Prefix.Of(_rows);
        if (query.Knows(prefix.LatestKnown[end - 1], prefix.LatestRecorded[end - 1]))
        {
            return new ArraySegment<SourceReference>(prefix.Distinct, 0, prefix.DistinctCount[end]);
        }

        var sources = new List<SourceReference>();
        var seen = new HashSet<SourceReference>();
        Provenance? previous = null;
        foreach (var provenance in _rows.AllCounting(query))
        {
            // Consecutive events often carry the same provenance instance; its sources are already in.
            if (ReferenceEquals(provenance, previous))
            {
                continue;
            }

            previous = provenance;
            foreach (var source in provenance.Sources)
            {
                if (seen.Add(source))
                {
                    sources.Add(source);
                }
            }
        }

        return sources;
    }

    private sealed record Prefix(Instant[] LatestKnown, Instant[] LatestRecorded, SourceReference[] Distinct, int[] DistinctCount)
    {
        public static Prefix Of(Statements<Provenance> rows)
        {
            // Without imported rows every known-from instant is the recorded one: one array serves both.
            var latest = new Instant[rows.Count];
            var known = rows.HasSeparateKnownFrom ? new Instant[rows.Count] : latest;
            var counts = new int[rows.Count + 1];
            var distinct = new List<SourceReference>();
            var seen = new HashSet<SourceReference>();
            var seenProvenances = new HashSet<Provenance>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < rows.Count; i++)
            {
                var (knownFrom, recordedAt, provenance) = rows.InstantsAndValueAt(i);
                latest[i] = i == 0 || recordedAt > latest[i - 1] ? recordedAt : latest[i - 1];
                if (!ReferenceEquals(known, latest))
                {
                    known[i] = i == 0 || knownFrom > known[i - 1] ? knownFrom : known[i - 1];
                }
                if (seenProvenances.Add(provenance))
                {
                    foreach (var source in provenance.Sources)
                    {
                        if (seen.Add(source))
                        {
                            distinct.Add(source);
                        }
                    }
                }

                counts[i + 1] = distinct.Count;
            }

            return new Prefix(known, latest, [.. distinct], counts);
        }
    }
}
