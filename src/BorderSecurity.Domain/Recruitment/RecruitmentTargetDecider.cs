namespace BorderSecurity.Domain.Recruitment;

/// <summary>
/// Every rule of a recruitment target, in one place: turns a request and the target's current state into
/// events, or raises <see cref="DomainRuleViolationException"/> naming the rule and emits nothing.
/// </summary>
public static class RecruitmentTargetDecider
{
    /// <summary>Decides a request.</summary>
    /// <param name="state">The target as currently known, or <see langword="null"/> if its stream is empty.</param>
    /// <param name="request">The request.</param>
    /// <returns>The events to append.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A business rule is broken; <see cref="DomainRuleViolationException.Rule"/> names it.</exception>
    /// <remarks>
    /// Rules: a target is set once (<c>TargetAlreadyExists</c>; a re-announcement adds no heads); nothing happens to one
    /// that does not exist (<c>TargetMustExist</c>) or before it was set (<c>NothingBeforeTargetSet</c>); a deadline is
    /// not before the target (<c>DeadlineBeforeTargetSet</c>); a met or abandoned target is closed to revisions, progress
    /// and closing again (<c>TargetClosed</c>); a revision follows the target's date (<c>RevisionMustFollowTargetSet</c>),
    /// one a day (<c>OneRevisionPerDate</c>) and changes it (<c>RevisionChangesNothing</c>); a correction changes it
    /// (<c>CorrectionChangesNothing</c>); one in-post count a day (<c>OneInPostCountPerDate</c>); a target is met only
    /// with at least its headcount in post (<c>TargetNotReached</c>).
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(RecruitmentTarget? state, IRecruitmentRequest request)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            SetRecruitmentTarget r => [Set(state, r)],
            _ when state is null => throw Broken("TargetMustExist", $"recruitment target '{request.StreamId}' does not exist; set it first."),
            ReannounceRecruitmentTarget r => [Reannounce(state, r)],
            ReviseRecruitmentTarget r => [Revise(state, r)],
            CorrectRecruitmentTarget r => [Correct(state, r)],
            CorrectRecruitmentTargetBasis r => [CorrectBasis(state, r)],
            RecordRecruitmentProgress r => [Progress(state, r)],
            MarkRecruitmentTargetMet r => [Met(state, r)],
            AbandonRecruitmentTarget r => [Abandon(state, r)],
            _ => throw new ArgumentException($"Unknown recruitment request type {request.GetType().Name}.", nameof(request)),
        };
    }

    private static RecruitmentTargetSet Set(RecruitmentTarget? state, SetRecruitmentTarget r)
    {
        var organisation = Guard.Against.Null(r.Organisation, nameof(r.Organisation)).Name;
        var role = Guard.Against.InvalidText(r.Role, nameof(r.Role));
        var headcount = Guard.Against.InvalidHeadcount(r.Headcount, 1, nameof(r.Headcount));
        var basis = Guard.Against.UndefinedEnum(r.Basis, nameof(r.Basis));
        var announcedBy = Guard.Against.InvalidText(r.AnnouncedBy, nameof(r.AnnouncedBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (state is not null)
        {
            throw Broken("TargetAlreadyExists", $"recruitment target '{r.TargetId}' already exists; to announce it again, re-announce it (no new heads).");
        }

        if (r.Deadline is { } deadline && deadline < r.ValidOn)
        {
            throw Broken("DeadlineBeforeTargetSet", $"the deadline {deadline:yyyy-MM-dd} is before the target was set on {r.ValidOn:yyyy-MM-dd}.");
        }

        return new RecruitmentTargetSet(r.TargetId.Value, organisation, role, headcount, basis, r.Deadline, announcedBy, r.ValidOn, provenance);
    }

    private static RecruitmentTargetReannounced Reannounce(RecruitmentTarget state, ReannounceRecruitmentTarget r)
    {
        var announcedBy = Guard.Against.InvalidText(r.AnnouncedBy, nameof(r.AnnouncedBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeSet(state, r.ValidOn);
        return new RecruitmentTargetReannounced(state.TargetId, announcedBy, r.ValidOn, provenance);
    }

    private static RecruitmentTargetRevised Revise(RecruitmentTarget state, ReviseRecruitmentTarget r)
    {
        var headcount = Guard.Against.InvalidHeadcount(r.RevisedHeadcount, 1, nameof(r.RevisedHeadcount));
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotClosed(state);
        if (r.ValidOn <= state.SetOn)
        {
            throw Broken("RevisionMustFollowTargetSet",
                $"a revision on {r.ValidOn:yyyy-MM-dd} must come after the target was set on {state.SetOn:yyyy-MM-dd}; to fix the original headcount, correct it.");
        }

        if (state.RevisionDates.Contains(r.ValidOn))
        {
            throw Broken("OneRevisionPerDate", $"the target was already revised on {r.ValidOn:yyyy-MM-dd}.");
        }

        if (headcount == state.Headcount)
        {
            throw Broken("RevisionChangesNothing", $"the target is already {state.Headcount}.");
        }

        return new RecruitmentTargetRevised(state.TargetId, headcount, reason, r.ValidOn, provenance);
    }

    private static RecruitmentTargetCorrected Correct(RecruitmentTarget state, CorrectRecruitmentTarget r)
    {
        var headcount = Guard.Against.InvalidHeadcount(r.CorrectedHeadcount, 1, nameof(r.CorrectedHeadcount));
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (headcount == state.OriginalHeadcount)
        {
            throw Broken("CorrectionChangesNothing", $"the target was already recorded as {state.OriginalHeadcount}.");
        }

        return new RecruitmentTargetCorrected(state.TargetId, headcount, reason, state.SetOn, provenance);
    }

    private static RecruitmentTargetBasisCorrected CorrectBasis(RecruitmentTarget state, CorrectRecruitmentTargetBasis r)
    {
        var basis = Guard.Against.UndefinedEnum(r.Basis, nameof(r.Basis));
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (basis == state.Basis)
        {
            throw Broken("CorrectionChangesNothing", $"the target is already recorded as {(basis == TargetBasis.UpTo ? "up to" : "firm")}.");
        }

        return new RecruitmentTargetBasisCorrected(state.TargetId, basis, reason, state.SetOn, provenance);
    }

    private static RecruitmentProgressRecorded Progress(RecruitmentTarget state, RecordRecruitmentProgress r)
    {
        var inPost = Guard.Against.InvalidHeadcount(r.InPost, 0, nameof(r.InPost));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeSet(state, r.ValidOn);
        NotClosed(state);
        OneCountPerDate(state, r.ValidOn);
        return new RecruitmentProgressRecorded(state.TargetId, inPost, r.ValidOn, provenance);
    }

    private static RecruitmentTargetMet Met(RecruitmentTarget state, MarkRecruitmentTargetMet r)
    {
        var inPost = Guard.Against.InvalidHeadcount(r.InPost, 0, nameof(r.InPost));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeSet(state, r.ValidOn);
        NotClosed(state);
        OneCountPerDate(state, r.ValidOn);
        if (inPost < state.Headcount)
        {
            throw Broken("TargetNotReached", $"{inPost} in post is short of the target of {state.Headcount}.");
        }

        return new RecruitmentTargetMet(state.TargetId, inPost, r.ValidOn, provenance);
    }

    private static RecruitmentTargetAbandoned Abandon(RecruitmentTarget state, AbandonRecruitmentTarget r)
    {
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeSet(state, r.ValidOn);
        NotClosed(state);
        return new RecruitmentTargetAbandoned(state.TargetId, reason, r.ValidOn, provenance);
    }

    private static void NotBeforeSet(RecruitmentTarget state, LocalDate on)
    {
        if (on < state.SetOn)
        {
            throw Broken("NothingBeforeTargetSet", $"{on:yyyy-MM-dd} is before the target was set on {state.SetOn:yyyy-MM-dd}.");
        }
    }

    private static void NotClosed(RecruitmentTarget state)
    {
        if (state.Status != RecruitmentStatus.Active)
        {
            throw Broken("TargetClosed", $"the target is {state.Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static void OneCountPerDate(RecruitmentTarget state, LocalDate on)
    {
        if (state.CountDates.Contains(on))
        {
            throw Broken("OneInPostCountPerDate", $"an in-post count was already recorded for {on:yyyy-MM-dd}.");
        }
    }

    private static DomainRuleViolationException Broken(string rule, string detail) =>
        new(RecruitmentTarget.AggregateName, rule, detail);
}
