namespace BorderSecurity.Domain.Funding;

/// <summary>An allocation of part of a commitment to one capability.</summary>
/// <param name="Amount">The amount allocated.</param>
/// <param name="StatedOn">The valid date of the allocation that set it.</param>
public sealed record Allocation(Money Amount, LocalDate StatedOn);

/// <summary>
/// The state of one funding commitment, folded from its events. Immutable: <see cref="Evolve"/> returns a new state.
/// </summary>
/// <remarks>
/// The state keeps every statement of the amount (the original commitment, corrections, revisions) and of each
/// capability's allocation, by valid date. A figure on a date is its latest statement on or before that date; on
/// the same valid date the statement folded last wins, which is what a correction is. So folding the events in
/// recording order or in valid-date order gives the same figures, and the invariant "allocations never exceed
/// the commitment" can be checked on every date, not just today (see <see cref="FirstOverAllocation"/>).
/// </remarks>
/// <param name="CommitmentId">The stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Origin">Where the money comes from.</param>
/// <param name="Basis">Firm sum or "up to" ceiling.</param>
/// <param name="PeriodHistory">Every statement of what it covers (the commitment, period corrections and revisions), by valid date.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="CommittedOn">The valid date of the pledge or redirect that created it.</param>
/// <param name="AmountHistory">Every statement of the amount, by valid date.</param>
/// <param name="AllocationHistory">Every statement of each capability's allocation, by capability then valid date.</param>
/// <param name="RevisionDates">The valid dates of the revisions.</param>
/// <param name="WithdrawnOn">When it was withdrawn, if it was.</param>
/// <param name="Sources">Every source that reported any of its events, first reported first.</param>
public sealed record FundingCommitment(
    string CommitmentId,
    string Recipient,
    FundingOrigin Origin,
    FundingBasis Basis,
    ImmutableSortedDictionary<LocalDate, FundingPeriod> PeriodHistory,
    string Purpose,
    LocalDate CommittedOn,
    ImmutableSortedDictionary<LocalDate, Money> AmountHistory,
    ImmutableSortedDictionary<string, ImmutableSortedDictionary<LocalDate, Money>> AllocationHistory,
    ImmutableSortedSet<LocalDate> RevisionDates,
    LocalDate? WithdrawnOn,
    ImmutableList<SourceReference> Sources)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(FundingCommitment);

    /// <summary>The amount committed on <see cref="CommittedOn"/>, after corrections.</summary>
    public Money OriginalAmount => AmountHistory[CommittedOn];

    /// <summary>What it covers, from the latest statement of its period (commitment, period correction or revision).</summary>
    public FundingPeriod Period => PeriodHistory.Values.Last();

    /// <summary>What it covers on a date: the latest statement of its period on or before it, or <see langword="null"/> before the commitment.</summary>
    /// <param name="date">The valid date.</param>
    /// <returns>The period.</returns>
    public FundingPeriod? PeriodAsOf(LocalDate date) => PeriodHistory.LastOrDefault(p => p.Key <= date).Value;

    /// <summary>The amount from the latest statement (commitment, correction or revision).</summary>
    public Money Amount => AmountHistory.Values.Last();

    /// <summary>The valid date of the latest statement of the amount.</summary>
    public LocalDate AmountStatedOn => AmountHistory.Keys.Last();

    /// <summary>Each capability's latest allocation (zero allocations included), by capability name.</summary>
    public ImmutableSortedDictionary<string, Allocation> Allocations =>
        AllocationHistory.ToImmutableSortedDictionary(a => a.Key, a => new Allocation(a.Value.Values.Last(), a.Value.Keys.Last()), StringComparer.Ordinal);

    /// <summary>
    /// Every report of spending against it, by line (<see cref="SpendingLine.Key"/>: financial year, stage and kind) then valid
    /// date; empty until spending is reported.
    /// </summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<LocalDate, Money>> SpendingHistory { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<LocalDate, Money>>(StringComparer.Ordinal);

    /// <summary>Whether the commitment has been withdrawn.</summary>
    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>The amount that counts: zero once withdrawn, else <see cref="Amount"/>.</summary>
    public Money EffectiveAmount => IsWithdrawn ? Money.Zero : Amount;

    /// <summary>The total allocated to capabilities now: zero once withdrawn.</summary>
    public Money Allocated => IsWithdrawn ? Money.Zero : AllocatedAsOf(LocalDate.MaxIsoValue);

    /// <summary>The amount stated for a date (before any withdrawal), zero before the commitment.</summary>
    /// <param name="date">The valid date.</param>
    /// <returns>The amount.</returns>
    public Money AmountAsOf(LocalDate date) => LatestOn(AmountHistory, date);

    /// <summary>The total allocated on a date (before any withdrawal).</summary>
    /// <param name="date">The valid date.</param>
    /// <returns>The total.</returns>
    public Money AllocatedAsOf(LocalDate date) =>
        AllocationHistory.Values.Aggregate(Money.Zero, (sum, history) => sum + LatestOn(history, date));

    /// <summary>The first valid date on which the allocations exceed the amount, if any; the rules keep there being none.</summary>
    /// <returns>The date, or <see langword="null"/>.</returns>
    public LocalDate? FirstOverAllocation() =>
        AmountHistory.Keys.Concat(AllocationHistory.Values.SelectMany(h => h.Keys)).Distinct().Order()
            .Cast<LocalDate?>()
            .FirstOrDefault(d => AllocatedAsOf(d!.Value) > AmountAsOf(d.Value));

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the commitment exists.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    public static FundingCommitment? Evolve(FundingCommitment? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, FundingPledged e) => Create(e.CommitmentId, e.Recipient, new FundingOrigin(FundingOriginKind.NewMoney, e.OriginName),
                e.Basis, e.Period, e.Purpose, e.Amount, e.ValidOn, e.Provenance),
            (null, FundingRedirected e) => Create(e.CommitmentId, e.Recipient, new FundingOrigin(FundingOriginKind.Redirected, e.FromProgramme),
                e.Basis, e.Period, e.Purpose, e.Amount, e.ValidOn, e.Provenance),
            (null, _) => null,
            (_, FundingAllocated e) => state.Cite(e.Provenance) with
            {
                AllocationHistory = state.AllocationHistory.SetItem(e.Capability,
                    state.AllocationHistory.GetValueOrDefault(e.Capability, ImmutableSortedDictionary<LocalDate, Money>.Empty).SetItem(e.ValidOn, e.Amount)),
            },
            (_, FundingRevised e) => state.Cite(e.Provenance) with
            {
                AmountHistory = state.AmountHistory.SetItem(e.ValidOn, e.RevisedAmount),
                RevisionDates = state.RevisionDates.Add(e.ValidOn),
            },
            (_, FundingAmountCorrected e) => state.Cite(e.Provenance) with
            {
                AmountHistory = state.AmountHistory.SetItem(e.ValidOn, e.CorrectedAmount),
            },
            (_, FundingPeriodRevised e) => state.Cite(e.Provenance) with { PeriodHistory = state.PeriodHistory.SetItem(e.ValidOn, e.Period) },
            (_, FundingPeriodCorrected e) => state.Cite(e.Provenance) with { PeriodHistory = state.PeriodHistory.SetItem(e.ValidOn, e.Period) },
            (_, FundingWithdrawn e) => state.Cite(e.Provenance) with
            {
                WithdrawnOn = state.WithdrawnOn is { } earlier && earlier < e.ValidOn ? earlier : e.ValidOn,
            },
            (_, FundingReannounced e) => state.Cite(e.Provenance),
            (_, SpendingReported e) => state.Cite(e.Provenance) with { SpendingHistory = Reported(state.SpendingHistory, e) },
            _ => state,
        };

    // A spending report is the latest statement of its line (year, stage, kind) from its valid date.
    private static ImmutableSortedDictionary<string, ImmutableSortedDictionary<LocalDate, Money>> Reported(
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<LocalDate, Money>> history, SpendingReported e)
    {
        var line = SpendingLine.KeyOf(e.Year, e.Stage, e.Kind);
        return history.SetItem(line, history.GetValueOrDefault(line, ImmutableSortedDictionary<LocalDate, Money>.Empty).SetItem(e.ValidOn, e.Amount));
    }

    private static FundingCommitment Create(string id, string recipient, FundingOrigin origin, FundingBasis basis,
        FundingPeriod period, string purpose, Money amount, LocalDate on, Provenance provenance) =>
        new(id, recipient, origin, basis, ImmutableSortedDictionary<LocalDate, FundingPeriod>.Empty.Add(on, period), purpose, on,
            ImmutableSortedDictionary<LocalDate, Money>.Empty.Add(on, amount),
            ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<LocalDate, Money>>(StringComparer.Ordinal),
            [], null, [.. provenance.Sources]);

    private static Money LatestOn(ImmutableSortedDictionary<LocalDate, Money> history, LocalDate date)
    {
        var latest = Money.Zero;
        foreach (var (on, value) in history)
        {
            if (on > date)
            {
                break;
            }

            latest = value;
        }

        return latest;
    }

    private FundingCommitment Cite(Provenance provenance) => this with { Sources = Sources.Cite(provenance) };
}
