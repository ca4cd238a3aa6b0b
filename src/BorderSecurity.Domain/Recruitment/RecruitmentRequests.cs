namespace BorderSecurity.Domain.Recruitment;

/// <summary>A request to change a recruitment target. Decided by <see cref="RecruitmentTargetDecider"/>.</summary>
public interface IRecruitmentRequest : IBorderSecurityRequest;

/// <summary>Set a recruitment target. Emits <see cref="RecruitmentTargetSet"/>.</summary>
public sealed record SetRecruitmentTarget : IRecruitmentRequest
{
    /// <summary>The new target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>The organisation recruiting.</summary>
    public required Organisation Organisation { get; init; }

    /// <summary>The role, for example <c>specialist investigators and intelligence officers</c>.</summary>
    public required string Role { get; init; }

    /// <summary>How many people; at least 1.</summary>
    public required int Headcount { get; init; }

    /// <summary>
    /// Whether the headcount is a firm number (<see cref="TargetBasis.Firm"/>, the default) or a ceiling (<see cref="TargetBasis.UpTo"/>).
    /// Left out of the JSON when firm, so a firm target's request reads and keys as it did before bases existed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public TargetBasis Basis { get; init; }

    /// <summary>The date by which, where stated (not before <see cref="ValidOn"/>); <see langword="null"/> (the default) where not.</summary>
    public LocalDate? Deadline { get; init; }

    /// <summary>Who announced it.</summary>
    public required string AnnouncedBy { get; init; }

    /// <summary>When it was set.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}

/// <summary>Record that an existing target was announced again. Emits <see cref="RecruitmentTargetReannounced"/>.</summary>
public sealed record ReannounceRecruitmentTarget : IRecruitmentRequest
{
    /// <summary>The target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>Who announced it again.</summary>
    public required string AnnouncedBy { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}

/// <summary>Record that the headcount changed from a date on. Emits <see cref="RecruitmentTargetRevised"/>.</summary>
public sealed record ReviseRecruitmentTarget : IRecruitmentRequest
{
    /// <summary>The target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>The headcount from <see cref="ValidOn"/> on; at least 1.</summary>
    public required int RevisedHeadcount { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When; after the target was set.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}

/// <summary>Correct the headcount first recorded. Emits <see cref="RecruitmentTargetCorrected"/> on the target's own date.</summary>
public sealed record CorrectRecruitmentTarget : IRecruitmentRequest
{
    /// <summary>The target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>The headcount really set; at least 1.</summary>
    public required int CorrectedHeadcount { get; init; }

    /// <summary>What was wrong.</summary>
    public required string Reason { get; init; }

    /// <summary>The sources of the correction.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}

/// <summary>Correct the basis first recorded (firm or "up to"). Emits <see cref="RecruitmentTargetBasisCorrected"/> on the target's own date.</summary>
public sealed record CorrectRecruitmentTargetBasis : IRecruitmentRequest
{
    /// <summary>The target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>The basis really stated.</summary>
    public required TargetBasis Basis { get; init; }

    /// <summary>What was wrong.</summary>
    public required string Reason { get; init; }

    /// <summary>The sources of the correction.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}

/// <summary>Record how many people were in post on a date. Emits <see cref="RecruitmentProgressRecorded"/>.</summary>
public sealed record RecordRecruitmentProgress : IRecruitmentRequest
{
    /// <summary>The target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>The number in post; zero or more.</summary>
    public required int InPost { get; init; }

    /// <summary>The date of the count.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}

/// <summary>Record that the target was met. Emits <see cref="RecruitmentTargetMet"/>.</summary>
public sealed record MarkRecruitmentTargetMet : IRecruitmentRequest
{
    /// <summary>The target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>The number in post; at least the headcount.</summary>
    public required int InPost { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}

/// <summary>Record that the target was abandoned. Emits <see cref="RecruitmentTargetAbandoned"/>.</summary>
public sealed record AbandonRecruitmentTarget : IRecruitmentRequest
{
    /// <summary>The target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="TargetId"/>.</summary>
    public StreamId StreamId => TargetId;
}
