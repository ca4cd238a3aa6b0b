namespace BorderSecurity.Domain.Recruitment;

/// <summary>A request to change a recruitment target. Decided by <see cref="RecruitmentTargetDecider"/>.</summary>
public interface IRecruitmentRequest : IBorderSecurityRequest;

/// <summary>Set a recruitment target. Emits <see cref="RecruitmentTargetSet"/>.</summary>
/// <param name="TargetId">The new target's stream id.</param>
/// <param name="Organisation">The organisation recruiting.</param>
/// <param name="Role">The role.</param>
/// <param name="Headcount">How many people; at least 1.</param>
/// <param name="Deadline">The date by which, where stated; not before <paramref name="ValidOn"/>.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was set.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record SetRecruitmentTarget(
    string TargetId, string Organisation, string Role, int Headcount, LocalDate? Deadline, string AnnouncedBy,
    LocalDate ValidOn, Provenance Provenance) : IRecruitmentRequest
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>Record that an existing target was announced again. Emits <see cref="RecruitmentTargetReannounced"/>.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="AnnouncedBy">Who announced it again.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record ReannounceRecruitmentTarget(
    string TargetId, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance) : IRecruitmentRequest
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>Record that the headcount changed from a date on. Emits <see cref="RecruitmentTargetRevised"/>.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="RevisedHeadcount">The headcount from <paramref name="ValidOn"/> on; at least 1.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidOn">When; after the target was set.</param>
/// <param name="Provenance">The sources.</param>
public sealed record ReviseRecruitmentTarget(
    string TargetId, int RevisedHeadcount, string Reason, LocalDate ValidOn, Provenance Provenance) : IRecruitmentRequest
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>Correct the headcount first recorded. Emits <see cref="RecruitmentTargetCorrected"/> on the target's own date.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="CorrectedHeadcount">The headcount really set; at least 1.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="Provenance">The sources of the correction.</param>
public sealed record CorrectRecruitmentTarget(
    string TargetId, int CorrectedHeadcount, string Reason, Provenance Provenance) : IRecruitmentRequest
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>Record how many people were in post on a date. Emits <see cref="RecruitmentProgressRecorded"/>.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="InPost">The number in post; zero or more.</param>
/// <param name="ValidOn">The date of the count.</param>
/// <param name="Provenance">The sources.</param>
public sealed record RecordRecruitmentProgress(
    string TargetId, int InPost, LocalDate ValidOn, Provenance Provenance) : IRecruitmentRequest
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>Record that the target was met. Emits <see cref="RecruitmentTargetMet"/>.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="InPost">The number in post; at least the headcount.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record MarkRecruitmentTargetMet(
    string TargetId, int InPost, LocalDate ValidOn, Provenance Provenance) : IRecruitmentRequest
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}

/// <summary>Record that the target was abandoned. Emits <see cref="RecruitmentTargetAbandoned"/>.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record AbandonRecruitmentTarget(
    string TargetId, string Reason, LocalDate ValidOn, Provenance Provenance) : IRecruitmentRequest
{
    /// <inheritdoc />
    public string StreamId => TargetId;
}
