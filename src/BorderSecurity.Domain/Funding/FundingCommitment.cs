namespace BorderSecurity.Domain.Funding;

/// <summary>An allocation of part of a commitment to one capability.</summary>
/// <param name="Amount">The amount allocated.</param>
/// <param name="StatedOn">The valid date of the allocation that set it.</param>
public sealed record Allocation(Money Amount, LocalDate StatedOn);

/// <summary>
/// The state of one funding commitment, folded from its events. Immutable: <see cref="Evolve"/> returns a new state.
/// </summary>
/// <remarks>
/// Amounts follow "latest valid date wins": a statement of the amount (the original commitment, a revision,
/// a correction) replaces another only if its valid date is the same or later, so folding the events in
/// recording order or in valid-date order gives the same state. On the same valid date the statement folded
/// last wins, which is what a correction is.
/// </remarks>
/// <param name="CommitmentId">The stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Origin">Where the money comes from.</param>
/// <param name="Basis">Firm sum or "up to" ceiling.</param>
/// <param name="Period">The period it covers.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="CommittedOn">The valid date of the pledge or redirect that created it.</param>
/// <param name="OriginalAmount">The amount committed on <paramref name="CommittedOn"/>, after corrections.</param>
/// <param name="Amount">The amount from the latest statement (commitment, correction or revision).</param>
/// <param name="AmountStatedOn">The valid date of that latest statement.</param>
/// <param name="Allocations">The allocation of each capability.</param>
/// <param name="RevisionDates">The valid dates of the revisions.</param>
/// <param name="WithdrawnOn">When it was withdrawn, if it was.</param>
/// <param name="Sources">Every source that reported any of its events, first reported first.</param>
public sealed record FundingCommitment(
    string CommitmentId,
    string Recipient,
    FundingOrigin Origin,
    FundingBasis Basis,
    FundingPeriod Period,
    string Purpose,
    LocalDate CommittedOn,
    Money OriginalAmount,
    Money Amount,
    LocalDate AmountStatedOn,
    ImmutableSortedDictionary<string, Allocation> Allocations,
    ImmutableSortedSet<LocalDate> RevisionDates,
    LocalDate? WithdrawnOn,
    ImmutableList<SourceReference> Sources)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(FundingCommitment);

    /// <summary>Whether the commitment has been withdrawn.</summary>
    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>The amount that counts: zero once withdrawn, else <see cref="Amount"/>.</summary>
    public Money EffectiveAmount => IsWithdrawn ? Money.Zero : Amount;

    /// <summary>The total allocated to capabilities: zero once withdrawn.</summary>
    public Money Allocated => IsWithdrawn ? Money.Zero : Allocations.Values.Aggregate(Money.Zero, (sum, a) => sum + a.Amount);

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
                Allocations = state.Allocations.TryGetValue(e.Capability, out var existing) && existing.StatedOn > e.ValidOn
                    ? state.Allocations
                    : state.Allocations.SetItem(e.Capability, new Allocation(e.Amount, e.ValidOn)),
            },
            (_, FundingRevised e) => state.StateAmount(e.RevisedAmount, e.ValidOn).Cite(e.Provenance) with
            {
                RevisionDates = state.RevisionDates.Add(e.ValidOn),
            },
            (_, FundingAmountCorrected e) => state.StateAmount(e.CorrectedAmount, e.ValidOn).Cite(e.Provenance) with
            {
                OriginalAmount = e.ValidOn == state.CommittedOn ? e.CorrectedAmount : state.OriginalAmount,
            },
            (_, FundingWithdrawn e) => state.Cite(e.Provenance) with
            {
                WithdrawnOn = state.WithdrawnOn is { } earlier && earlier < e.ValidOn ? earlier : e.ValidOn,
            },
            (_, FundingReannounced e) => state.Cite(e.Provenance),
            _ => state,
        };

    private static FundingCommitment Create(string id, string recipient, FundingOrigin origin, FundingBasis basis,
        FundingPeriod period, string purpose, Money amount, LocalDate on, Provenance provenance) =>
        new(id, recipient, origin, basis, period, purpose, on, amount, amount, on,
            ImmutableSortedDictionary.Create<string, Allocation>(StringComparer.Ordinal),
            [], null, [.. provenance.Sources]);

    private FundingCommitment StateAmount(Money amount, LocalDate on) =>
        on >= AmountStatedOn ? this with { Amount = amount, AmountStatedOn = on } : this;

    private FundingCommitment Cite(Provenance provenance) => this with { Sources = Sources.Cite(provenance) };
}
