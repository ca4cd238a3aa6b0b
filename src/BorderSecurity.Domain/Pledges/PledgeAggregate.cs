using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Pledges;

/// <summary>The pledge, registered once: its requests, decider, evolve, and each event's wire name and description.</summary>
internal static class PledgeAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>). Pledges state no figures: their state is folded whole.</summary>
    public static AggregateRegistration<Pledge, IPledgeRequest> Registration { get; } =
        new AggregateRegistration<Pledge, IPledgeRequest>(AggregateKind.Pledge, Pledge.Evolve,
                (state, request, referenced) => PledgeDecider.Decide(state, request, Aggregates.ReferencedKind(referenced)))
            .Requests(typeof(MakePledge), typeof(LinkPledgeDeliverer), typeof(GiveVerdict))
            .Refers<MakePledge>(r => r.PartOf)
            .Refers<LinkPledgeDeliverer>(r => r.SubjectId)
            .Event<PledgeMade>(ChangeKind.New, e => $"Pledge by {e.MadeBy}: {e.Text}", States.Nothing)
            .Event<PledgeDelivererLinked>(ChangeKind.CoverageChange, e => $"{e.SubjectId} linked to {e.PledgeId} as what delivers it", States.Nothing)
            .Event<VerdictGiven>(ChangeKind.Verdict, e => $"{e.Assessor} rates {e.PledgeId} {e.Rating}: {e.Evidence}", States.Nothing);
}
