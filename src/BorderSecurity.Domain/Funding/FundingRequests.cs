namespace BorderSecurity.Domain.Funding;

/// <summary>A request to change a funding commitment. Decided by <see cref="FundingCommitmentDecider"/>.</summary>
public interface IFundingRequest : IBorderSecurityRequest;

/// <summary>Record new money pledged to a recipient. Emits <see cref="FundingPledged"/>.</summary>
/// <param name="CommitmentId">The new commitment's stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Amount">The amount; more than zero.</param>
/// <param name="Basis">Firm sum or "up to" ceiling.</param>
/// <param name="OriginName">Where the new money comes from, or <see langword="null"/> where the sources do not say.</param>
/// <param name="Period">What it covers (see <see cref="FundingPeriod"/>); a profile must add up to <paramref name="Amount"/>.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record PledgeFunding(
    string CommitmentId, string Recipient, Money Amount, FundingBasis Basis, string? OriginName, FundingPeriod Period,
    string Purpose, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Record money moved from a named programme to a recipient. Emits <see cref="FundingRedirected"/>.</summary>
/// <param name="CommitmentId">The new commitment's stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Amount">The amount; more than zero.</param>
/// <param name="Basis">Firm sum or "up to" ceiling.</param>
/// <param name="FromProgramme">The programme the money was moved from.</param>
/// <param name="FromLegislationId">The Act's stream id where the programme is an Act, else <see langword="null"/>.</param>
/// <param name="Period">What it covers (see <see cref="FundingPeriod"/>); a profile must add up to <paramref name="Amount"/>.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record RedirectFunding(
    string CommitmentId, string Recipient, Money Amount, FundingBasis Basis, string FromProgramme, string? FromLegislationId,
    FundingPeriod Period, string Purpose, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Set a capability's allocation from a commitment. Emits <see cref="FundingAllocated"/>.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Capability">The capability.</param>
/// <param name="Amount">The capability's whole allocation from <paramref name="ValidOn"/> on; zero releases it.</param>
/// <param name="ValidOn">When the allocation was made.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record AllocateFunding(
    string CommitmentId, string Capability, Money Amount, LocalDate ValidOn, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Record that the commitment's amount changed from a date on. Emits <see cref="FundingRevised"/>.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="RevisedAmount">The amount from <paramref name="ValidOn"/> on.</param>
/// <param name="Reason">Why it changed.</param>
/// <param name="ValidOn">When it changed; after the commitment's date.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record ReviseFunding(
    string CommitmentId, Money RevisedAmount, string Reason, LocalDate ValidOn, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Correct the amount first recorded for the commitment. Emits <see cref="FundingAmountCorrected"/> on the commitment's own date.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="CorrectedAmount">The amount really committed; more than zero.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="Provenance">The sources of the correction.</param>
public sealed record CorrectFundingAmount(
    string CommitmentId, Money CorrectedAmount, string Reason, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Record that the commitment was withdrawn. Emits <see cref="FundingWithdrawn"/>.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record WithdrawFunding(
    string CommitmentId, string Reason, LocalDate ValidOn, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Record that an existing commitment was announced again (no new money). Emits <see cref="FundingReannounced"/>.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="AnnouncedBy">Who announced it again.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources that reported the re-announcement.</param>
public sealed record ReannounceFunding(
    string CommitmentId, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Record that what the commitment covers changed from a date on. Emits <see cref="FundingPeriodRevised"/>.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Period">The period from <paramref name="ValidOn"/> on; a profile must add up to the amount on that date.</param>
/// <param name="Reason">Why it changed.</param>
/// <param name="ValidOn">When it changed; after the commitment's date.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record ReviseFundingPeriod(
    string CommitmentId, FundingPeriod Period, string Reason, LocalDate ValidOn, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Correct the period first recorded for the commitment. Emits <see cref="FundingPeriodCorrected"/> on the commitment's own date.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Period">The period really announced; a profile must add up to the original amount.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="Provenance">The sources of the correction.</param>
public sealed record CorrectFundingPeriod(
    string CommitmentId, FundingPeriod Period, string Reason, Provenance Provenance) : IFundingRequest
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}
