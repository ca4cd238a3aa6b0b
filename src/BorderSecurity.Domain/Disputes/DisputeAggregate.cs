using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Disputes;

/// <summary>A dispute between sources, registered once: its requests, decider, evolve, and each event's wire name, description and old shapes.</summary>
internal static class DisputeAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>). Disputes state no figures: their state is folded whole.</summary>
    public static AggregateRegistration<Dispute, IDisputeRequest> Registration { get; } =
        new AggregateRegistration<Dispute, IDisputeRequest>(AggregateKind.Dispute, Dispute.Evolve,
                (state, request, referenced) => DisputeDecider.Decide(state, request, Aggregates.ReferencedKinds(referenced)))
            .Requests(typeof(RecordDispute), typeof(ResolveDispute))
            .RefersToEach<RecordDispute>(r => r.SubjectIds)
            .Event<DisputeRecorded>(
                ChangeKind.DisputeOpened,
                e => $"Sources disagree about the {e.Fact} of {string.Join(" and ", e.SubjectIds)}: {string.Join(" / ", e.Sides.Select(side => side.Says))}", States.Nothing)
            .Event<DisputeResolved>(ChangeKind.DisputeResolved, e => $"{e.DisputeId} resolved: {e.Resolution}", States.Nothing)
            .LegacyEvent(LegacyEventShape.Of<DisputeRecordedV1, DisputeRecorded>("dispute.recorded.v1", old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<RecordDisputeV4, RecordDispute>(untilFormat: 4, old => old.Forward(), keepsIdempotencyKeys: true));
}
