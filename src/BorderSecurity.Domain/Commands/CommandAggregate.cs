using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Commands;

/// <summary>The organisational command, registered once: its requests, decider, evolve, and each event's wire name, description and old shapes.</summary>
internal static class CommandAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>). Commands state no figures: their state is folded whole.</summary>
    public static AggregateRegistration<Command, ICommandRequest> Registration { get; } =
        new AggregateRegistration<Command, ICommandRequest>(AggregateKind.Command, Command.Evolve,
                (state, request, referenced) => CommandDecider.Decide(state, request, Aggregates.ReferencedAct(referenced)))
            .Requests(typeof(EstablishCommand), typeof(AppointCommandLeader), typeof(JoinAgencyToCommand), typeof(RemoveAgencyFromCommand),
                typeof(CreateCommandUnit), typeof(ConferCommandPowers), typeof(JoinInternationalAgreement))
            .Refers<ConferCommandPowers>(r => r.LegislationId)
            .Event<CommandEstablished>(ChangeKind.New, e => $"{e.Name} established in the {e.ParentDepartment}", States.Nothing)
            .Event<CommandLeaderAppointed>(ChangeKind.CommandChange, e => $"{e.LeaderName}{(e.Honours is null ? "" : " " + e.Honours)} appointed {e.PostTitle}", States.Nothing)
            .Event<AgencyJoinedCommand>(ChangeKind.CommandChange, e => $"{e.Agency} coordinated by {e.CommandId}", States.Nothing)
            .Event<AgencyLeftCommand>(ChangeKind.CommandChange, e => $"{e.Agency} no longer coordinated by {e.CommandId}: {e.Reason}", States.Nothing)
            .Event<CommandUnitCreated>(ChangeKind.CommandChange, e => $"{e.UnitName} created: {e.Purpose}", States.Nothing)
            .Event<CommandPowersConferred>(
                ChangeKind.PowersConferred,
                e => e.Provisions.Count == 0
                    ? $"Powers conferred by {e.LegislationId}: {e.Powers}"
                    : $"Powers conferred by {string.Join(", ", e.Provisions)} of {e.LegislationId}: {e.Powers}",
                States.Nothing)
            .Event<InternationalAgreementJoined>(ChangeKind.CommandChange, e => $"UK joins {e.Agreement}", States.Nothing)
            .LegacyEvent(LegacyEventShape.Of<CommandPowersConferredV1, CommandPowersConferred>("command.powers-conferred.v1", old => old.Forward()))
            .LegacyRequest(LegacyRequestShape.Of<ConferCommandPowersV1, ConferCommandPowers>(untilFormat: 1, old => old.Forward()));
}
