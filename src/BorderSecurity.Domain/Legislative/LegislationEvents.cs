namespace BorderSecurity.Domain.Legislative;

/// <summary>
/// The stages a piece of UK legislation passes through, in order. A bill moves forward one stage at a time;
/// an Act recorded as already enacted starts at <see cref="RoyalAssent"/>.
/// </summary>
public enum LegislationStage
{
    /// <summary>Announced (for example in the King's Speech); not yet before Parliament.</summary>
    Announced = 0,

    /// <summary>Introduced in a House (first reading).</summary>
    Introduced = 1,

    /// <summary>Second reading completed in the originating House.</summary>
    SecondReading = 2,

    /// <summary>Committee stage completed in the originating House.</summary>
    Committee = 3,

    /// <summary>Report stage completed in the originating House.</summary>
    Report = 4,

    /// <summary>Third reading completed in the originating House.</summary>
    ThirdReading = 5,

    /// <summary>
    /// In or through the other House, or considering amendments between the Houses. The precise House and stage are in
    /// <see cref="Legislation.Position"/>; this coarse stage is all v1 events could state (<c>OtherHouse</c>).
    /// </summary>
    OtherHouse = 6,

    /// <summary>Royal Assent: the bill is an Act.</summary>
    RoyalAssent = 7,

    /// <summary>In force, wholly or in part.</summary>
    Commenced = 8,

    /// <summary>Repealed.</summary>
    Repealed = 9,
}

/// <summary>A bill was announced, for example in the King's Speech. Creates the legislation at <see cref="LegislationStage.Announced"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Title">The bill's title.</param>
/// <param name="AnnouncedIn">Where it was announced, for example <c>King's Speech 2024</c>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.announced.v1")]
public sealed record LegislationAnnounced(
    string LegislationId, string Title, string AnnouncedIn, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>
/// An Act already on the statute book when the model begins, recorded at its Royal Assent without its earlier
/// stages (which the sources do not give). Creates the legislation at <see cref="LegislationStage.RoyalAssent"/>.
/// </summary>
/// <param name="LegislationId">The Act's stream id.</param>
/// <param name="Title">The Act's title, for example <c>Illegal Migration Act 2023</c>.</param>
/// <param name="ValidOn">The date of Royal Assent.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.enacted-recorded.v1")]
public sealed record EnactedLegislationRecorded(
    string LegislationId, string Title, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>
/// A bill was introduced in a House (first reading), in a session of Parliament. Creates the legislation if it was not
/// announced. Replaces <c>legislation.introduced.v1</c> (<see cref="BillIntroducedV1"/>), which named no session.
/// </summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Title">The bill's title.</param>
/// <param name="House">The House, for example <c>House of Commons</c>.</param>
/// <param name="Session">
/// The session it was introduced in, for example <c>2024-25</c> (see <see cref="ParliamentarySessions"/>), or
/// <see langword="null"/> where the source does not say (and for every v1 event).
/// </param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.introduced.v2")]
public sealed record BillIntroduced(
    string LegislationId, string Title, string House, string? Session, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>
/// A bill's stage began in one House and is under way (for example a Lords committee stage over several sittings) until
/// that stage, or a later one, is completed.
/// </summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="House">The House it is under way in.</param>
/// <param name="Stage">The stage under way: the next one to complete.</param>
/// <param name="ValidOn">When it began.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.stage-started.v1")]
public sealed record ParliamentaryStageStarted(
    string LegislationId, ParliamentHouse House, BillStage Stage, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>
/// A bill completed a stage in one House: any stage after its introduction, in either House, including each round of
/// consideration of the other House's amendments. Replaces <c>legislation.stage-completed.v1</c>
/// (<see cref="ParliamentaryStageCompletedV1"/>), which had one stage for everything in the other House.
/// </summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="House">The House it was completed in.</param>
/// <param name="Stage">The stage completed.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.stage-completed.v2")]
public sealed record ParliamentaryStageCompleted(
    string LegislationId, ParliamentHouse House, BillStage Stage, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>A bill was carried over into a new session of Parliament, keeping the stages it had completed.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="IntoSession">The session it was carried into, for example <c>2025-26</c>.</param>
/// <param name="ValidOn">When (the carry-over motion, or the start of the new session).</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.carried-over.v1")]
public sealed record BillCarriedOver(
    string LegislationId, string IntoSession, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>A bill ended without Royal Assent: withdrawn, defeated, or fell at the end of a session. Nothing happens to it after.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="How">How it ended.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.bill-ended.v1")]
public sealed record BillEnded(
    string LegislationId, BillEnding How, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>A bill received Royal Assent and became an Act.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="ActTitle">The Act's title.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.royal-assent.v1")]
public sealed record RoyalAssentGranted(
    string LegislationId, string ActTitle, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>
/// Provisions of an Act came into force (one commencement: on Royal Assent, a fixed date in the Act, or commencement
/// regulations). An Act commences provision by provision over several of these. Replaces
/// <c>legislation.commenced.v1</c> (<see cref="LegislationCommencedV1"/>), whose provisions were one free text.
/// </summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">The provisions, each named as the Act numbers it, for example <c>section 1</c>; none twice.</param>
/// <param name="ValidOn">When they came into force.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.commenced.v2")]
public sealed record LegislationCommenced(
    string LegislationId, IReadOnlyList<string> Provisions, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;

    /// <summary>Two commencements are equal when every field is, the provisions compared in order.</summary>
    /// <param name="other">The other commencement.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(LegislationCommenced? other) =>
        other is not null && LegislationId == other.LegislationId && Provisions.SequenceEqual(other.Provisions)
        && ValidOn == other.ValidOn && Provenance.Equals(other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LegislationId, Provisions.Count, ValidOn, Provenance);
}

/// <summary>An Act was repealed.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="RepealedBy">What repealed it.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.repealed.v1")]
public sealed record LegislationRepealed(
    string LegislationId, string RepealedBy, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}
