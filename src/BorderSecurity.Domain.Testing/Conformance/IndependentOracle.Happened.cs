using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>
    /// What happened between two valid dates, from the rules in docs/changes.md: every event dated from
    /// <paramref name="from"/> to <paramref name="to"/> that the instants count (<see cref="Counts"/>), by valid date (ties in
    /// log order), its kind from its type, a back-fill when it became known after <paramref name="to"/> (UTC date); for a
    /// figure, its value as of the event's valid date over the stream's counted events before it by valid date (ties in log
    /// order), then with it.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="from">The window's first valid date.</param>
    /// <param name="to">The window's last valid date.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <param name="subject">Only changes in this stream or disputes about it; null for all.</param>
    /// <returns>The changes.</returns>
    public static IReadOnlyList<ChangeView> Happened(IEnumerable<RecordedEvent> log, LocalDate from, LocalDate to, Instant? knownAt = null,
        Instant? recordedBy = null, string? subject = null)
    {
        var all = log.ToList();
        var disputeSubject = DisputeSubjects(all);
        var result = new List<ChangeView>();
        foreach (var e in all.Where(e => e.ValidOn >= from && Counts(e, to, knownAt, recordedBy)).OrderBy(e => e.ValidOn).ThenBy(e => e.Sequence))
        {
            var about = SubjectOf(e, disputeSubject, subject);
            if (subject is not null && e.StreamId != subject && about != subject)
            {
                continue;
            }

            var figure = OracleFigure(e.Data);
            decimal? before = null, after = null;
            if (figure is { } f)
            {
                var earlier = all.Where(x => x.StreamId == e.StreamId && Counts(x, LocalDate.MaxIsoValue, knownAt, recordedBy)
                    && (x.ValidOn < e.ValidOn || (x.ValidOn == e.ValidOn && x.Sequence < e.Sequence))).ToList();
                before = OracleValue(earlier, f.Name, f.Dimension, e.ValidOn);
                earlier.Add(e);
                after = OracleValue(earlier, f.Name, f.Dimension, e.ValidOn);
            }

            result.Add(new ChangeView(e.KnownFrom, e.Sequence, e.ValidOn, e.StreamId, about, OracleKind(e.Data), e.KnownFrom.InUtc().Date > to,
                DistinctSources([e]), figure?.Name, figure?.Dimension, before, after));
        }

        return result;
    }

    /// <summary>A vintage of a series as the oracle sees it: when it became known, the points, first release or not, the kinds that made it, sources.</summary>
    public sealed record SeriesVintageView(
        Instant KnownFrom, IReadOnlyList<(LocalDate From, SeriesValue Value)> Points, bool IsFirstRelease, IReadOnlyList<string> ChangedBy,
        IReadOnlyList<string> Sources);

    /// <summary>
    /// The vintages of the funding series (all, or one recipient's) up to <paramref name="asOf"/>, from docs/changes.md: at each
    /// instant a funding event (of the recipient's commitments) dated by <paramref name="asOf"/> became known, the oracle's own
    /// series (<see cref="FundingSeries"/>) as known then, its points up to <paramref name="asOf"/>; a vintage wherever it
    /// differs from the one before (the first where it first has a point).
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="recipient">One recipient, or null for every commitment.</param>
    /// <param name="asOf">The series' last date.</param>
    /// <returns>The vintages.</returns>
    public static IReadOnlyList<SeriesVintageView> FundingSeriesVintages(IReadOnlyList<RecordedEvent> log, string? recipient, LocalDate asOf)
    {
        var commitments = log.Select(e => e.Data switch
        {
            FundingPledged p when recipient is null || p.Recipient == recipient => p.CommitmentId,
            FundingRedirected r when recipient is null || r.Recipient == recipient => r.CommitmentId,
            _ => null,
        }).OfType<string>().ToHashSet();
        var events = log.Where(e => commitments.Contains(e.StreamId) && e.ValidOn <= asOf).ToList();
        var result = new List<SeriesVintageView>();
        foreach (var at in events.Select(e => e.KnownFrom).Distinct().Order())
        {
            var points = FundingSeries(log, recipient, at).Where(p => p.From <= asOf).ToList();
            if ((result.Count == 0 && points.Count == 0) || (result.Count > 0 && result[^1].Points.SequenceEqual(points)))
            {
                continue;
            }

            var known = events.Where(e => e.KnownFrom == at).OrderBy(e => e.Sequence).ToList();
            result.Add(new SeriesVintageView(at, points, result.Count == 0, [.. known.Select(e => OracleKind(e.Data))], DistinctSources(known)));
        }

        return result;
    }

    // What an event is about: its stream, or for a dispute, a disputed subject (named when the dispute was recorded): the
    // one asked about when the dispute names it, else the first it names (docs/changes.md).
    private static string SubjectOf(RecordedEvent e, Dictionary<string, IReadOnlyList<string>> disputeSubjects, string? asked)
    {
        IReadOnlyList<string>? subjects = e.Data switch
        {
            DisputeRecorded r => r.SubjectIds,
            DisputeResolved d => disputeSubjects.TryGetValue(d.DisputeId, out var s) ? s : null,
            _ => null,
        };
        if (subjects is null)
        {
            return e.StreamId;
        }

        return asked is not null && subjects.Contains(asked) ? asked : subjects[0];
    }

    private static Dictionary<string, IReadOnlyList<string>> DisputeSubjects(IEnumerable<RecordedEvent> log) =>
        log.Select(e => e.Data).OfType<DisputeRecorded>().GroupBy(d => d.DisputeId).ToDictionary(g => g.Key, g => g.First().SubjectIds);

    private static List<string> DistinctSources(IEnumerable<RecordedEvent> events)
    {
        var sources = new List<string>();
        foreach (var text in events.SelectMany(e => e.Data.Provenance.Sources).Select(s => $"{s.Document}|{s.Headline}"))
        {
            if (!sources.Contains(text))
            {
                sources.Add(text);
            }
        }

        return sources;
    }
}
