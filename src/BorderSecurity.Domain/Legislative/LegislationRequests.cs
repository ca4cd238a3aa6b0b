namespace BorderSecurity.Domain.Legislative;

/// <summary>A request to change a piece of legislation. Decided by <see cref="LegislationDecider"/>.</summary>
public interface ILegislationRequest : IBorderSecurityRequest;

/// <summary>Record that a bill was announced. Emits <see cref="LegislationAnnounced"/>.</summary>
public sealed record AnnounceLegislation : ILegislationRequest
{
    /// <summary>The new legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The bill's title.</summary>
    public required string Title { get; init; }

    /// <summary>Where it was announced, for example <c>King's Speech 2024</c>.</summary>
    public required string AnnouncedIn { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record an Act already on the statute book at its Royal Assent. Emits <see cref="EnactedLegislationRecorded"/>.</summary>
public sealed record RecordEnactedLegislation : ILegislationRequest
{
    /// <summary>The Act's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The Act's title.</summary>
    public required string Title { get; init; }

    /// <summary>The date of Royal Assent.</summary>
    public required LocalDate RoyalAssentOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record that a bill was introduced (its 1st reading in the originating House). Emits <see cref="BillIntroduced"/>.</summary>
/// <remarks>
/// Timeline files of formats 1 and 2 carried the House as text (<see cref="IntroduceBillV2"/>); they read forward. The
/// event keeps the House as its name (<c>House of Commons</c>), as it always has.
/// </remarks>
public sealed record IntroduceBill : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The bill's title.</summary>
    public required string Title { get; init; }

    /// <summary>The House it is introduced in: <see cref="ParliamentHouse.Commons"/> or <see cref="ParliamentHouse.Lords"/>.</summary>
    public required ParliamentHouse House { get; init; }

    /// <summary>
    /// The session of Parliament it is introduced in, written <c>YYYY-YY</c> (for example <c>2024-25</c>; see
    /// <see cref="ParliamentarySessions.Parse"/>), or <see langword="null"/> (the default) where the source does not say.
    /// Left out of the JSON when null, so such a request reads and keys as it did before sessions existed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public string? Session { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record that a bill completed a stage in a House. Emits <see cref="ParliamentaryStageCompleted"/>.</summary>
public sealed record CompleteParliamentaryStage : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The House: <see cref="ParliamentHouse.Commons"/> or <see cref="ParliamentHouse.Lords"/>.</summary>
    public required ParliamentHouse House { get; init; }

    /// <summary>The stage: the next in that House (see <see cref="LegislationDecider"/>).</summary>
    public required BillStage Stage { get; init; }

    /// <summary>When; not before the previous stage.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record that a bill's next stage began and is under way. Emits <see cref="ParliamentaryStageStarted"/>.</summary>
public sealed record StartParliamentaryStage : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The House: <see cref="ParliamentHouse.Commons"/> or <see cref="ParliamentHouse.Lords"/>.</summary>
    public required ParliamentHouse House { get; init; }

    /// <summary>The stage: one that may be completed next (see <see cref="LegislationDecider"/>).</summary>
    public required BillStage Stage { get; init; }

    /// <summary>When it began; not before the previous stage.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record that a bill was carried over into a new session. Emits <see cref="BillCarriedOver"/>.</summary>
public sealed record CarryOverBill : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The new session, written <c>YYYY-YY</c> (for example <c>2025-26</c>; see <see cref="ParliamentarySessions.Parse"/>), later than the bill's own.</summary>
    public required string IntoSession { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record that a bill ended without Royal Assent. Emits <see cref="BillEnded"/>.</summary>
public sealed record EndBill : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>Withdrawn, defeated, or fell at the end of the session.</summary>
    public required BillEnding How { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record Royal Assent. Emits <see cref="RoyalAssentGranted"/>.</summary>
public sealed record GrantRoyalAssent : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The Act's title.</summary>
    public required string ActTitle { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}

/// <summary>Record that provisions of an Act came into force. Emits <see cref="LegislationCommenced"/>.</summary>
public sealed record CommenceLegislation : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The provisions, each named as the Act numbers it (for example <c>section 1</c>); at least one, none twice, none already in force.</summary>
    public required IReadOnlyList<string> Provisions { get; init; }

    /// <summary>When they came into force.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;

    /// <summary>Two requests are equal when every field is, the provisions compared in order.</summary>
    /// <param name="other">The other request.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(CommenceLegislation? other) =>
        other is not null && Equals(LegislationId, other.LegislationId)
        && (ReferenceEquals(Provisions, other.Provisions) || (Provisions is not null && other.Provisions is not null && Provisions.SequenceEqual(other.Provisions)))
        && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LegislationId, Provisions?.Count, ValidOn, Provenance);
}

/// <summary>Record that an Act was repealed. Emits <see cref="LegislationRepealed"/>.</summary>
public sealed record RepealLegislation : ILegislationRequest
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>What repealed it.</summary>
    public required string RepealedBy { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="LegislationId"/>.</summary>
    public StreamId StreamId => LegislationId;
}
