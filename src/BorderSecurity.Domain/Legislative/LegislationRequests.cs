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

/// <summary>Record that a bill completed a stage. Emits <see cref="ParliamentaryStageCompleted"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Stage">The stage: the one after the bill's current stage, from second reading to the other House.</param>
/// <param name="House">The House.</param>
/// <param name="ValidOn">When; not before the previous stage.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CompleteParliamentaryStage(
    string LegislationId, LegislationStage Stage, string House, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
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

/// <summary>Record that provisions came into force. Emits <see cref="LegislationCommenced"/>.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">Which provisions.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CommenceLegislation(
    string LegislationId, string Provisions, LocalDate ValidOn, Provenance Provenance) : ILegislationRequest
{
    /// <inheritdoc />
    public string StreamId => LegislationId;
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
