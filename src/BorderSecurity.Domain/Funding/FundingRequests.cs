using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Funding;

/// <summary>A request to change a funding commitment. Decided by <see cref="FundingCommitmentDecider"/>.</summary>
public interface IFundingRequest : IBorderSecurityRequest;

/// <summary>Record new money pledged to a recipient. Emits <see cref="FundingPledged"/>.</summary>
/// <example>
/// <code>
/// var pledge = new PledgeFunding
/// {
///     CommitmentId = new("funding:bsc-2024-11-budget"),
///     Recipient = new("Border Security Command"),
///     Amount = Money.FromMillions(75),
///     Basis = FundingBasis.Firm,
///     OriginName = "Autumn Budget 2024",
///     Period = FundingPeriod.NotStated("over the next two years"),
///     Purpose = "NCA technology and 300 BSC staff",
///     AnnouncedBy = "Prime Minister",
///     ValidOn = new LocalDate(2024, 11, 4),
///     Provenance = Provenance.Of(source),
/// };
/// </code>
/// </example>
public sealed record PledgeFunding : IFundingRequest
{
    /// <summary>The new commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>Who receives the money.</summary>
    public required Organisation Recipient { get; init; }

    /// <summary>The amount; more than zero.</summary>
    public required Money Amount { get; init; }

    /// <summary>Firm sum or "up to" ceiling.</summary>
    public required FundingBasis Basis { get; init; }

    /// <summary>Where the new money comes from, or <see langword="null"/> (the default) where the sources do not say.</summary>
    public string? OriginName { get; init; }

    /// <summary>What it covers (see <see cref="FundingPeriod"/>); a profile must add up to <see cref="Amount"/>.</summary>
    public required FundingPeriod Period { get; init; }

    /// <summary>What it is for.</summary>
    public required string Purpose { get; init; }

    /// <summary>Who announced it, for example <c>Prime Minister</c>.</summary>
    public required string AnnouncedBy { get; init; }

    /// <summary>When it was announced.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Record money moved from a named programme to a recipient. Emits <see cref="FundingRedirected"/>.</summary>
public sealed record RedirectFunding : IFundingRequest
{
    /// <summary>The new commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>Who receives the money.</summary>
    public required Organisation Recipient { get; init; }

    /// <summary>The amount; more than zero.</summary>
    public required Money Amount { get; init; }

    /// <summary>Firm sum or "up to" ceiling.</summary>
    public required FundingBasis Basis { get; init; }

    /// <summary>The programme the money was moved from, for example <c>Illegal Migration Act 2023</c>.</summary>
    public required string FromProgramme { get; init; }

    /// <summary>
    /// The Act's stream id where the programme is an Act (the Act must then be in force on <see cref="ValidOn"/>), else
    /// <see langword="null"/> (the default).
    /// </summary>
    public LegislationId? FromLegislationId { get; init; }

    /// <summary>What it covers (see <see cref="FundingPeriod"/>); a profile must add up to <see cref="Amount"/>.</summary>
    public required FundingPeriod Period { get; init; }

    /// <summary>What it is for.</summary>
    public required string Purpose { get; init; }

    /// <summary>Who announced it, for example <c>Home Secretary</c>.</summary>
    public required string AnnouncedBy { get; init; }

    /// <summary>When it was announced.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Set a capability's allocation from a commitment. Emits <see cref="FundingAllocated"/>.</summary>
public sealed record AllocateFunding : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>The capability, for example <c>Covert cameras</c>.</summary>
    public required string Capability { get; init; }

    /// <summary>The capability's whole allocation from <see cref="ValidOn"/> on; zero releases it.</summary>
    public required Money Amount { get; init; }

    /// <summary>When the allocation was made.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Record that the commitment's amount changed from a date on. Emits <see cref="FundingRevised"/>.</summary>
public sealed record ReviseFunding : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>The amount from <see cref="ValidOn"/> on.</summary>
    public required Money RevisedAmount { get; init; }

    /// <summary>Why it changed.</summary>
    public required string Reason { get; init; }

    /// <summary>When it changed; after the commitment's date.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Correct the amount first recorded for the commitment. Emits <see cref="FundingAmountCorrected"/> on the commitment's own date.</summary>
public sealed record CorrectFundingAmount : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>The amount really committed; more than zero.</summary>
    public required Money CorrectedAmount { get; init; }

    /// <summary>What was wrong.</summary>
    public required string Reason { get; init; }

    /// <summary>The sources of the correction.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Record that the commitment was withdrawn. Emits <see cref="FundingWithdrawn"/>.</summary>
public sealed record WithdrawFunding : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Record that an existing commitment was announced again (no new money). Emits <see cref="FundingReannounced"/>.</summary>
public sealed record ReannounceFunding : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>Who announced it again.</summary>
    public required string AnnouncedBy { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported the re-announcement.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Record that what the commitment covers changed from a date on. Emits <see cref="FundingPeriodRevised"/>.</summary>
public sealed record ReviseFundingPeriod : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>The period from <see cref="ValidOn"/> on; a profile must add up to the amount on that date.</summary>
    public required FundingPeriod Period { get; init; }

    /// <summary>Why it changed.</summary>
    public required string Reason { get; init; }

    /// <summary>When it changed; after the commitment's date.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>Correct the period first recorded for the commitment. Emits <see cref="FundingPeriodCorrected"/> on the commitment's own date.</summary>
public sealed record CorrectFundingPeriod : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>The period really announced; a profile must add up to the original amount.</summary>
    public required FundingPeriod Period { get; init; }

    /// <summary>What was wrong.</summary>
    public required string Reason { get; init; }

    /// <summary>The sources of the correction.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}

/// <summary>
/// Report spending against the commitment: one financial year, stage and kind, its whole amount as of <see cref="ValidOn"/>.
/// Emits <see cref="SpendingReported"/>. Spending above the amount promised is recorded and flagged by the answers
/// (<see cref="Projections.CommitmentDelivery.Overspend"/>), not refused: an outturn is a fact reported by its source, and a
/// commitment can be topped up later; refusing it would lose what was reported.
/// </summary>
/// <example>
/// <code>
/// var spent = new ReportSpending
/// {
///     CommitmentId = new("funding:bsc-2024-11-budget"),
///     Year = new FinancialYear(2024),
///     Stage = SpendingStage.Outturn,
///     Kind = SpendingKind.NotStated,
///     Amount = Money.FromMillions(20),
///     ValidOn = new LocalDate(2025, 3, 31),
///     Provenance = Provenance.Of(new SourceReference("home-office-annual-report-2024-25", "Annual report and accounts 2024-25")),
/// };
/// </code>
/// </example>
public sealed record ReportSpending : IFundingRequest
{
    /// <summary>The commitment's stream id.</summary>
    public required CommitmentId CommitmentId { get; init; }

    /// <summary>The financial year the money is spent or planned in.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>Planned or outturn (money spent).</summary>
    public required SpendingStage Stage { get; init; }

    /// <summary>Resource, capital or not stated.</summary>
    public SpendingKind Kind { get; init; }

    /// <summary>The line's whole amount as reported; zero reports that nothing was spent.</summary>
    public required Money Amount { get; init; }

    /// <summary>For outturn, the last day the spending counts (inside <see cref="Year"/>); for a plan, the day it was set.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommitmentId"/>.</summary>
    public StreamId StreamId => CommitmentId;
}
