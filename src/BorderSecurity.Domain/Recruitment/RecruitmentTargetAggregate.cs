using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Recruitment;

/// <summary>The recruitment target, registered once: its requests, decider, evolve, and each event's wire name, statements and description.</summary>
internal static class RecruitmentTargetAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>).</summary>
    public static AggregateRegistration<RecruitmentTarget, IRecruitmentRequest> Registration { get; } =
        new AggregateRegistration<RecruitmentTarget, IRecruitmentRequest>(AggregateKind.RecruitmentTarget, RecruitmentTarget.Evolve,
                (state, request, _) => RecruitmentTargetDecider.Decide(state, request))
            .Requests(typeof(SetRecruitmentTarget), typeof(ReannounceRecruitmentTarget), typeof(ReviseRecruitmentTarget), typeof(CorrectRecruitmentTarget),
                typeof(CorrectRecruitmentTargetBasis), typeof(RecordRecruitmentProgress), typeof(MarkRecruitmentTargetMet), typeof(AbandonRecruitmentTarget))
            .LegacyEvent(LegacyEventShape.Of<RecruitmentTargetSetV1, RecruitmentTargetSet>("recruitment.target-set.v1", old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<SetRecruitmentTargetV3, SetRecruitmentTarget>(untilFormat: 3, old => old.Forward(), keepsIdempotencyKeys: true))
            .Event<RecruitmentTargetSet>(
                ChangeKind.New,
                e => $"Target of {(e.Basis == TargetBasis.UpTo ? "up to " : "")}{e.Headcount} {e.Role} for {e.Organisation}{(e.Deadline is { } d ? $" by {d:yyyy-MM-dd}" : "")}",
                // A firm target states no basis (no statement reads as firm), so targets set before bases existed have the same rows.
                e => e.Basis == TargetBasis.Firm
                    ? [new(Figures.Created, "", null), new(Figures.Headcount, "", e.Headcount)]
                    : [new(Figures.Created, "", null), new(Figures.Headcount, "", e.Headcount), new(Figures.Basis, "", (int)e.Basis)],
                moves: Moves.Headcount)
            .Event<RecruitmentTargetReannounced>(
                ChangeKind.Reannouncement,
                e => $"{e.TargetId} re-announced by {e.AnnouncedBy} (no new heads)",
                e => [new(Figures.Reannounced, "", 1m)],
                moves: Moves.Headcount)
            .Event<RecruitmentTargetRevised>(
                ChangeKind.Revision,
                e => $"{e.TargetId} revised to {e.RevisedHeadcount}: {e.Reason}",
                e => [new(Figures.Headcount, "", e.RevisedHeadcount)],
                moves: Moves.Headcount)
            .Event<RecruitmentTargetCorrected>(
                ChangeKind.Correction,
                e => $"{e.TargetId} corrected to {e.CorrectedHeadcount}: {e.Reason}",
                e => [new(Figures.Headcount, "", e.CorrectedHeadcount)],
                moves: Moves.Headcount)
            .Event<RecruitmentTargetBasisCorrected>(
                ChangeKind.Correction,
                e => $"{e.TargetId} corrected to {(e.Basis == TargetBasis.UpTo ? "up to (a ceiling)" : "a firm number")}: {e.Reason}",
                e => [new(Figures.Basis, "", (int)e.Basis)])
            .Event<RecruitmentProgressRecorded>(
                ChangeKind.Progress,
                e => $"{e.InPost} in post for {e.TargetId}",
                e => [new(Figures.InPost, "", e.InPost)],
                moves: Moves.InPost)
            .Event<RecruitmentTargetMet>(
                ChangeKind.Progress,
                e => $"{e.TargetId} met with {e.InPost} in post",
                e => [new(Figures.InPost, "", e.InPost), new(Figures.Met, "", 1m)],
                moves: Moves.InPost)
            .Event<RecruitmentTargetAbandoned>(
                ChangeKind.Withdrawal,
                e => $"{e.TargetId} abandoned: {e.Reason}",
                e => [new(Figures.Abandoned, "", 1m)],
                moves: Moves.Headcount);
}
