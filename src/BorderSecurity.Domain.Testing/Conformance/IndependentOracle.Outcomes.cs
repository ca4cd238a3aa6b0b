using BorderSecurity.Domain.Outcomes;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>An outcome indicator as the oracle sees it.</summary>
    /// <param name="Id">The indicator id.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Unit">Its unit.</param>
    /// <param name="Measure">What it measures, by name.</param>
    /// <param name="CountsFrom">The first day it counts.</param>
    /// <param name="Values">Its values, in period order.</param>
    /// <param name="Sources">Each source once, as "document|headline", in the order the counting events first cite it.</param>
    public sealed record IndicatorView(
        string Id, string Name, string Unit, string Measure, LocalDate CountsFrom, IReadOnlyList<OutcomeValueView> Values, IReadOnlyList<string> Sources);

    /// <summary>One period's value as the oracle sees it.</summary>
    /// <param name="From">The period's first day.</param>
    /// <param name="To">The period's last day.</param>
    /// <param name="Releases">Each release that counts, in recording order, as "count|qualifier|status|reason|document,document".</param>
    public sealed record OutcomeValueView(LocalDate From, LocalDate To, IReadOnlyList<string> Releases);

    /// <summary>
    /// Every outcome indicator as of the question, in id order. From docs/events.md: an indicator exists once its definition
    /// counts; each release or revision that counts (dated its period's last day) is a release of its period, in the order
    /// recorded, the first one first, whatever its status; the value is the last. Periods are ordered by first, then last day.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="asOf">The valid date.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>The indicators.</returns>
    public static IReadOnlyList<IndicatorView> Indicators(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<IndicatorView>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            IndicatorDefined? defined = null;
            var applied = new List<RecordedEvent>();
            var releases = new Dictionary<(LocalDate From, LocalDate To), List<(long Sequence, string Release)>>();
            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case IndicatorDefined d when defined is null:
                        defined = d;
                        applied.Add(e);
                        break;
                    case OutcomeReleased r when defined is not null:
                        Release(releases, e, r.Period, $"{r.Count}|{r.Qualifier}|{r.Status}||{Documents(r.Provenance)}");
                        applied.Add(e);
                        break;
                    case OutcomeRevised r when defined is not null:
                        Release(releases, e, r.Period, $"{r.Count}|{r.Qualifier}|{r.Status}|{r.Reason}|{Documents(r.Provenance)}");
                        applied.Add(e);
                        break;
                }
            }

            if (defined is not null)
            {
                result.Add(new IndicatorView(defined.IndicatorId, defined.Name, defined.Unit, defined.Measure.ToString(), defined.ValidOn,
                    [.. releases.OrderBy(kv => kv.Key.From).ThenBy(kv => kv.Key.To)
                        .Select(kv => new OutcomeValueView(kv.Key.From, kv.Key.To, [.. kv.Value.OrderBy(x => x.Sequence).Select(x => x.Release)]))],
                    SourcesOf(applied)));
            }
        }

        return result;
    }

    private static void Release(Dictionary<(LocalDate From, LocalDate To), List<(long Sequence, string Release)>> releases, RecordedEvent e, CountPeriod period,
        string release)
    {
        if (!releases.TryGetValue((period.From, period.To), out var list))
        {
            releases[(period.From, period.To)] = list = [];
        }

        list.Add((e.Sequence, release));
    }

    private static string Documents(Provenance provenance) => string.Join(",", provenance.Sources.Select(s => s.Document));
}
