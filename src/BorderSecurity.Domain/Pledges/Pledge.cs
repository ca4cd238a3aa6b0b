namespace BorderSecurity.Domain.Pledges;

/// <summary>One verdict on a pledge.</summary>
/// <param name="Assessor">Who judged.</param>
/// <param name="Rating">The verdict.</param>
/// <param name="Evidence">What it rests on.</param>
/// <param name="On">The date it stands from.</param>
/// <param name="Sources">Its sources.</param>
public sealed record Verdict(string Assessor, VerdictRating Rating, string Evidence, LocalDate On, IReadOnlyList<SourceReference> Sources);

/// <summary>
/// A pledge folded from its events: what was promised, what delivers it, and every verdict on it in date order (then the
/// order recorded). An answer folds only the events that count for its question, so a verdict known later is not in what
/// was known earlier.
/// </summary>
/// <param name="PledgeId">The stream id.</param>
/// <param name="Text">What was promised.</param>
/// <param name="MadeBy">Who made it.</param>
/// <param name="MadeOn">When.</param>
/// <param name="PartOf">The pledge it is a part of, if any.</param>
/// <param name="DeliveredBy">The stream ids of what delivers or measures it, in the order linked (by date, then recorded).</param>
/// <param name="Verdicts">Every verdict that counts, by date, then the order recorded.</param>
/// <param name="Sources">Every source of the pledge and its verdicts, each once, in the order first cited.</param>
public sealed record Pledge(
    string PledgeId, string Text, string MadeBy, LocalDate MadeOn, string? PartOf, ImmutableList<string> DeliveredBy, ImmutableList<Verdict> Verdicts,
    ImmutableList<SourceReference> Sources)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(Pledge);

    /// <summary>The latest verdict of each assessor, by the assessor's name (ordinal).</summary>
    public IReadOnlyList<Verdict> LatestVerdicts =>
        [.. Verdicts.GroupBy(v => v.Assessor).Select(g => g.Last()).OrderBy(v => v.Assessor, StringComparer.Ordinal)];

    /// <summary>The latest verdict of anyone, or <see langword="null"/> when none counts.</summary>
    public Verdict? LatestVerdict => Verdicts.LastOrDefault();

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the pledge is made.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    public static Pledge? Evolve(Pledge? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, PledgeMade e) => new Pledge(e.PledgeId, e.Text, e.MadeBy, e.ValidOn, e.PartOf, [], [], [.. e.Provenance.Sources]),
            (null, _) => null,
            (_, PledgeDelivererLinked e) when !state.DeliveredBy.Contains(e.SubjectId) => state with
            {
                DeliveredBy = state.DeliveredBy.Add(e.SubjectId),
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, VerdictGiven e) => state with
            {
                Verdicts = state.Verdicts.Add(new Verdict(e.Assessor, e.Rating, e.Evidence, e.ValidOn, e.Provenance.Sources)),
                Sources = state.Sources.Cite(e.Provenance),
            },
            _ => state,
        };
}
