using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

/// <summary>An amount for one capability.</summary>
/// <param name="Capability">The capability.</param>
/// <param name="Amount">The amount allocated to it.</param>
public sealed record CapabilityAmount(string Capability, Money Amount);

/// <summary>An amount from one origin.</summary>
/// <param name="Origin">Where the money comes from.</param>
/// <param name="Amount">How much.</param>
public sealed record OriginAmount(FundingOrigin Origin, Money Amount);

/// <summary>One commitment as of a question.</summary>
/// <param name="CommitmentId">Its stream id.</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="Origin">Where the money comes from.</param>
/// <param name="Basis">Firm sum or ceiling.</param>
/// <param name="CommittedOn">When it was made.</param>
/// <param name="Amount">The amount that counts (zero once withdrawn).</param>
/// <param name="Allocations">Its non-zero allocations, by capability name.</param>
/// <param name="IsWithdrawn">Whether it was withdrawn.</param>
/// <param name="Sources">Every source behind the events that count, first cited first.</param>
public sealed record CommitmentPosition(
    string CommitmentId,
    string Recipient,
    FundingOrigin Origin,
    FundingBasis Basis,
    LocalDate CommittedOn,
    Money Amount,
    IReadOnlyList<CapabilityAmount> Allocations,
    bool IsWithdrawn,
    IReadOnlyList<SourceReference> Sources)
{
    /// <summary>The total allocated.</summary>
    public Money Allocated => Allocations.Aggregate(Money.Zero, (sum, a) => sum + a.Amount);

    /// <summary>The position of a commitment's folded state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The position.</returns>
    public static CommitmentPosition Of(FundingCommitment state)
    {
        Guard.Against.Null(state);
        return new CommitmentPosition(state.CommitmentId, state.Recipient, state.Origin, state.Basis, state.CommittedOn,
            state.EffectiveAmount,
            state.IsWithdrawn ? [] : [.. state.Allocations.Where(a => a.Value.Amount > Money.Zero).Select(a => new CapabilityAmount(a.Key, a.Value.Amount))],
            state.IsWithdrawn, state.Sources);
    }
}

/// <summary>An amount to be totalled, with what the totals split it by.</summary>
/// <param name="Origin">New money or redirected.</param>
/// <param name="Basis">Firm sum or ceiling.</param>
/// <param name="Amount">The amount that counts.</param>
/// <param name="Allocated">Of which allocated to capabilities.</param>
public sealed record FundingShare(FundingOriginKind Origin, FundingBasis Basis, Money Amount, Money Allocated);

/// <summary>Totals of a set of commitments, split the ways analysts ask.</summary>
/// <param name="Total">Everything committed.</param>
/// <param name="NewMoney">Of which new money.</param>
/// <param name="Redirected">Of which money moved from other programmes.</param>
/// <param name="Firm">Of which firm sums.</param>
/// <param name="Ceiling">Of which "up to" ceilings (not firm).</param>
/// <param name="Allocated">Of which allocated to capabilities.</param>
/// <param name="Unallocated">Of which not yet allocated.</param>
public sealed record FundingTotals(Money Total, Money NewMoney, Money Redirected, Money Firm, Money Ceiling, Money Allocated, Money Unallocated)
{
    /// <summary>No money.</summary>
    public static readonly FundingTotals None = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>The totals of some commitments.</summary>
    /// <param name="commitments">The commitments.</param>
    /// <returns>Their totals.</returns>
    public static FundingTotals Of(IEnumerable<CommitmentPosition> commitments) =>
        Of(Guard.Against.Null(commitments).Select(c => new FundingShare(c.Origin.Kind, c.Basis, c.Amount, c.Allocated)));

