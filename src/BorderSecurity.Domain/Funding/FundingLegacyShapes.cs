namespace BorderSecurity.Domain.Funding;

/// <summary>
/// The period as <c>funding.pledged.v1</c>, <c>funding.redirected.v1</c> and timeline files of format 1 carried it: a
/// description with optional dates. Read only (see <see cref="LegacyEventShape"/>); mapped forward by <see cref="Forward"/>.
/// </summary>
/// <param name="Description">The period as announced.</param>
/// <param name="Dates">The dates it covered, inclusive, where given.</param>
public sealed record FundingPeriodV1(string Description, DateInterval? Dates = null)
{
    /// <summary>
    /// The period in today's shape, stating exactly what the old one stated: dates that are exactly one financial year
    /// (1 April to 31 March) become in-year money for it, dates that are exactly a run of whole financial years a total over
    /// them; anything else, including a description alone, is "not stated" with its description kept. Nothing is guessed
    /// from the words.
    /// </summary>
    /// <returns>The period.</returns>
    public FundingPeriod Forward()
    {
        if (Dates is { } dates && dates.Start.Month == 4 && dates.Start.Day == 1 && dates.End.Month == 3 && dates.End.Day == 31
            && dates.End.Year > dates.Start.Year
            && dates.Start.Year is >= FinancialYear.MinStartYear and <= FinancialYear.MaxStartYear
            && dates.End.Year - 1 <= FinancialYear.MaxStartYear)
        {
            var first = new FinancialYear(dates.Start.Year);
            var last = new FinancialYear(dates.End.Year - 1);
            return first == last ? FundingPeriod.InYear(first, Description) : FundingPeriod.OverYears(first, last, Description);
        }

        return FundingPeriod.NotStated(Description);
    }
}

/// <summary>The stored shape of <c>funding.pledged.v1</c> (period as <see cref="FundingPeriodV1"/>). Read only; see <see cref="FundingPledged"/>.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Amount">The amount pledged.</param>
/// <param name="Basis">Firm or "up to".</param>
/// <param name="OriginName">Where the new money comes from, if stated.</param>
/// <param name="Period">The period, in the old shape.</param>
/// <param name="Purpose">What the money is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record FundingPledgedV1(
    string CommitmentId, string Recipient, Money Amount, FundingBasis Basis, string? OriginName, FundingPeriodV1 Period,
    string Purpose, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The event in today's shape.</summary>
    /// <returns>The event.</returns>
    public FundingPledged Forward() =>
        new(CommitmentId, Recipient, Amount, Basis, OriginName, Period.Forward(), Purpose, AnnouncedBy, ValidOn, Provenance);
}

/// <summary>The stored shape of <c>funding.redirected.v1</c> (period as <see cref="FundingPeriodV1"/>). Read only; see <see cref="FundingRedirected"/>.</summary>
/// <param name="CommitmentId">The commitment's stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Amount">The amount moved.</param>
/// <param name="Basis">Firm or "up to".</param>
/// <param name="FromProgramme">The programme it was moved from.</param>
/// <param name="FromLegislationId">The Act's stream id, where the programme is an Act.</param>
/// <param name="Period">The period, in the old shape.</param>
/// <param name="Purpose">What the money is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record FundingRedirectedV1(
    string CommitmentId, string Recipient, Money Amount, FundingBasis Basis, string FromProgramme, string? FromLegislationId,
    FundingPeriodV1 Period, string Purpose, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The event in today's shape.</summary>
    /// <returns>The event.</returns>
    public FundingRedirected Forward() =>
        new(CommitmentId, Recipient, Amount, Basis, FromProgramme, FromLegislationId, Period.Forward(), Purpose, AnnouncedBy, ValidOn, Provenance);
}

/// <summary>The shape of <see cref="PledgeFunding"/> in timeline files of format 1. Read only.</summary>
/// <param name="CommitmentId">The new commitment's stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Basis">Firm or "up to".</param>
/// <param name="OriginName">Where the new money comes from, if stated.</param>
/// <param name="Period">The period, in the old shape.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record PledgeFundingV1(
    string CommitmentId, string Recipient, Money Amount, FundingBasis Basis, string? OriginName, FundingPeriodV1 Period,
    string Purpose, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The stream the request was for, as timeline files of format 1 wrote it after the fields (ignored when read).</summary>
    public string StreamId => CommitmentId;

    /// <summary>The request in today's shape.</summary>
    /// <returns>The request.</returns>
    public PledgeFunding Forward() => new()
    {
        CommitmentId = LegacyFields.Read(nameof(CommitmentId), () => new CommitmentId(CommitmentId)),
        Recipient = LegacyFields.Read(nameof(Recipient), () => new Organisation(Recipient)),
        Amount = Amount,
        Basis = Basis,
        OriginName = OriginName,
        Period = Period?.Forward()!,
        Purpose = Purpose,
        AnnouncedBy = AnnouncedBy,
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}

/// <summary>The shape of <see cref="RedirectFunding"/> in timeline files of format 1. Read only.</summary>
/// <param name="CommitmentId">The new commitment's stream id.</param>
/// <param name="Recipient">Who receives the money.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Basis">Firm or "up to".</param>
/// <param name="FromProgramme">The programme it was moved from.</param>
/// <param name="FromLegislationId">The Act's stream id, where the programme is an Act.</param>
/// <param name="Period">The period, in the old shape.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was announced.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record RedirectFundingV1(
    string CommitmentId, string Recipient, Money Amount, FundingBasis Basis, string FromProgramme, string? FromLegislationId,
    FundingPeriodV1 Period, string Purpose, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The stream the request was for, as timeline files of format 1 wrote it after the fields (ignored when read).</summary>
    public string StreamId => CommitmentId;

    /// <summary>The request in today's shape.</summary>
    /// <returns>The request.</returns>
    public RedirectFunding Forward() => new()
    {
        CommitmentId = LegacyFields.Read(nameof(CommitmentId), () => new CommitmentId(CommitmentId)),
        Recipient = LegacyFields.Read(nameof(Recipient), () => new Organisation(Recipient)),
        Amount = Amount,
        Basis = Basis,
        FromProgramme = FromProgramme,
        FromLegislationId = FromLegislationId is null ? null : LegacyFields.Read(nameof(FromLegislationId), () => new Legislative.LegislationId(FromLegislationId)),
        Period = Period?.Forward()!,
        Purpose = Purpose,
        AnnouncedBy = AnnouncedBy,
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}
