using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Legislative;

/// <summary>A piece of legislation, registered once: its requests, decider, evolve, and each event's wire name, description and old shapes.</summary>
internal static class LegislationAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>). Legislation states no figures: its state is folded whole.</summary>
    public static AggregateRegistration<Legislation, ILegislationRequest> Registration { get; } =
        new AggregateRegistration<Legislation, ILegislationRequest>(AggregateKind.Legislation, Legislation.Evolve,
                (state, request, _) => LegislationDecider.Decide(state, request))
            .Requests(typeof(AnnounceLegislation), typeof(RecordEnactedLegislation), typeof(IntroduceBill), typeof(StartParliamentaryStage), typeof(CompleteParliamentaryStage),
                typeof(CarryOverBill), typeof(EndBill), typeof(GrantRoyalAssent), typeof(CommenceLegislation), typeof(RepealLegislation))
            .Event<LegislationAnnounced>(ChangeKind.New, e => $"{e.Title} announced in the {e.AnnouncedIn}", States.Nothing)
            .Event<EnactedLegislationRecorded>(ChangeKind.New, e => $"{e.Title} receives Royal Assent", States.Nothing)
            .Event<BillIntroduced>(ChangeKind.StageOrCommencement, e => $"{e.Title} introduced in the {e.House}{(e.Session is { } session ? $" in session {session}" : "")}", States.Nothing)
            .Event<ParliamentaryStageStarted>(
                ChangeKind.StageOrCommencement,
                e => $"{e.LegislationId} begins {BillStages.NameOf(e.Stage, e.House)} in the {BillStages.NameOf(e.House)}", States.Nothing)
            .Event<ParliamentaryStageCompleted>(
                ChangeKind.StageOrCommencement,
                e => $"{e.LegislationId} completes {BillStages.NameOf(e.Stage, e.House)} in the {BillStages.NameOf(e.House)}", States.Nothing)
            .Event<BillCarriedOver>(ChangeKind.StageOrCommencement, e => $"{e.LegislationId} carried over into session {e.IntoSession}", States.Nothing)
            .Event<BillEnded>(ChangeKind.StageOrCommencement, e => $"{e.LegislationId} ended without Royal Assent: {e.How}", States.Nothing)
            .Event<RoyalAssentGranted>(ChangeKind.StageOrCommencement, e => $"{e.ActTitle} receives Royal Assent", States.Nothing)
            .Event<LegislationCommenced>(ChangeKind.StageOrCommencement, e => $"{e.LegislationId} commenced: {string.Join(", ", e.Provisions)}", States.Nothing)
            .Event<LegislationRepealed>(ChangeKind.StageOrCommencement, e => $"{e.LegislationId} repealed by {e.RepealedBy}", States.Nothing)
            .LegacyEvent(LegacyEventShape.Of<ParliamentaryStageCompletedV1, ParliamentaryStageCompleted>("legislation.stage-completed.v1", old => old.Forward()))
            .LegacyEvent(LegacyEventShape.Of<BillIntroducedV1, BillIntroduced>("legislation.introduced.v1", old => old.Forward()))
            .LegacyEvent(LegacyEventShape.Of<LegislationCommencedV1, LegislationCommenced>("legislation.commenced.v1", old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<CompleteParliamentaryStageV1, CompleteParliamentaryStage>(untilFormat: 1, old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<CommenceLegislationV1, CommenceLegislation>(untilFormat: 1, old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<IntroduceBillV2, IntroduceBill>(untilFormat: 2, old => old.Forward(), keepsIdempotencyKeys: true))
            .LegacyRequest(LegacyRequestShape.Of<IntroduceBillV4, IntroduceBill>(untilFormat: 4, old => old.Forward(), keepsIdempotencyKeys: true));
}
