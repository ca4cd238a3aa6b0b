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

    /// <summary>Second reading completed in the first House.</summary>
    SecondReading = 2,

    /// <summary>Committee stage completed in the first House.</summary>
    Committee = 3,

    /// <summary>Report stage completed in the first House.</summary>
    Report = 4,

    /// <summary>Third reading completed in the first House.</summary>
    ThirdReading = 5,

    /// <summary>Passed the other House (including consideration of amendments).</summary>
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

/// <summary>A bill was introduced in a House (first reading). Creates the legislation if it was not announced.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Title">The bill's title.</param>
/// <param name="House">The House, for example <c>House of Commons</c>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.introduced.v1")]
public sealed record BillIntroduced(
    string LegislationId, string Title, string House, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
}

/// <summary>A bill completed a parliamentary stage (second reading to passing the other House).</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Stage">The stage completed.</param>
/// <param name="House">The House it was completed in.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.stage-completed.v1")]
public sealed record ParliamentaryStageCompleted(
    string LegislationId, LegislationStage Stage, string House, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
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

/// <summary>Provisions of an Act came into force.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">Which provisions, for example <c>sections 1 to 5</c>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("legislation.commenced.v1")]
public sealed record LegislationCommenced(
    string LegislationId, string Provisions, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
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
