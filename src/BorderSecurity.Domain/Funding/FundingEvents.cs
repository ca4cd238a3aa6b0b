namespace BorderSecurity.Domain.Funding;

/// <summary>New money was pledged to a recipient. Creates a funding commitment.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Recipient">Who receives the money, for example <c>Border Security Command</c>.</param>
/// <param name="Amount">The amount pledged.</param>
/// <param name="Basis">Whether the amount is firm or an "up to" ceiling.</param>
/// <param name="OriginName">Where the new money comes from (for example <c>Autumn Budget 2024</c>), or <see langword="null"/> where the sources do not say.</param>
/// <param name="Period">What the money covers: a total over financial years, a yearly level, in-year money or not stated (v2; v1 carried a description only, see <see cref="FundingPeriodV1"/>).</param>
/// <param name="Purpose">What the money is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("funding.pledged.v2")]
public sealed record FundingPledged(
    string CommitmentId,
    string Recipient,
    Money Amount,
    FundingBasis Basis,
    string? OriginName,
    FundingPeriod Period,
    string Purpose,
    string AnnouncedBy,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>Money was moved from a named programme to a recipient. Creates a funding commitment.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Amount">The amount moved.</param>
/// <param name="Basis">Whether the amount is firm or an "up to" ceiling.</param>
/// <param name="FromProgramme">The programme the money was moved from, for example <c>Illegal Migration Act 2023</c>.</param>
/// <param name="FromLegislationId">The stream id of the Act whose budget it was, where the programme is an Act; else <see langword="null"/>.</param>
/// <param name="Period">What the money covers: a total over financial years, a yearly level, in-year money or not stated (v2; v1 carried a description only, see <see cref="FundingPeriodV1"/>).</param>
/// <param name="Purpose">What the money is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("funding.redirected.v2")]
public sealed record FundingRedirected(
    string CommitmentId,
    string Recipient,
    Money Amount,
    FundingBasis Basis,
    string FromProgramme,
    string? FromLegislationId,
    FundingPeriod Period,
    string Purpose,
    string AnnouncedBy,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>
/// Part of a commitment was allocated to a capability. <paramref name="Amount"/> is the whole allocation to
/// that capability from <paramref name="ValidOn"/> on: it replaces an earlier allocation to the same capability.
/// </summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Capability">The capability, for example <c>Covert cameras and monitoring technology</c>.</param>
/// <param name="Amount">The capability's allocation from <paramref name="ValidOn"/> on; zero releases it.</param>
/// <param name="ValidOn">When the allocation was made.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("funding.allocated.v1")]
public sealed record FundingAllocated(
    string CommitmentId,
    string Capability,
    Money Amount,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>The commitment's amount changed in the world from <paramref name="ValidOn"/> on (a later decision, not a correction of an error).</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="RevisedAmount">The amount from <paramref name="ValidOn"/> on.</param>
/// <param name="Reason">Why it changed.</param>
/// <param name="ValidOn">When it changed.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("funding.revised.v1")]
public sealed record FundingRevised(
    string CommitmentId,
    Money RevisedAmount,
    string Reason,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>
/// The amount first recorded for the commitment was wrong: <paramref name="CorrectedAmount"/> is what was
/// really committed on the commitment's date. <paramref name="ValidOn"/> is that original date, so the
/// correction rewrites the past only for questions asked with a known-at on or after its recording.
/// </summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="CorrectedAmount">The amount really committed.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="ValidOn">The commitment's original date.</param>
/// <param name="Provenance">The sources of the correction.</param>
[EventName("funding.amount-corrected.v1")]
public sealed record FundingAmountCorrected(
    string CommitmentId,
    Money CorrectedAmount,
    string Reason,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>The commitment was withdrawn: from <paramref name="ValidOn"/> on it and its allocations count as zero.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Reason">Why it was withdrawn.</param>
/// <param name="ValidOn">When it was withdrawn.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("funding.withdrawn.v1")]
public sealed record FundingWithdrawn(
    string CommitmentId,
    string Reason,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>An existing commitment was announced again. It adds a source and no money.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="AnnouncedBy">Who announced it again.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources that reported the re-announcement.</param>
[EventName("funding.reannounced.v1")]
public sealed record FundingReannounced(
    string CommitmentId,
    string AnnouncedBy,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>
/// What the commitment covers changed in the world from <paramref name="ValidOn"/> on (a later announcement, for example
/// the years of money first announced without them): the whole period, profile included, from that date.
/// </summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Period">The period from <paramref name="ValidOn"/> on.</param>
/// <param name="Reason">Why it changed.</param>
/// <param name="ValidOn">When it changed; after the commitment's date.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("funding.period-revised.v1")]
public sealed record FundingPeriodRevised(
    string CommitmentId,
    FundingPeriod Period,
    string Reason,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>
/// The period first recorded for the commitment was wrong: <paramref name="Period"/> is what it really covered on the
/// commitment's date, which <paramref name="ValidOn"/> is, so the correction rewrites the past only for questions asked
/// with a known-at on or after its recording.
/// </summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Period">The period really announced.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="ValidOn">The commitment's original date.</param>
/// <param name="Provenance">The sources of the correction.</param>
[EventName("funding.period-corrected.v1")]
public sealed record FundingPeriodCorrected(
    string CommitmentId,
    FundingPeriod Period,
    string Reason,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}

/// <summary>
/// Spending against the commitment was reported: the whole amount of one financial year, stage (planned or outturn) and kind
/// of spending as of <paramref name="ValidOn"/>. A later report of the same year, stage and kind replaces it from its own valid
/// date (an outturn updated in year, a plan reset); a report recorded later with the same valid date replaces it for questions
/// that know the later one (a revised or corrected outturn), so what was known earlier still reads as it was.
/// </summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Year">The financial year the money is spent or planned in.</param>
/// <param name="Stage">Planned or outturn.</param>
/// <param name="Kind">Resource, capital or not stated.</param>
/// <param name="Amount">The line's whole amount as reported (zero is a report of nothing spent).</param>
/// <param name="ValidOn">For outturn, the last day the spending counts (inside <paramref name="Year"/>; its last day for a full-year outturn); for a plan, the day it was set.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("funding.spending-reported.v1")]
public sealed record SpendingReported(
    string CommitmentId,
    FinancialYear Year,
    SpendingStage Stage,
    SpendingKind Kind,
    Money Amount,
    LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommitmentId;
}
