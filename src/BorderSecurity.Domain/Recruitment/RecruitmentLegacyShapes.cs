namespace BorderSecurity.Domain.Recruitment;

/// <summary>The stored shape of <c>recruitment.target-set.v1</c>, before targets had a basis. Read only; see <see cref="RecruitmentTargetSet"/>.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="Organisation">The organisation recruiting.</param>
/// <param name="Role">The role.</param>
/// <param name="Headcount">How many people.</param>
/// <param name="Deadline">The date by which, where stated.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ValidOn">When it was set.</param>
/// <param name="Provenance">The sources that reported it.</param>
public sealed record RecruitmentTargetSetV1(
    string TargetId, string Organisation, string Role, int Headcount, LocalDate? Deadline, string AnnouncedBy, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The event in today's shape: a v1 target stated no basis, so it reads as firm.</summary>
    /// <returns>The event.</returns>
    public RecruitmentTargetSet Forward() =>
        new(TargetId, Organisation, Role, Headcount, TargetBasis.Firm, Deadline, AnnouncedBy, ValidOn, Provenance);
}

/// <summary>
/// <see cref="SetRecruitmentTarget"/> as timeline files of formats 1 to 3 carried it, without a basis. Read only (see
/// <see cref="LegacyRequestShape"/>); such a target reads as firm.
/// </summary>
public sealed record SetRecruitmentTargetV3
{
    /// <summary>The new target's stream id.</summary>
    public required RecruitmentTargetId TargetId { get; init; }

    /// <summary>The organisation recruiting.</summary>
    public required Organisation Organisation { get; init; }

    /// <summary>The role.</summary>
    public required string Role { get; init; }

    /// <summary>How many people.</summary>
    public required int Headcount { get; init; }

    /// <summary>The date by which, where stated.</summary>
    public LocalDate? Deadline { get; init; }

    /// <summary>Who announced it.</summary>
    public required string AnnouncedBy { get; init; }

    /// <summary>When it was set.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that reported it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request was for (written in the files, not read back): <see cref="TargetId"/>.</summary>
    public string StreamId => TargetId.Value;

    /// <summary>The request in today's shape, firm.</summary>
    /// <returns>The request.</returns>
    public SetRecruitmentTarget Forward() => new()
    {
        TargetId = TargetId,
        Organisation = Organisation,
        Role = Role,
        Headcount = Headcount,
        Basis = TargetBasis.Firm,
        Deadline = Deadline,
        AnnouncedBy = AnnouncedBy,
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}
