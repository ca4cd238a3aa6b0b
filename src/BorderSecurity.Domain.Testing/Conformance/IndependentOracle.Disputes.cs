using BorderSecurity.Domain.Disputes;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>A dispute as the oracle sees it.</summary>
    /// <param name="Id">The dispute id.</param>
    /// <param name="SubjectIds">The streams the disputed fact is about, in the order recorded.</param>
    /// <param name="Fact">The fact disputed.</param>
    /// <param name="Sides">What each side says, in the order recorded, with its sources: "says: document|headline, …".</param>
    /// <param name="RecordedOn">The record's valid date.</param>
    /// <param name="IsOpen">Whether no resolution counts for the question.</param>
    /// <param name="FavouredSide">The prevailing side when a resolution counts and names one, else null.</param>
    /// <param name="Resolution">The resolution's words when one counts, else null.</param>
    /// <param name="ResolvedOn">The resolution's valid date when one counts, else null.</param>
    /// <param name="Sources">Each source once: the record's, then each side's, then the resolution's, as "document|headline".</param>
    public sealed record DisputeView(
        string Id, IReadOnlyList<string> SubjectIds, string Fact, IReadOnlyList<string> Sides, LocalDate RecordedOn, bool IsOpen, int? FavouredSide,
        string? Resolution, LocalDate? ResolvedOn, IReadOnlyList<string> Sources);

    /// <summary>
    /// Every dispute as of the question, open and resolved, in id order. From docs/events.md: a dispute exists once its
    /// record counts; it is resolved once a resolution counts (the first one, a resolved dispute takes no second); a
    /// resolution without a counting record changes nothing. Recording or resolving a dispute changes no figure.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="asOf">The valid date.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>The disputes.</returns>
    public static IReadOnlyList<DisputeView> Disputes(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<DisputeView>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            DisputeView? view = null;
            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case DisputeRecorded r when view is null:
                        var sources = new List<string>();
                        Cite(sources, r.Provenance);
                        foreach (var side in r.Sides)
                        {
                            Cite(sources, side.Provenance);
                        }

                        view = new DisputeView(r.DisputeId, [.. r.SubjectIds], r.Fact,
                            [.. r.Sides.Select(s => $"{s.Says}: {string.Join(", ", s.Provenance.Sources.Select(x => $"{x.Document}|{x.Headline}"))}")],
                            r.ValidOn, true, null, null, null, sources);
                        break;
                    case DisputeResolved d when view is { IsOpen: true }:
                        var withResolution = view.Sources.ToList();
                        Cite(withResolution, d.Provenance);
                        view = view with { IsOpen = false, FavouredSide = d.FavouredSide, Resolution = d.Resolution, ResolvedOn = d.ValidOn, Sources = withResolution };
                        break;
                }
            }

            if (view is not null)
            {
                result.Add(view);
            }
        }

        return result;
    }

    /// <summary>
    /// The disputes open for the question about any of <paramref name="subjectIds"/>, in id order: what an answer including
    /// those subjects lists (a dispute naming several of them once).
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="subjectIds">The subjects the answer includes.</param>
    /// <param name="asOf">The valid date.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>The open disputes about them.</returns>
    public static IReadOnlyList<DisputeView> OpenDisputes(IEnumerable<RecordedEvent> log, IEnumerable<string> subjectIds, LocalDate asOf,
        Instant? knownAt = null, Instant? recordedBy = null)
    {
        var subjects = subjectIds.ToList();
        return [.. Disputes(log, asOf, knownAt, recordedBy).Where(d => d.IsOpen && d.SubjectIds.Any(subjects.Contains))];
    }

    private static void Cite(List<string> seen, Provenance provenance)
    {
        foreach (var source in provenance.Sources)
        {
            var key = $"{source.Document}|{source.Headline}";
            if (!seen.Contains(key))
            {
                seen.Add(key);
            }
        }
    }
}
