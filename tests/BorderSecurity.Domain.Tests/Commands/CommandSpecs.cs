using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Commands;

public class CommandSpecs
{
    private const string Id = "command:test";
    private const string Nca = "National Crime Agency";

    private static readonly CommandEstablished Established = new(Id, "Border Security Command", "Home Office", On(7, 7), Cited);
    private static readonly AgencyJoinedCommand NcaJoined = new(Id, Nca, On(7, 7), Cited);

    [Fact]
    public void EstablishingACommandRecordsIt() =>
        Given().When(new EstablishCommand(Id, "Border Security Command", "Home Office", On(7, 7), Cited)).Then(Established);

    [Fact]
    public void EstablishingACommandTwiceIsRejected() =>
        Given(Established).When(new EstablishCommand(Id, "Border Security Command", "Home Office", On(7, 8), Cited))
            .ThenBreaks("CommandAlreadyEstablished");

    [Fact]
    public void NothingHappensToACommandBeforeItIsEstablished() =>
        Given().When(new AppointCommandLeader(Id, "Martin Hewitt", "Border Security Commander", "CBE QPM", On(9, 15), Cited))
            .ThenBreaks("CommandMustBeEstablished");

    [Fact]
    public void NothingIsDatedBeforeTheCommandWasEstablished() =>
        Given(Established).When(new JoinAgencyToCommand(Id, Nca, On(7, 6), Cited)).ThenBreaks("NothingBeforeEstablishment");

    [Fact]
    public void AppointingALeaderRecordsTheAppointment() =>
        Given(Established).When(new AppointCommandLeader(Id, "Martin Hewitt", "Border Security Commander", "CBE QPM", On(9, 15), Cited))
            .Then(new CommandLeaderAppointed(Id, "Martin Hewitt", "Border Security Commander", "CBE QPM", On(9, 15), Cited));

    [Fact]
    public void AppointingTwoLeadersOnOneDateIsRejected() =>
        Given(Established, new CommandLeaderAppointed(Id, "Martin Hewitt", "Border Security Commander", "CBE QPM", On(9, 15), Cited))
            .When(new AppointCommandLeader(Id, "Someone Else", "Border Security Commander", null, On(9, 15), Cited))
            .ThenBreaks("OneAppointmentPerDate");

    [Fact]
    public void AnAgencyJoiningRecordsIt() =>
        Given(Established).When(new JoinAgencyToCommand(Id, Nca, On(7, 7), Cited)).Then(NcaJoined);

    [Fact]
    public void AnAgencyJoiningTwiceIsRejected() =>
        Given(Established, NcaJoined).When(new JoinAgencyToCommand(Id, Nca, On(8, 1), Cited)).ThenBreaks("AgencyAlreadyCoordinated");

    [Fact]
    public void AnAgencyLeavingRecordsIt() =>
        Given(Established, NcaJoined).When(new RemoveAgencyFromCommand(Id, Nca, "Reorganised", On(12, 1), Cited))
            .Then(new AgencyLeftCommand(Id, Nca, "Reorganised", On(12, 1), Cited));

    [Fact]
    public void AnAgencyNotCoordinatedCannotLeave() =>
        Given(Established).When(new RemoveAgencyFromCommand(Id, Nca, "Reorganised", On(12, 1), Cited)).ThenBreaks("AgencyNotCoordinated");

    [Fact]
    public void AnAgencyCannotJoinAndLeaveOnOneDate() =>
        Given(Established, NcaJoined).When(new RemoveAgencyFromCommand(Id, Nca, "Changed mind", On(7, 7), Cited)).ThenBreaks("OneAgencyChangePerDate");

    [Fact]
    public void CreatingAUnitRecordsIt() =>
        Given(Established).When(new CreateCommandUnit(Id, "OIC Intelligence Source Unit", "Intelligence flows", On(11, 4), Cited))
            .Then(new CommandUnitCreated(Id, "OIC Intelligence Source Unit", "Intelligence flows", On(11, 4), Cited));

    [Fact]
    public void CreatingAUnitTwiceIsRejected() =>
        Given(Established, new CommandUnitCreated(Id, "OIC Intelligence Source Unit", "Intelligence flows", On(11, 4), Cited))
            .When(new CreateCommandUnit(Id, "OIC Intelligence Source Unit", "Again", On(11, 5), Cited)).ThenBreaks("UnitAlreadyExists");

