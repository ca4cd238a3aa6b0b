namespace BorderSecurity.Domain.Legislative;

/// <summary>One stage a piece of legislation reached.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="On">When.</param>
/// <param name="Detail">The House, provisions, or what repealed it; <see langword="null"/> where none applies.</param>
/// <param name="Sources">The sources that reported it.</param>
public sealed record StageReached(LegislationStage Stage, LocalDate On, string? Detail, IReadOnlyList<SourceReference> Sources);

/// <summary>The state of one piece of legislation, folded from its events.</summary>
/// <param name="LegislationId">The stream id.</param>
/// <param name="Title">The bill's title, or the Act's once it has Royal Assent.</param>
/// <param name="Stage">The furthest stage reached.</param>
/// <param name="History">Every stage reached, in order.</param>
/// <param name="Sources">Every source that reported any of its events.</param>
public sealed record Legislation(
    string LegislationId,
    string Title,
    LegislationStage Stage,
    ImmutableList<StageReached> History,
    ImmutableList<SourceReference> Sources)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(Legislation);

    /// <summary>The date of the latest stage reached.</summary>
    public LocalDate LastStageOn => History[^1].On;

    /// <summary>The date of Royal Assent, if it has had it.</summary>
    public LocalDate? RoyalAssentOn => History.FirstOrDefault(h => h.Stage == LegislationStage.RoyalAssent)?.On;

    /// <summary>Whether it was an Act in force on a date: Royal Assent on or before it, and not repealed by then.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when it was an Act on that date.</returns>
    public bool IsActOn(LocalDate date) =>
        RoyalAssentOn is { } assent && assent <= date
        && !History.Any(h => h.Stage == LegislationStage.Repealed && h.On <= date);

    /// <summary>Whether it is an Act (Royal Assent or later).</summary>
    public bool IsAct => Stage >= LegislationStage.RoyalAssent;

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the legislation exists.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    public static Legislation? Evolve(Legislation? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, LegislationAnnounced e) => Start(e.LegislationId, e.Title, LegislationStage.Announced, e.ValidOn, e.AnnouncedIn, e.Provenance),
            (null, EnactedLegislationRecorded e) => Start(e.LegislationId, e.Title, LegislationStage.RoyalAssent, e.ValidOn, null, e.Provenance),
            (null, BillIntroduced e) => Start(e.LegislationId, e.Title, LegislationStage.Introduced, e.ValidOn, e.House, e.Provenance),
            (null, _) => null,
            (_, BillIntroduced e) => state.Reach(LegislationStage.Introduced, e.ValidOn, e.House, e.Provenance),
            (_, ParliamentaryStageCompleted e) => state.Reach(e.Stage, e.ValidOn, e.House, e.Provenance),
            (_, RoyalAssentGranted e) => state.Reach(LegislationStage.RoyalAssent, e.ValidOn, null, e.Provenance) with { Title = e.ActTitle },
            (_, LegislationCommenced e) => state.Reach(LegislationStage.Commenced, e.ValidOn, e.Provisions, e.Provenance),
            (_, LegislationRepealed e) => state.Reach(LegislationStage.Repealed, e.ValidOn, e.RepealedBy, e.Provenance),
            _ => state,
        };

    private static Legislation Start(string id, string title, LegislationStage stage, LocalDate on, string? detail, Provenance provenance) =>
        new(id, title, stage, [new StageReached(stage, on, detail, provenance.Sources)], [.. provenance.Sources]);

    private Legislation Reach(LegislationStage stage, LocalDate on, string? detail, Provenance provenance) =>
        this with
        {
            Stage = stage > Stage ? stage : Stage,
            History = History.Add(new StageReached(stage, on, detail, provenance.Sources))
                .Sort((a, b) => a.On != b.On ? a.On.CompareTo(b.On)
                    : a.Stage != b.Stage ? a.Stage.CompareTo(b.Stage)
                    : string.CompareOrdinal(a.Detail, b.Detail)),
            Sources = Sources.Cite(provenance),
        };
}
