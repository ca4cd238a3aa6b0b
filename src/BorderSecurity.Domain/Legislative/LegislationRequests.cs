namespace BorderSecurity.Domain.Legislative;

/// <summary>A request to change a piece of legislation. Decided by <see cref="LegislationDecider"/>.</summary>
public interface ILegislationRequest : IBorderSecurityRequest;

/// <summary>Record that a bill was announced. Emits <see cref="LegislationAnnounced"/>.</summary>
/// <param name="LegislationId">The new legislation's stream id.</param>
/// <param name="Title">The bill's title.</param>
/// <param name="AnnouncedIn">Where it was announced.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record AnnounceLegislation(
    string LegislationId, string Title, string AnnouncedIn, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>Record an Act already on the statute book at its Royal Assent. Emits <see cref="EnactedLegislationRecorded"/>.</summary>
/// <param name="LegislationId">The Act's stream id.</param>
/// <param name="Title">The Act's title.</param>
/// <param name="RoyalAssentOn">The date of Royal Assent.</param>
/// <param name="Provenance">The sources.</param>
public sealed record RecordEnactedLegislation(
    string LegislationId, string Title, LocalDate RoyalAssentOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>Record that a bill was introduced. Emits <see cref="BillIntroduced"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Title">The bill's title.</param>
/// <param name="House">The House.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record IntroduceBill(
    string LegislationId, string Title, string House, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>Record that a bill completed a stage in a House. Emits <see cref="ParliamentaryStageCompleted"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="House">The House: <see cref="ParliamentHouse.Commons"/> or <see cref="ParliamentHouse.Lords"/>.</param>
/// <param name="Stage">The stage: the next in that House (see <see cref="LegislationDecider"/>).</param>
/// <param name="ValidOn">When; not before the previous stage.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CompleteParliamentaryStage(
    string LegislationId, ParliamentHouse House, BillStage Stage, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>Record that a bill was carried over into a new session. Emits <see cref="BillCarriedOver"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="IntoSession">The new session, for example <c>2025-26</c>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CarryOverBill(
    string LegislationId, string IntoSession, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>Record that a bill ended without Royal Assent. Emits <see cref="BillEnded"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="How">Withdrawn, defeated, or fell at the end of the session.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record EndBill(
    string LegislationId, BillEnding How, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>Record Royal Assent. Emits <see cref="RoyalAssentGranted"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="ActTitle">The Act's title.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record GrantRoyalAssent(
    string LegislationId, string ActTitle, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>Record that provisions of an Act came into force. Emits <see cref="LegislationCommenced"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">The provisions, each named as the Act numbers it (for example <c>section 1</c>); at least one, none twice, none already in force.</param>
/// <param name="ValidOn">When they came into force.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CommenceLegislation(
    string LegislationId, IReadOnlyList<string> Provisions, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;

    /// <summary>Two requests are equal when every field is, the provisions compared in order.</summary>
    /// <param name="other">The other request.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(CommenceLegislation? other) =>
        other is not null && LegislationId == other.LegislationId
        && (ReferenceEquals(Provisions, other.Provisions) || (Provisions is not null && other.Provisions is not null && Provisions.SequenceEqual(other.Provisions)))
        && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LegislationId, Provisions?.Count, ValidOn, Provenance);
}

/// <summary>Record that an Act was repealed. Emits <see cref="LegislationRepealed"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="RepealedBy">What repealed it.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record RepealLegislation(
    string LegislationId, string RepealedBy, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}