    private static readonly BorderSecurity.Domain.Legislative.EnactedLegislationRecorded BsaiAct =
        new("legislation:bsai-act", "Border Security, Asylum and Immigration Act", On(11, 20), Cited);

    [Fact]
    public void ConferringPowersRecordsThem() =>
        Given(Established).Referencing(BsaiAct).When(new ConferCommandPowers(Id, "legislation:bsai-act", [], "Counter-terror style powers", On(12, 1), Cited))
            .Then(new CommandPowersConferred(Id, "legislation:bsai-act", [], "Counter-terror style powers", On(12, 1), Cited));

    [Fact]
    public void PowersFromLegislationNotYetAnActAreRejected() =>
        Given(Established).Referencing(BsaiAct).When(new ConferCommandPowers(Id, "legislation:bsai-act", [], "Powers", On(11, 19), Cited))
            .ThenBreaks("PowersNeedAnEnactedAct");

    [Fact]
    public void PowersFromUnrecordedLegislationAreRejected() =>
        Given(Established).When(new ConferCommandPowers(Id, "legislation:unknown", ["section 1"], "Powers", On(12, 1), Cited))
            .ThenBreaks("PowersNeedAnEnactedAct");

    [Fact]
    public void ConferringPowersFromOneActTwiceIsRejected() =>
        Given(Established, new CommandPowersConferred(Id, "legislation:bsai-act", [], "Powers", On(12, 1), Cited))
            .When(new ConferCommandPowers(Id, "legislation:bsai-act", [], "More", On(12, 2), Cited)).ThenBreaks("PowersAlreadyConferred");

    private static readonly BorderSecurity.Domain.Legislative.LegislationCommenced Section1Commenced =
        new("legislation:bsai-act", ["section 1"], On(12, 10), Cited);

    [Fact]
    public void PowersFromProvisionsInForceRecordThem() =>
        Given(Established).Referencing(BsaiAct, Section1Commenced)
            .When(new ConferCommandPowers(Id, "legislation:bsai-act", ["section 1"], "Commander's functions", On(12, 10), Cited))
            .Then(new CommandPowersConferred(Id, "legislation:bsai-act", ["section 1"], "Commander's functions", On(12, 10), Cited));

    [Fact]
    public void PowersADayBeforeTheirProvisionsCommenceAreRejected() =>
        Given(Established).Referencing(BsaiAct, Section1Commenced)
            .When(new ConferCommandPowers(Id, "legislation:bsai-act", ["section 1"], "Commander's functions", On(12, 9), Cited))
            .ThenBreaks("PowersNeedProvisionsInForce");

    [Fact]
    public void PowersFromProvisionsNeverCommencedAreRejected() =>
        Given(Established).Referencing(BsaiAct, Section1Commenced)
            .When(new ConferCommandPowers(Id, "legislation:bsai-act", ["section 1", "section 2"], "More", On(12, 20), Cited))
            .ThenBreaks("PowersNeedProvisionsInForce");

    [Fact]
    public void JoiningAnAgreementRecordsIt() =>
        Given(Established).When(new JoinInternationalAgreement(Id, "G7 action plan", On(10, 4), Cited))
            .Then(new InternationalAgreementJoined(Id, "G7 action plan", On(10, 4), Cited));

    [Fact]
    public void JoiningAnAgreementTwiceIsRejected() =>
        Given(Established, new InternationalAgreementJoined(Id, "G7 action plan", On(10, 4), Cited))
            .When(new JoinInternationalAgreement(Id, "G7 action plan", On(10, 5), Cited)).ThenBreaks("AgreementAlreadyJoined");

    [Fact]
    public void AStreamOfAnotherAggregateCannotBeUsedForACommand() =>
        Given(new FundingPledged(Id, "X", M(1), FundingBasis.Firm, null, TwoYears, "X", "X", On(1, 1), Cited))
            .When(new EstablishCommand(Id, "Border Security Command", "Home Office", On(7, 7), Cited))
            .ThenBreaks("StreamBelongsToAnotherAggregate");

    [Fact]
    public void TheLatestAppointmentByDateLeadsWhateverTheRecordingOrder()
    {
        var later = new CommandLeaderAppointed(Id, "B", "Commander", null, On(12, 1), Cited);
        var earlier = new CommandLeaderAppointed(Id, "A", "Commander", null, On(9, 1), Cited);

        var state = new IBorderSecurityEvent[] { Established, later, earlier }.Aggregate((Command?)null, Command.Evolve)!;

        state.Leader!.Name.Should().Be("B");
    }
}
