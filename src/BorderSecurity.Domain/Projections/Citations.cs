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

        // The walk: the counting rows in order, each new provenance's sources by their index among the distinct ones (each
        // distinct source once, in order of first citation), so no source is hashed.
        var sources = new List<SourceReference>();
        Span<bool> seen = prefix.Distinct.Length <= 256 ? stackalloc bool[prefix.Distinct.Length] : new bool[prefix.Distinct.Length];
        var previous = -1;
        for (var i = 0; i < end; i++)
        {
            var (knownFrom, recordedAt, _) = _rows.InstantsAndValueAt(i);
            var provenance = prefix.ProvenanceOfRow[i];
            // Consecutive events often carry the same provenance instance: its sources are already in.
            if (provenance == previous || !query.Knows(knownFrom, recordedAt))
            {
                continue;
            }

            previous = provenance;
            foreach (var source in prefix.SourcesOfProvenance[provenance])
            {
                if (!seen[source])
                {
                    seen[source] = true;
                    sources.Add(prefix.Distinct[source]);
                }
            }
        }

        return sources;
    }

    /// <summary>
    /// The prefix arrays; also each row's provenance (an index into <see cref="SourcesOfProvenance"/>, one per provenance
    /// instance) and each provenance's sources as indexes into <see cref="Distinct"/>, for the walk.
    /// </summary>
    private sealed record Prefix(Instant[] LatestKnown, Instant[] LatestRecorded, SourceReference[] Distinct, int[] DistinctCount,
        int[] ProvenanceOfRow, int[][] SourcesOfProvenance)
    {
        public static Prefix Of(Statements<Provenance> rows)
        {
            // Without imported rows every known-from instant is the recorded one: one array serves both.
            var latest = new Instant[rows.Count];
            var known = rows.HasSeparateKnownFrom ? new Instant[rows.Count] : latest;
            var counts = new int[rows.Count + 1];
            var distinct = new List<SourceReference>();
            var indexOfSource = new Dictionary<SourceReference, int>();
            var indexOfProvenance = new Dictionary<Provenance, int>(ReferenceEqualityComparer.Instance);
            var sourcesOfProvenance = new List<int[]>();
            var provenanceOfRow = new int[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var (knownFrom, recordedAt, provenance) = rows.InstantsAndValueAt(i);
                latest[i] = i == 0 || recordedAt > latest[i - 1] ? recordedAt : latest[i - 1];
                if (!ReferenceEquals(known, latest))
                {
                    known[i] = i == 0 || knownFrom > known[i - 1] ? knownFrom : known[i - 1];
                }

                if (!indexOfProvenance.TryGetValue(provenance, out var index))
                {
                    indexOfProvenance[provenance] = index = sourcesOfProvenance.Count;
                    var sources = new int[provenance.Sources.Count];
                    for (var s = 0; s < sources.Length; s++)
                    {
                        var source = provenance.Sources[s];
                        if (!indexOfSource.TryGetValue(source, out sources[s]))
                        {
                            indexOfSource[source] = sources[s] = distinct.Count;
                            distinct.Add(source);
                        }
                    }

                    sourcesOfProvenance.Add(sources);
                }

                provenanceOfRow[i] = index;
                counts[i + 1] = distinct.Count;
            }

            return new Prefix(known, latest, [.. distinct], counts, provenanceOfRow, [.. sourcesOfProvenance]);
        }
    }
}
