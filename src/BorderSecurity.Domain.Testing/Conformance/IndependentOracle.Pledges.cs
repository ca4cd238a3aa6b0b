using BorderSecurity.Domain.Pledges;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>A pledge as the oracle sees it.</summary>
    /// <param name="Id">The pledge id.</param>
    /// <param name="Text">What was promised.</param>
    /// <param name="MadeBy">Who made it.</param>
    /// <param name="MadeOn">When.</param>
    /// <param name="PartOf">The whole it is a part of, or null.</param>
    /// <param name="DeliveredBy">What delivers it: each subject whose link counts, once, by the link's date then recording order.</param>
    /// <param name="Verdicts">Each verdict that counts, by date then recording order, as "assessor|rating|date|document,document".</param>
    /// <param name="Sources">Each source once, as "document|headline", in the order the counting events first cite it.</param>
    public sealed record PledgeView(
        string Id, string Text, string MadeBy, LocalDate MadeOn, string? PartOf, IReadOnlyList<string> DeliveredBy, IReadOnlyList<string> Verdicts,
        IReadOnlyList<string> Sources);

    /// <summary>
    /// Every pledge as of the question, in id order. From docs/events.md: a pledge exists once its record counts; each
    /// verdict that counts is part of its history, by the date it stands from, then the order recorded.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="asOf">The valid date.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>The pledges.</returns>
    public static IReadOnlyList<PledgeView> Pledges(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<PledgeView>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            if (stream.Select(e => e.Data).OfType<PledgeMade>().FirstOrDefault() is not { } made)
            {
                continue;
            }

            var verdicts = stream.Where(e => e.Data is VerdictGiven).OrderBy(e => e.Data.ValidOn).ThenBy(e => e.Sequence).ToList();
            var delivered = stream.Where(e => e.Data is PledgeDelivererLinked).OrderBy(e => e.Data.ValidOn).ThenBy(e => e.Sequence)
                .Select(e => ((PledgeDelivererLinked)e.Data).SubjectId).Distinct().ToList();
            result.Add(new PledgeView(made.PledgeId, made.Text, made.MadeBy, made.ValidOn, made.PartOf, delivered,
                [.. verdicts.Select(e => (VerdictGiven)e.Data).Select(v => $"{v.Assessor}|{v.Rating}|{v.ValidOn:yyyy-MM-dd}|{Documents(v.Provenance)}")],
                SourcesOf(stream.OrderBy(e => e.Data.ValidOn).ThenBy(e => e.Sequence))));
        }

        return result;
    }
}