    /// <summary>
    /// The totals of some amounts, each with its origin and basis: the one rule every store sums by (the Marten package
    /// sums in PostgreSQL by origin and basis and finishes here).
    /// </summary>
    /// <param name="shares">The amounts; several may share an origin and basis.</param>
    /// <returns>Their totals.</returns>
    public static FundingTotals Of(IEnumerable<FundingShare> shares)
    {
        // Plain decimal sums and one record at the end: a portfolio question sums thousands of positions.
        decimal total = 0, newMoney = 0, redirected = 0, firm = 0, ceiling = 0, allocated = 0;
        foreach (var share in Guard.Against.Null(shares))
        {
            var amount = share.Amount.Pounds;
            total += amount;
            newMoney += share.Origin == FundingOriginKind.NewMoney ? amount : 0;
            redirected += share.Origin == FundingOriginKind.Redirected ? amount : 0;
            firm += share.Basis == FundingBasis.Firm ? amount : 0;
            ceiling += share.Basis == FundingBasis.UpTo ? amount : 0;
            allocated += share.Allocated.Pounds;
        }

        return new FundingTotals(Money.FromPounds(total), Money.FromPounds(newMoney), Money.FromPounds(redirected), Money.FromPounds(firm),
            Money.FromPounds(ceiling), Money.FromPounds(allocated), Money.FromPounds(total - allocated));
    }
}

/// <summary>One recipient's funding.</summary>
/// <param name="Recipient">The recipient.</param>
/// <param name="Totals">Its totals.</param>
/// <param name="ByOrigin">By origin, in label order.</param>
/// <param name="ByCapability">By capability, in name order.</param>
/// <param name="CommitmentIds">Its commitments.</param>
public sealed record RecipientFunding(
    string Recipient,
    FundingTotals Totals,
    IReadOnlyList<OriginAmount> ByOrigin,
    IReadOnlyList<CapabilityAmount> ByCapability,
    IReadOnlyList<string> CommitmentIds);

/// <summary>All funding as of a question: the whole portfolio, each recipient, each origin and capability, each commitment.</summary>
/// <param name="Query">The question.</param>
/// <param name="Totals">The portfolio's totals.</param>
/// <param name="Recipients">Each recipient, in name order.</param>
/// <param name="ByOrigin">By origin, in label order.</param>
/// <param name="ByCapability">By capability, in name order.</param>
/// <param name="Commitments">Each commitment, in id order.</param>
public sealed partial record FundingPortfolio(
    AsOfQuery Query,
    FundingTotals Totals,
    IReadOnlyList<RecipientFunding> Recipients,
    IReadOnlyList<OriginAmount> ByOrigin,
    IReadOnlyList<CapabilityAmount> ByCapability,
    IReadOnlyList<CommitmentPosition> Commitments)
{
    /// <summary>One recipient's funding, or <see cref="FundingTotals.None"/> totals if it has none.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <returns>Its funding.</returns>
    public RecipientFunding For(string recipient) =>
        Recipients.FirstOrDefault(r => r.Recipient == recipient) ?? new RecipientFunding(recipient, FundingTotals.None, [], [], []);

    /// <summary>Builds the portfolio from commitment positions.</summary>
    /// <param name="query">The question.</param>
    /// <param name="commitments">The positions.</param>
    /// <returns>The portfolio.</returns>
    public static FundingPortfolio Of(AsOfQuery query, IEnumerable<CommitmentPosition> commitments)
    {
        var all = Guard.Against.Null(commitments).OrderBy(c => c.CommitmentId, StringComparer.Ordinal).ToArray();
        var recipients = all.GroupBy(c => c.Recipient)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RecipientFunding(g.Key, FundingTotals.Of(g), ByOriginOf(g), ByCapabilityOf(g), [.. g.Select(c => c.CommitmentId)]))
            .ToArray();
        return new FundingPortfolio(query, FundingTotals.Of(all), recipients, ByOriginOf(all), ByCapabilityOf(all), all);
    }

    private static OriginAmount[] ByOriginOf(IEnumerable<CommitmentPosition> commitments) =>
        [.. commitments.GroupBy(c => c.Origin)
            .Select(g => new OriginAmount(g.Key, g.Aggregate(Money.Zero, (sum, c) => sum + c.Amount)))
            .OrderBy(o => o.Origin.Label, StringComparer.Ordinal)];

    private static CapabilityAmount[] ByCapabilityOf(IEnumerable<CommitmentPosition> commitments) =>
        [.. commitments.SelectMany(c => c.Allocations).GroupBy(a => a.Capability)
            .Select(g => new CapabilityAmount(g.Key, g.Aggregate(Money.Zero, (sum, a) => sum + a.Amount)))
            .OrderBy(a => a.Capability, StringComparer.Ordinal)];
}
