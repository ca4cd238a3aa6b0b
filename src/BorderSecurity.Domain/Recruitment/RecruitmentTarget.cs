namespace BorderSecurity.Domain.Recruitment;

/// <summary>Where a recruitment target stands.</summary>
public enum RecruitmentStatus
{
    /// <summary>Being recruited to.</summary>
    Active = 0,

    /// <summary>Met.</summary>
    Met = 1,

    /// <summary>Abandoned: counts for nothing.</summary>
    Abandoned = 2,
}

/// <summary>What a target's headcount is: a firm number, or a ceiling ("up to").</summary>
public enum TargetBasis
{
    /// <summary>A firm number of people. Targets stored before bases were recorded read as firm.</summary>
    Firm = 0,

    /// <summary>"Up to" the headcount: a ceiling, not a promise of that many (the NCA's "up to 100" officers of August 2024).</summary>
    UpTo = 1,
}

/// <summary>
/// The state of one recruitment target, folded from its events. Headcount and in-post figures follow
/// "latest valid date wins", as <see cref="Funding.FundingCommitment"/> amounts do.
/// </summary>
/// <param name="TargetId">The stream id.</param>
/// <param name="Organisation">The organisation recruiting.</param>
/// <param name="Role">The role.</param>
/// <param name="SetOn">When the target was set.</param>
/// <param name="OriginalHeadcount">The headcount set on <paramref name="SetOn"/>, after corrections.</param>
/// <param name="Headcount">The headcount from the latest statement.</param>
/// <param name="HeadcountStatedOn">The valid date of that statement.</param>
/// <param name="Deadline">The date by which, where stated.</param>
/// <param name="RevisionDates">The valid dates of the revisions.</param>
/// <param name="InPost">The latest count of people in post.</param>
/// <param name="InPostStatedOn">The date of that count, if any.</param>
/// <param name="CountDates">The dates of every in-post count (progress and met).</param>
/// <param name="MetOn">When it was met, if it was.</param>
/// <param name="AbandonedOn">When it was abandoned, if it was.</param>
/// <param name="Announcements">How many times it was announced (1 plus re-announcements).</param>
/// <param name="Sources">Every source that reported any of its events.</param>
/// <param name="Basis">A firm number or a ceiling ("up to"), as set.</param>
public sealed record RecruitmentTarget(
    string TargetId,
    string Organisation,
    string Role,
    LocalDate SetOn,
    int OriginalHeadcount,
    int Headcount,
    LocalDate HeadcountStatedOn,
    LocalDate? Deadline,
    ImmutableSortedSet<LocalDate> RevisionDates,
    int InPost,
    LocalDate? InPostStatedOn,
    ImmutableSortedSet<LocalDate> CountDates,
    LocalDate? MetOn,
    LocalDate? AbandonedOn,
    int Announcements,
    ImmutableList<SourceReference> Sources,
    TargetBasis Basis = TargetBasis.Firm)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(RecruitmentTarget);

    /// <summary>Where the target stands.</summary>
    public RecruitmentStatus Status =>
        AbandonedOn is not null ? RecruitmentStatus.Abandoned : MetOn is not null ? RecruitmentStatus.Met : RecruitmentStatus.Active;

    /// <summary>The headcount that counts towards totals: zero once abandoned.</summary>
    public int EffectiveHeadcount => Status == RecruitmentStatus.Abandoned ? 0 : Headcount;

    /// <summary>The in-post count that counts towards totals: zero once abandoned.</summary>
    public int EffectiveInPost => Status == RecruitmentStatus.Abandoned ? 0 : InPost;

    /// <summary>How many people are still to be recruited: never negative, zero once abandoned.</summary>
    public int Gap => Math.Max(0, EffectiveHeadcount - EffectiveInPost);

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the target exists.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    public static RecruitmentTarget? Evolve(RecruitmentTarget? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, RecruitmentTargetSet e) => new RecruitmentTarget(e.TargetId, e.Organisation, e.Role, e.ValidOn, e.Headcount,
                e.Headcount, e.ValidOn, e.Deadline, [], 0, null, [], null, null, 1, [.. e.Provenance.Sources], e.Basis),
            (null, _) => null,
            (_, RecruitmentTargetReannounced e) => state with
            {
                Announcements = state.Announcements + 1,
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, RecruitmentTargetRevised e) => state.StateHeadcount(e.RevisedHeadcount, e.ValidOn) with
            {
                RevisionDates = state.RevisionDates.Add(e.ValidOn),
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, RecruitmentTargetCorrected e) => state.StateHeadcount(e.CorrectedHeadcount, e.ValidOn) with
            {
                OriginalHeadcount = e.ValidOn == state.SetOn ? e.CorrectedHeadcount : state.OriginalHeadcount,
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, RecruitmentTargetBasisCorrected e) => state with
            {
                Basis = e.Basis,
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, RecruitmentProgressRecorded e) => state.StateInPost(e.InPost, e.ValidOn) with
            {
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, RecruitmentTargetMet e) => state.StateInPost(e.InPost, e.ValidOn) with
            {
                MetOn = state.MetOn is { } earlier && earlier < e.ValidOn ? earlier : e.ValidOn,
                Sources = state.Sources.Cite(e.Provenance),
            },
            (_, RecruitmentTargetAbandoned e) => state with
            {
                AbandonedOn = state.AbandonedOn is { } earlier && earlier < e.ValidOn ? earlier : e.ValidOn,
                Sources = state.Sources.Cite(e.Provenance),
            },
            _ => state,
        };

    private RecruitmentTarget StateHeadcount(int headcount, LocalDate on) =>
        on >= HeadcountStatedOn ? this with { Headcount = headcount, HeadcountStatedOn = on } : this;

    private RecruitmentTarget StateInPost(int inPost, LocalDate on) =>
        (InPostStatedOn is null || on >= InPostStatedOn ? this with { InPost = inPost, InPostStatedOn = on } : this) with
        {
            CountDates = CountDates.Add(on),
        };
}
