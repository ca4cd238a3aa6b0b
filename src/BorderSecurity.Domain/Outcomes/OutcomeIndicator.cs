namespace BorderSecurity.Domain.Outcomes;

/// <summary>One release of a value: the count, how it was stated, what kind of release, and why it replaced the one before.</summary>
/// <param name="Count">The count.</param>
/// <param name="Qualifier">How exactly it was stated ("more than", "around", ...).</param>
/// <param name="Status">What kind of release it came from.</param>
/// <param name="Reason">What changed it, for a revision; <see langword="null"/> for the first release.</param>
/// <param name="Sources">The sources of this release.</param>
public sealed record OutcomeRelease(long Count, OutcomeQualifier Qualifier, ReleaseStatus Status, string? Reason, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>The count as a source would say it, for example <c>more than 5,000</c>.</summary>
    public string Stated => Qualifier switch
    {
        OutcomeQualifier.MoreThan => $"more than {Count:#,0}",
        OutcomeQualifier.Around => $"around {Count:#,0}",
        OutcomeQualifier.UpTo => $"up to {Count:#,0}",
        _ => $"{Count:#,0}",
    };
}

/// <summary>An indicator's value for one period: every release that counts for the question, the first release first.</summary>
/// <param name="Period">The days it counts.</param>
/// <param name="Releases">The releases in the order they were recorded: the first release, then each revision.</param>
public sealed record OutcomeValue(CountPeriod Period, IReadOnlyList<OutcomeRelease> Releases)
{
    /// <summary>The first release.</summary>
    public OutcomeRelease First => Releases[0];

    /// <summary>The value: the latest release that counts.</summary>
    public OutcomeRelease Latest => Releases[^1];

    /// <summary>The releases that replaced the first, in order, each with what changed it.</summary>
    public IEnumerable<OutcomeRelease> Revisions => Releases.Skip(1);
}

/// <summary>
/// An outcome indicator folded from its events: what it counts and, per period, every release of its value. An answer folds
/// only the events that count for its question, so a revision known later leaves what was known earlier as it was.
/// </summary>
/// <param name="IndicatorId">The stream id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">What one counts.</param>
/// <param name="Measure">Whether each value counts a period or one date.</param>
/// <param name="CountsFrom">The first day it counts.</param>
/// <param name="Values">Its values, in period order (first day, then last).</param>
/// <param name="Sources">Every source of its definition and releases, each once, in the order first cited.</param>
public sealed record OutcomeIndicator(
    string IndicatorId, string Name, string Unit, IndicatorMeasure Measure, LocalDate CountsFrom, ImmutableList<OutcomeValue> Values,
    ImmutableList<SourceReference> Sources)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(OutcomeIndicator);

    /// <summary>The value for a period, or <see langword="null"/> when none counts.</summary>
    /// <param name="period">The period, matched exactly.</param>
    /// <returns>The value.</returns>
    public OutcomeValue? ValueFor(CountPeriod period) => Values.FirstOrDefault(v => v.Period == period);

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the indicator is defined.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    /// <remarks>A release or revision appends a release to its period's value (creating the value when it has none), so a
    /// revision whose first release does not count for a question stands as that question's only release.</remarks>
    public static OutcomeIndicator? Evolve(OutcomeIndicator? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, IndicatorDefined e) => new OutcomeIndicator(e.IndicatorId, e.Name, e.Unit, e.Measure, e.ValidOn, [], [.. e.Provenance.Sources]),
            (null, _) => null,
            (_, OutcomeReleased e) => state.Add(e.Period, new OutcomeRelease(e.Count, e.Qualifier, e.Status, null, e.Provenance.Sources), e.Provenance),
            (_, OutcomeRevised e) => state.Add(e.Period, new OutcomeRelease(e.Count, e.Qualifier, e.Status, e.Reason, e.Provenance.Sources), e.Provenance),
            _ => state,
        };

    private OutcomeIndicator Add(CountPeriod period, OutcomeRelease release, Provenance provenance)
    {
        var index = Values.FindIndex(v => v.Period == period);
        var values = index >= 0
            ? Values.SetItem(index, Values[index] with { Releases = [.. Values[index].Releases, release] })
            : Values.Insert(Values.TakeWhile(v => v.Period.CompareTo(period) < 0).Count(), new OutcomeValue(period, [release]));
        return this with { Values = values, Sources = Sources.Cite(provenance) };
    }
}
