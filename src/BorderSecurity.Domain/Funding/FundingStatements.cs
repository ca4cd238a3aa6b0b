namespace BorderSecurity.Domain.Funding;

/// <summary>What a commitment's creation fixes for good: who receives it, where the money comes from, firm or "up to".</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="OriginKind">New money or redirected.</param>
/// <param name="OriginName">The budget or programme it comes from, if stated.</param>
/// <param name="Basis">Firm or a ceiling.</param>
public sealed record CommitmentCreation(string CommitmentId, string Recipient, FundingOriginKind OriginKind, string? OriginName, FundingBasis Basis);

/// <summary>
/// What each funding event states (see <see cref="FigureStatement"/>): the one mapping every store's projection uses,
/// as the aggregate's registration (FundingCommitmentAggregate) states it.
/// </summary>
public static class FundingStatements
{
    /// <summary>The figures a funding event states.</summary>
    /// <param name="e">A funding event (any other event states nothing here).</param>
    /// <returns>
    /// The statements: a creation, an amount and a period for a pledge or redirect, an amount for a revision or correction, a
    /// period for a period revision or correction (its content is <see cref="PeriodOf"/>), an allocation per capability, a withdrawal.
    /// </returns>
    public static IReadOnlyList<FigureStatement> Of(IBorderSecurityEvent e) =>
        Aggregates.Of(Guard.Against.Null(e)) is { Aggregate: AggregateKind.FundingCommitment } registration ? registration.States(e) : [];

    /// <summary>The creation a pledge or redirect states, or <see langword="null"/> for any other event.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The creation.</returns>
    public static CommitmentCreation? CreationOf(IBorderSecurityEvent e) => Guard.Against.Null(e) switch
    {
        FundingPledged p => new(p.CommitmentId, p.Recipient, FundingOriginKind.NewMoney, p.OriginName, p.Basis),
        FundingRedirected r => new(r.CommitmentId, r.Recipient, FundingOriginKind.Redirected, r.FromProgramme, r.Basis),
        _ => null,
    };

    /// <summary>The period an event states (a pledge, a redirect, a period revision or correction), or <see langword="null"/>.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The period.</returns>
    public static FundingPeriod? PeriodOf(IBorderSecurityEvent e) => Guard.Against.Null(e) switch
    {
        FundingPledged p => p.Period,
        FundingRedirected r => r.Period,
        FundingPeriodRevised r => r.Period,
        FundingPeriodCorrected c => c.Period,
        _ => null,
    };
}
