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
        Given().When(new EstablishCommand
        {
            CommandId = new(Id),
            Name = new("Border Security Command"),
            ParentDepartment = new("Home Office"),
            ValidOn = On(7, 7),
            Provenance = Cited,
        }).Then(Established);

    [Fact]
    public void EstablishingACommandTwiceIsRejected() =>
        Given(Established).When(new EstablishCommand
        {
            CommandId = new(Id),
            Name = new("Border Security Command"),
            ParentDepartment = new("Home Office"),
            ValidOn = On(7, 8),
            Provenance = Cited,
        })
            .ThenBreaks("CommandAlreadyEstablished");

    [Fact]
    public void NothingHappensToACommandBeforeItIsEstablished() =>
        Given().When(new AppointCommandLeader
        {
            CommandId = new(Id),
            LeaderName = "Martin Hewitt",
            PostTitle = "Border Security Commander",
            Honours = "CBE QPM",
            ValidOn = On(9, 15),
            Provenance = Cited,
        })
            .ThenBreaks("CommandMustBeEstablished");

    [Fact]
    public void NothingIsDatedBeforeTheCommandWasEstablished() =>
        Given(Established).When(new JoinAgencyToCommand
        {
            CommandId = new(Id),
            Agency = new(Nca),
            ValidOn = On(7, 6),
            Provenance = Cited,
        }).ThenBreaks("NothingBeforeEstablishment");

    [Fact]
    public void AppointingALeaderRecordsTheAppointment() =>
        Given(Established).When(new AppointCommandLeader
        {
            CommandId = new(Id),
            LeaderName = "Martin Hewitt",
            PostTitle = "Border Security Commander",
            Honours = "CBE QPM",
            ValidOn = On(9, 15),
            Provenance = Cited,
        })
            .Then(new CommandLeaderAppointed(Id, "Martin Hewitt", "Border Security Commander", "CBE QPM", On(9, 15), Cited));

    [Fact]
    public void AppointingTwoLeadersOnOneDateIsRejected() =>
        Given(Established, new CommandLeaderAppointed(Id, "Martin Hewitt", "Border Security Commander", "CBE QPM", On(9, 15), Cited))
            .When(new AppointCommandLeader
            {
                CommandId = new(Id),
                LeaderName = "Someone Else",
                PostTitle = "Border Security Commander",
                ValidOn = On(9, 15),
                Provenance = Cited,
            })
            .ThenBreaks("OneAppointmentPerDate");

    [Fact]
    public void AnAgencyJoiningRecordsIt() =>
        Given(Established).When(new JoinAgencyToCommand
        {
            CommandId = new(Id),
            Agency = new(Nca),
            ValidOn = On(7, 7),
            Provenance = Cited,
        }).Then(NcaJoined);

    [Fact]
    public void AnAgencyJoiningTwiceIsRejected() =>
        Given(Established, NcaJoined).When(new JoinAgencyToCommand
        {
            CommandId = new(Id),
            Agency = new(Nca),
            ValidOn = On(8, 1),
            Provenance = Cited,
        }).ThenBreaks("AgencyAlreadyCoordinated");

    [Fact]
    public void AnAgencyLeavingRecordsIt() =>
        Given(Established, NcaJoined).When(new RemoveAgencyFromCommand
        {
            CommandId = new(Id),
            Agency = new(Nca),
            Reason = "Reorganised",
            ValidOn = On(12, 1),
            Provenance = Cited,
        })
            .Then(new AgencyLeftCommand(Id, Nca, "Reorganised", On(12, 1), Cited));

    [Fact]
    public void AnAgencyNotCoordinatedCannotLeave() =>
        Given(Established).When(new RemoveAgencyFromCommand
        {
            CommandId = new(Id),
            Agency = new(Nca),
            Reason = "Reorganised",
            ValidOn = On(12, 1),
            Provenance = Cited,
        }).ThenBreaks("AgencyNotCoordinated");

    [Fact]
    public void AnAgencyCannotJoinAndLeaveOnOneDate() =>
        Given(Established, NcaJoined).When(new RemoveAgencyFromCommand
        {
            CommandId = new(Id),
            Agency = new(Nca),
            Reason = "Changed mind",
            ValidOn = On(7, 7),
            Provenance = Cited,
        }).ThenBreaks("OneAgencyChangePerDate");

    [Fact]
    public void CreatingAUnitRecordsIt() =>
        Given(Established).When(new CreateCommandUnit
        {
            CommandId = new(Id),
            UnitName = "OIC Intelligence Source Unit",
            Purpose = "Intelligence flows",
            ValidOn = On(11, 4),
            Provenance = Cited,
        })
            .Then(new CommandUnitCreated(Id, "OIC Intelligence Source Unit", "Intelligence flows", On(11, 4), Cited));

    [Fact]
    public void CreatingAUnitTwiceIsRejected() =>
        Given(Established, new CommandUnitCreated(Id, "OIC Intelligence Source Unit", "Intelligence flows", On(11, 4), Cited))
            .When(new CreateCommandUnit
            {
                CommandId = new(Id),
                UnitName = "OIC Intelligence Source Unit",
                Purpose = "Again",
                ValidOn = On(11, 5),
                Provenance = Cited,
            }).ThenBreaks("UnitAlreadyExists");

    private static readonly BorderSecurity.Domain.Legislative.EnactedLegislationRecorded BsaiAct =
        new("legislation:bsai-act", "Border Security, Asylum and Immigration Act", On(11, 20), Cited);

    [Fact]
    public void ConferringPowersRecordsThem() =>
        Given(Established).Referencing(BsaiAct).When(new ConferCommandPowers
        {
            CommandId = new(Id),
            LegislationId = new("legislation:bsai-act"),
            Provisions = [],
            Powers = "Counter-terror style powers",
            ValidOn = On(12, 1),
            Provenance = Cited,
        })
            .Then(new CommandPowersConferred(Id, "legislation:bsai-act", [], "Counter-terror style powers", On(12, 1), Cited));

    [Fact]
    public void PowersFromLegislationNotYetAnActAreRejected() =>
        Given(Established).Referencing(BsaiAct).When(new ConferCommandPowers
        {
            CommandId = new(Id),
            LegislationId = new("legislation:bsai-act"),
            Provisions = [],
            Powers = "Powers",
            ValidOn = On(11, 19),
            Provenance = Cited,
        })
            .ThenBreaks("PowersNeedAnEnactedAct");

    [Fact]
    public void PowersFromUnrecordedLegislationAreRejected() =>
        Given(Established).When(new ConferCommandPowers
        {
            CommandId = new(Id),
            LegislationId = new("legislation:unknown"),
            Provisions = ["section 1"],
            Powers = "Powers",
            ValidOn = On(12, 1),
            Provenance = Cited,
        })
            .ThenBreaks("PowersNeedAnEnactedAct");

    [Fact]
    public void ConferringPowersFromOneActTwiceIsRejected() =>
        Given(Established, new CommandPowersConferred(Id, "legislation:bsai-act", [], "Powers", On(12, 1), Cited))
            .When(new ConferCommandPowers
            {
                CommandId = new(Id),
                LegislationId = new("legislation:bsai-act"),
                Provisions = [],
                Powers = "More",
                ValidOn = On(12, 2),
                Provenance = Cited,
            }).ThenBreaks("PowersAlreadyConferred");

    private static readonly BorderSecurity.Domain.Legislative.LegislationCommenced Section1Commenced =
        new("legislation:bsai-act", ["section 1"], On(12, 10), Cited);

    [Fact]
    public void PowersFromProvisionsInForceRecordThem() =>
        Given(Established).Referencing(BsaiAct, Section1Commenced)
            .When(new ConferCommandPowers
            {
                CommandId = new(Id),
                LegislationId = new("legislation:bsai-act"),
                Provisions = ["section 1"],
                Powers = "Commander's functions",
                ValidOn = On(12, 10),
                Provenance = Cited,
            })
            .Then(new CommandPowersConferred(Id, "legislation:bsai-act", ["section 1"], "Commander's functions", On(12, 10), Cited));

    [Fact]
    public void PowersADayBeforeTheirProvisionsCommenceAreRejected() =>
        Given(Established).Referencing(BsaiAct, Section1Commenced)
            .When(new ConferCommandPowers
            {
                CommandId = new(Id),
                LegislationId = new("legislation:bsai-act"),
                Provisions = ["section 1"],
                Powers = "Commander's functions",
                ValidOn = On(12, 9),
                Provenance = Cited,
            })
            .ThenBreaks("PowersNeedProvisionsInForce");

    [Fact]
    public void PowersFromProvisionsNeverCommencedAreRejected() =>
        Given(Established).Referencing(BsaiAct, Section1Commenced)
            .When(new ConferCommandPowers
            {
                CommandId = new(Id),
                LegislationId = new("legislation:bsai-act"),
                Provisions = ["section 1", "section 2"],
                Powers = "More",
                ValidOn = On(12, 20),
                Provenance = Cited,
            })
            .ThenBreaks("PowersNeedProvisionsInForce");

    [Fact]
    public void JoiningAnAgreementRecordsIt() =>
        Given(Established).When(new JoinInternationalAgreement
        {
            CommandId = new(Id),
            Agreement = "G7 action plan",
            ValidOn = On(10, 4),
            Provenance = Cited,
        })
            .Then(new InternationalAgreementJoined(Id, "G7 action plan", On(10, 4), Cited));

    [Fact]
    public void JoiningAnAgreementTwiceIsRejected() =>
        Given(Established, new InternationalAgreementJoined(Id, "G7 action plan", On(10, 4), Cited))
            .When(new JoinInternationalAgreement
            {
                CommandId = new(Id),
                Agreement = "G7 action plan",
                ValidOn = On(10, 5),
                Provenance = Cited,
            }).ThenBreaks("AgreementAlreadyJoined");

    [Fact]
    public void AStreamOfAnotherAggregateCannotBeUsedForACommand() =>
        Given(new FundingPledged(Id, "X", M(1), FundingBasis.Firm, null, TwoYears, "X", "X", On(1, 1), Cited))
            .When(new EstablishCommand
            {
                CommandId = new(Id),
                Name = new("Border Security Command"),
                ParentDepartment = new("Home Office"),
                ValidOn = On(7, 7),
                Provenance = Cited,
            })
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
