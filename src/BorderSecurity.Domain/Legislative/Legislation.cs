namespace BorderSecurity.Domain.Legislative;

/// <summary>One stage a piece of legislation reached.</summary>
/// <param name="Stage">The coarse stage.</param>
/// <param name="On">When.</param>
/// <param name="Detail">The House, provisions, session, ending, or what repealed it; <see langword="null"/> where none applies.</param>
/// <param name="Sources">The sources that reported it.</param>
public sealed record StageReached(LegislationStage Stage, LocalDate On, string? Detail, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>The House a parliamentary stage was taken in, or <see langword="null"/> for a step outside Parliament.</summary>
    public ParliamentHouse? House { get; init; }

    /// <summary>The precise stage in <see cref="House"/>, or <see langword="null"/> for a step outside Parliament.</summary>
    public BillStage? BillStage { get; init; }

    /// <summary>The step's name: the Bills API name and House for a parliamentary stage (<c>2nd reading (House of Lords)</c>), else the coarse stage.</summary>
    public string Name => House is { } house && BillStage is { } stage
        ? $"{BillStages.NameOf(stage, house)} ({BillStages.NameOf(house)})"
        : Stage.ToString();
}

/// <summary>A provision of an Act in force, since when and on whose word.</summary>
/// <param name="Provision">The provision, for example <c>section 1</c>.</param>
/// <param name="Since">The date it came into force.</param>
/// <param name="Sources">The sources of its commencement.</param>
public sealed record ProvisionInForce(string Provision, LocalDate Since, IReadOnlyList<SourceReference> Sources);

