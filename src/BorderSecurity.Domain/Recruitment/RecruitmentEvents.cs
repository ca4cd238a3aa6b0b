namespace BorderSecurity.Domain.Recruitment;

/// <summary>A recruitment target was set. Creates the target.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="Organisation">The organisation recruiting, for example <c>National Crime Agency</c>.</param>
/// <param name="Role">The role, for example <c>specialist investigators and intelligence officers</c>.</param>
/// <param name="Headcount">How many people.</param>
/// <param name="Basis">A firm number, or a ceiling ("up to").</param>
/// <param name="Deadline">The date by which, where stated.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was set.</param>
/// <param name="Provenance">The sources that reported it.</param>
/// <remarks>v2 adds <paramref name="Basis"/>; <c>recruitment.target-set.v1</c> events read as firm (<see cref="RecruitmentTargetSetV1"/>).</remarks>
[EventName("recruitment.target-set.v2")]
public sealed record RecruitmentTargetSet(
    string TargetId, string Organisation, string Role, int Headcount, TargetBasis Basis, LocalDate? Deadline, string AnnouncedBy,
    LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>An existing target was announced again: a new source, no new heads.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="AnnouncedBy">Who announced it again.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources that reported the re-announcement.</param>
[EventName("recruitment.target-reannounced.v1")]
public sealed record RecruitmentTargetReannounced(
    string TargetId, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>The target's headcount changed in the world from <paramref name="ValidOn"/> on.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="RevisedHeadcount">The headcount from <paramref name="ValidOn"/> on.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("recruitment.target-revised.v1")]
public sealed record RecruitmentTargetRevised(
    string TargetId, int RevisedHeadcount, string Reason, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>The headcount first recorded was wrong; <paramref name="ValidOn"/> is the target's original date.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="CorrectedHeadcount">The headcount really set.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="ValidOn">The target's original date.</param>
/// <param name="Provenance">The sources of the correction.</param>
[EventName("recruitment.target-corrected.v1")]
public sealed record RecruitmentTargetCorrected(
    string TargetId, int CorrectedHeadcount, string Reason, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>The basis first recorded was wrong (a ceiling recorded as a firm number, or the reverse); <paramref name="ValidOn"/> is the target's original date.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="Basis">The basis really stated.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="ValidOn">The target's original date.</param>
/// <param name="Provenance">The sources of the correction.</param>
[EventName("recruitment.basis-corrected.v1")]
public sealed record RecruitmentTargetBasisCorrected(
    string TargetId, TargetBasis Basis, string Reason, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>How many people were in post on <paramref name="ValidOn"/>.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="InPost">The number in post on that date.</param>
/// <param name="ValidOn">The date of the count.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("recruitment.progress-recorded.v1")]
public sealed record RecruitmentProgressRecorded(
    string TargetId, int InPost, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>The target was met, with <paramref name="InPost"/> people in post.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="InPost">The number in post when it was met.</param>
/// <param name="ValidOn">When it was met.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("recruitment.target-met.v1")]
public sealed record RecruitmentTargetMet(
    string TargetId, int InPost, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>The target was abandoned: from <paramref name="ValidOn"/> on it counts for nothing.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources that reported it.</param>
[EventName("recruitment.target-abandoned.v1")]
public sealed record RecruitmentTargetAbandoned(
    string TargetId, string Reason, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}