/// <summary>The state of one piece of legislation, folded from its events.</summary>
/// <param name="LegislationId">The stream id.</param>
/// <param name="Title">The bill's title, or the Act's once it has Royal Assent.</param>
/// <param name="Stage">The furthest coarse stage reached (for the precise House and stage see <see cref="Position"/>).</param>
/// <param name="History">Every stage reached, in date order.</param>
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

    /// <summary>The House the bill was introduced in, or <see langword="null"/> before its introduction (or for an Act recorded as enacted).</summary>
    public ParliamentHouse? OriginatingHouse { get; init; }

    /// <summary>The last parliamentary stage completed, with its House, or <see langword="null"/> before introduction.</summary>
    public BillPosition? Position { get; init; }

    /// <summary>
    /// The stage under way (begun, not yet completed), with its House and the day it began, or <see langword="null"/> when
    /// none is: a bill in the middle of its Lords committee stage reads as such, not as still at second reading.
    /// </summary>
    public BillPosition? UnderWay { get; init; }

    /// <summary>How the bill ended without Royal Assent, or <see langword="null"/> while it has not.</summary>
    public BillEnding? Ending { get; init; }

    /// <summary>The session it was last carried over into, or <see langword="null"/> if it never was.</summary>
    public string? CarriedIntoSession { get; init; }

    /// <summary>
    /// Its sessions of Parliament in order: the one it was introduced in (its name <see langword="null"/> where the
    /// introduction named none), then each it was carried over into, each with what became of it there. Empty before its
    /// introduction and for an Act recorded as enacted.
    /// </summary>
    public ImmutableList<BillSession> Sessions { get; init; } = [];

    /// <summary>The session it is in, or was last in: the last of <see cref="Sessions"/>' names; <see langword="null"/> where none was named.</summary>
    public string? Session => Sessions.Count == 0 ? null : Sessions[^1].Session;

    /// <summary>The provisions in force, by name (ordinal), each with the date it came into force.</summary>
    public ImmutableSortedDictionary<string, ProvisionInForce> Provisions { get; init; } =
        ImmutableSortedDictionary.Create<string, ProvisionInForce>(StringComparer.Ordinal);

    /// <summary>The date of the latest stage reached.</summary>
    public LocalDate LastStageOn => History[^1].On;

    /// <summary>The date of Royal Assent, if it has had it.</summary>
    public LocalDate? RoyalAssentOn => History.FirstOrDefault(h => h.Stage == LegislationStage.RoyalAssent)?.On;

    /// <summary>The date it was repealed, if it was.</summary>
    public LocalDate? RepealedOn => History.FirstOrDefault(h => h.Stage == LegislationStage.Repealed)?.On;

    /// <summary>Whether it was an Act in force on a date: Royal Assent on or before it, and not repealed by then.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when it was an Act on that date.</returns>
    public bool IsActOn(LocalDate date) =>
        RoyalAssentOn is { } assent && assent <= date && !(RepealedOn <= date);

    /// <summary>Whether it is an Act (Royal Assent or later).</summary>
    public bool IsAct => Stage >= LegislationStage.RoyalAssent;

    /// <summary>Whether it is a bill before Parliament: introduced, not ended, no Royal Assent.</summary>
    public bool IsBillBeforeParliament => Position is not null && Ending is null && !IsAct;

    /// <summary>Whether a provision was in force on a date: commenced on or before it, and the Act not repealed by then.</summary>
    /// <param name="provision">The provision, matched exactly (ordinal).</param>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when it was in force.</returns>
    public bool IsInForceOn(string provision, LocalDate date) =>
        Provisions.TryGetValue(Guard.Against.Null(provision), out var p) && p.Since <= date && !(RepealedOn <= date);

    /// <summary>The provisions in force on a date, by name.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The provisions.</returns>
    public IReadOnlyList<ProvisionInForce> ProvisionsInForceOn(LocalDate date) =>
        RepealedOn <= date ? [] : [.. Provisions.Values.Where(p => p.Since <= date)];

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the legislation exists.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    public static Legislation? Evolve(Legislation? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, LegislationAnnounced e) => Start(e.LegislationId, e.Title, LegislationStage.Announced, e.ValidOn, e.AnnouncedIn, e.Provenance),
            (null, EnactedLegislationRecorded e) => Start(e.LegislationId, e.Title, LegislationStage.RoyalAssent, e.ValidOn, null, e.Provenance),
            (null, BillIntroduced e) => Start(e.LegislationId, e.Title, LegislationStage.Introduced, e.ValidOn, e.House, e.Provenance).Introduced(e),
            (null, _) => null,
            (_, BillIntroduced e) => state.Reach(LegislationStage.Introduced, e.ValidOn, e.House, e.Provenance).Introduced(e),
            (_, ParliamentaryStageStarted e) => state with
            {
                UnderWay = new BillPosition(e.House, e.Stage, e.ValidOn),
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, ParliamentaryStageCompleted e) => state.Complete(e) with { UnderWay = null },
            (_, BillCarriedOver e) => state.Reach(state.Stage, e.ValidOn, $"carried over into session {e.IntoSession}", e.Provenance) with
            {
                CarriedIntoSession = e.IntoSession,
                Sessions = state.CloseSession(SessionOutcome.CarriedOver, e.ValidOn, e.Provenance)
                    .Add(new BillSession(e.IntoSession, e.ValidOn, SessionOutcome.BeforeParliament, null, e.Provenance.Sources)),
            },
            (_, BillEnded e) => state.Reach(state.Stage, e.ValidOn, $"ended: {e.How}", e.Provenance) with
            {
                Ending = e.How,
                UnderWay = null,
                Sessions = state.CloseSession(OutcomeOf(e.How), e.ValidOn, e.Provenance),
            },
            (_, RoyalAssentGranted e) => state.Reach(LegislationStage.RoyalAssent, e.ValidOn, null, e.Provenance) with
            {
                Title = e.ActTitle,
                UnderWay = null,
                Sessions = state.CloseSession(SessionOutcome.RoyalAssent, e.ValidOn, e.Provenance),
            },
            (_, LegislationCommenced e) => state.Commence(e),
            (_, LegislationRepealed e) => state.Reach(LegislationStage.Repealed, e.ValidOn, e.RepealedBy, e.Provenance),
            _ => state,
        };

    // The session the bill is in ends for it: the last one, if it is still before Parliament there.
    private ImmutableList<BillSession> CloseSession(SessionOutcome outcome, LocalDate on, Provenance provenance) =>
        Sessions.Count == 0 ? Sessions : Sessions.SetItem(Sessions.Count - 1, Sessions[^1].Close(outcome, on, provenance));

    private static SessionOutcome OutcomeOf(BillEnding how) => how switch
    {
        BillEnding.Withdrawn => SessionOutcome.Withdrawn,
        BillEnding.Defeated => SessionOutcome.Defeated,
        _ => SessionOutcome.Fell,
    };

    private static Legislation Start(string id, string title, LegislationStage stage, LocalDate on, string? detail, Provenance provenance) =>
        new(id, title, stage, [new StageReached(stage, on, detail, provenance.Sources)], [.. provenance.Sources]);

    private Legislation Introduced(BillIntroduced e)
    {
        var house = BillStages.ParseHouse(e.House);
        var history = History.Select(h => h.Stage == LegislationStage.Introduced && h.On == e.ValidOn && h.Detail == e.House
            ? h with { House = house, BillStage = Legislative.BillStage.FirstReading }
            : h);
        return this with
        {
            OriginatingHouse = house,
            Position = new BillPosition(house, Legislative.BillStage.FirstReading, e.ValidOn),
            History = [.. history],
            Sessions = [new BillSession(e.Session, e.ValidOn, SessionOutcome.BeforeParliament, null, e.Provenance.Sources)],
        };
    }

    private Legislation Complete(ParliamentaryStageCompleted e)
    {
        var coarse = e.House == OriginatingHouse && e.Stage is >= Legislative.BillStage.SecondReading and <= Legislative.BillStage.ThirdReading
            ? (LegislationStage)(int)e.Stage
            : e.House == OriginatingHouse && e.Stage == Legislative.BillStage.FirstReading ? LegislationStage.Introduced
            : LegislationStage.OtherHouse;
        var reached = new StageReached(coarse, e.ValidOn, BillStages.NameOf(e.House), e.Provenance.Sources)
        {
            House = e.House,
            BillStage = e.Stage,
        };
        return Add(coarse, reached, e.Provenance) with { Position = new BillPosition(e.House, e.Stage, e.ValidOn) };
    }

    private Legislation Commence(LegislationCommenced e)
    {
        var provisions = Provisions;
        foreach (var provision in e.Provisions)
        {
            if (!provisions.TryGetValue(provision, out var known) || known.Since > e.ValidOn)
            {
                provisions = provisions.SetItem(provision, new ProvisionInForce(provision, e.ValidOn, e.Provenance.Sources));
            }
        }

        return Reach(LegislationStage.Commenced, e.ValidOn, string.Join(", ", e.Provisions), e.Provenance) with { Provisions = provisions };
    }

    private Legislation Reach(LegislationStage stage, LocalDate on, string? detail, Provenance provenance) =>
        Add(stage, new StageReached(stage, on, detail, provenance.Sources), provenance);

    private Legislation Add(LegislationStage stage, StageReached reached, Provenance provenance) =>
        this with
        {
            Stage = stage > Stage ? stage : Stage,
            // Stable: steps of one coarse stage on one day (two rounds of ping-pong on the same day) keep the order they were folded in.
            History = [.. History.Add(reached).OrderBy(h => h.On).ThenBy(h => h.Stage)],
            Sources = Sources.Cite(provenance),
        };
}
