using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.Conformance.BillPassage2025;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Parliament: stages per House, ping-pong, commencement by provision, powers from provisions in force, format 1 files.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>A clock after the bill's passage and the commencement of its first provisions.</summary>
    private static readonly Instant AfterCommencement = Instant.FromUtc(2026, 6, 1, 0, 0);

    private static IReadOnlyList<ReferenceTimeline.TimelineStep> WithPassage => [.. ReferenceTimeline.ReferenceTimeline2024.Steps, .. BillPassage2025.Steps];

    private Task<IBorderSecurityStore> NewStoreAfterCommencementAsync() =>
        NewStoreAsync(new NodaTime.Testing.FakeClock(AfterCommencement, Duration.FromMilliseconds(1)));

    /// <summary>A bill in the middle of its Lords committee stage reads as such, not as still at second reading, on both axes.</summary>
    [Fact]
    public async Task ABillInTheMiddleOfItsLordsCommitteeStageReadsAsSuch()
    {
        var store = await NewStoreAfterCommencementAsync();
        var committeeCompleted = new LocalDate(2025, 10, 13);
        await store.ImportAsync([.. ReferenceTimeline.ReferenceTimeline2024.Steps,
            .. BillPassage2025.Steps.TakeWhile(s => !(s.Request is CompleteParliamentaryStage c && c.ValidOn >= committeeCompleted))]);
        var began = new LocalDate(2025, 7, 1);
        StartParliamentaryStage Start(BillStage stage) => new()
        {
            LegislationId = BorderSecurityBillId,
            House = ParliamentHouse.Lords,
            Stage = stage,
            ValidOn = began,
            Provenance = Provenance.Of(Source("lords-committee-began")),
        };
        var started = (await store.SubmitAsync(Start(BillStage.CommitteeStage))).Events.Single();

        var during = (await store.LegislationOfAsync(BorderSecurityBillId, new AsOfQuery(new LocalDate(2025, 8, 1))))!.Legislation;
        during.Position!.Name.Should().Be("2nd reading (House of Lords)", "the last stage completed");
        during.UnderWay.Should().Be(new BillPosition(ParliamentHouse.Lords, BillStage.CommitteeStage, began));
        during.UnderWay!.Name.Should().Be("Committee stage (House of Lords)");
        (await store.LegislationOfAsync(BorderSecurityBillId, new AsOfQuery(began.PlusDays(-1))))!.Legislation.UnderWay.Should().BeNull("not begun yet");
        (await store.LegislationOfAsync(BorderSecurityBillId, new AsOfQuery(new LocalDate(2025, 8, 1), started.RecordedAt - Duration.FromTicks(1))))!
            .Legislation.UnderWay.Should().BeNull("not known yet");

        await RefusedAsync(store, Start(BillStage.CommitteeStage), "StageAlreadyUnderWay");
        await RefusedAsync(store, Start(BillStage.ThirdReading), "StageOutOfOrder");
        await RefusedAsync(store, new CompleteParliamentaryStage
        {
            LegislationId = BorderSecurityBillId,
            House = ParliamentHouse.Lords,
            Stage = BillStage.CommitteeStage,
            ValidOn = began.PlusDays(-1),
            Provenance = Provenance.Of(Source("too-early")),
        }, "StageBeforePreviousStage");

        await store.SubmitAsync(new CompleteParliamentaryStage
        {
            LegislationId = BorderSecurityBillId,
            House = ParliamentHouse.Lords,
            Stage = BillStage.CommitteeStage,
            ValidOn = committeeCompleted,
            Provenance = Provenance.Of(Recalled),
        });
        var after = (await store.LegislationOfAsync(BorderSecurityBillId, new AsOfQuery(committeeCompleted)))!.Legislation;
        after.UnderWay.Should().BeNull("the stage was completed");
        after.Position!.Name.Should().Be("Committee stage (House of Lords)");

        var log = await store.ReadAllAsync();
        foreach (var query in new[] { new AsOfQuery(new LocalDate(2025, 8, 1)), new AsOfQuery(committeeCompleted), new AsOfQuery(new LocalDate(2025, 8, 1), started.RecordedAt - Duration.FromTicks(1)) })
        {
            OracleAssertions.Legislation([.. (await store.LegislationAsync(query)).Select(l => l.Legislation)], log, query, $"{query}");
        }
    }

    /// <summary>Every day of the bills passage names the house and stage it was at.</summary>
    [Fact]
    public async Task EveryDayOfTheBillsPassageNamesTheHouseAndStageItWasAt()
    {
        var store = await NewStoreAfterCommencementAsync();
        await store.ImportAsync(WithPassage);
        var reference = ConformanceReference.Of(WithPassage).Queries;

        var days = 0;
        for (var day = new LocalDate(2024, 7, 17); day <= new LocalDate(2026, 3, 1); day = day.PlusDays(1))
        {
            var query = new AsOfQuery(day);
            var bill = (await store.LegislationOfAsync(BorderSecurityBillId, query))?.Legislation;
            bill.Should().NotBeNull();
            var expected = Stages.LastOrDefault(s => s.On <= day);
            if (expected == default)
            {
                bill!.Position.Should().BeNull($"the bill was only announced on {day}");
                bill.Stage.Should().Be(LegislationStage.Announced);
            }
            else
            {
                bill!.Position!.Name.Should().Be(expected.Name, $"on {day}");
                bill.Position.House.Should().Be(expected.House);
                bill.IsAct.Should().Be(day >= RoyalAssentOn, $"on {day}");
            }

            if (day.Day == 1 || Stages.Any(s => s.On == day) || day == RoyalAssentOn)
            {
                bill.Should().BeEquivalentTo((await reference.LegislationOfAsync(BorderSecurityBillId, query))!.Legislation,
                    o => o.WithStrictOrdering().ComparingRecordsByMembers(), $"on {day}");
            }

            days++;
        }

        days.Should().BeGreaterThan(590);
        var act = (await store.LegislationOfAsync(BorderSecurityBillId, new AsOfQuery(RoyalAssentOn)))?.Legislation;
        act!.Title.Should().Be(ActTitle);
        act.OriginatingHouse.Should().Be(ParliamentHouse.Commons);
        act.History.Count(h => h.BillStage == BillStage.ConsiderationOfAmendments).Should().Be(4, "two rounds of consideration of amendments");
        act.History.Where(h => h.On == new LocalDate(2025, 12, 1)).Select(h => h.Name).Should().Equal(
            "Consideration of Lords amendments (House of Commons)", "Consideration of Commons amendments (House of Lords)");
    }

    /// <summary>Provisions are in force from their commencement as known at an instant.</summary>
    [Fact]
    public async Task ProvisionsAreInForceFromTheirCommencementAsKnownAtAnInstant()
    {
        var store = await NewStoreAfterCommencementAsync();
        await store.ImportAsync(WithPassage);

        (await store.ProvisionsInForceAsync(BorderSecurityBillId, new AsOfQuery(RoyalAssentOn.PlusDays(-1))))!.InForce.Should().BeEmpty();
        var onAssent = await store.ProvisionsInForceAsync(BorderSecurityBillId, new AsOfQuery(RoyalAssentOn));
        onAssent!.IsAct.Should().BeTrue();
        onAssent.InForce.Select(p => p.Provision).Should().Equal(OnRoyalAssent);

        var dayBefore = await store.ProvisionsInForceAsync(BorderSecurityBillId, new AsOfQuery(CommanderProvisionsCommence.PlusDays(-1)));
        dayBefore!.InForce.Select(p => p.Provision).Should().Equal(OnRoyalAssent);
        var onTheDay = await store.ProvisionsInForceAsync(BorderSecurityBillId, new AsOfQuery(CommanderProvisionsCommence));
        onTheDay!.InForce.Select(p => p.Provision).Should().Equal([.. CommanderProvisions, .. OnRoyalAssent]);
        onTheDay.InForce.Single(p => p.Provision == "section 1").Since.Should().Be(CommanderProvisionsCommence);

        // Asked as known before the commencement was announced: only what was known then.
        var knownEarlier = await store.ProvisionsInForceAsync(BorderSecurityBillId, new AsOfQuery(CommanderProvisionsCommence, Instant.FromUtc(2026, 1, 1, 0, 0)));
        knownEarlier!.InForce.Select(p => p.Provision).Should().Equal(OnRoyalAssent);

        (await store.ProvisionsInForceAsync(new LegislationId("legislation:none"), new AsOfQuery(CommanderProvisionsCommence))).Should().BeNull();
        var reference = ConformanceReference.Of(WithPassage).Queries;
        onTheDay.Should().BeEquivalentTo(await reference.ProvisionsInForceAsync(BorderSecurityBillId, new AsOfQuery(CommanderProvisionsCommence)),
            o => o.WithStrictOrdering().ComparingRecordsByMembers());
    }

    /// <summary>Powers exist from the commencement of their provisions and not a day earlier.</summary>
    [Fact]
    public async Task PowersExistFromTheCommencementOfTheirProvisionsAndNotADayEarlier()
    {
        var store = await NewStoreAfterCommencementAsync();
        await store.ImportAsync(WithPassage);

        var before = await store.CommandAsync(BorderSecurityCommandId, new AsOfQuery(CommanderProvisionsCommence.PlusDays(-1)));
        before!.Command.Powers.Should().BeEmpty();
        var on = await store.CommandAsync(BorderSecurityCommandId, new AsOfQuery(CommanderProvisionsCommence));
        var powers = on!.Command.Powers.Should().ContainSingle().Which.Value;
        powers.Detail.Should().Be(CommanderPowers);
        powers.On.Should().Be(CommanderProvisionsCommence);
        powers.Provisions.Should().Equal(CommanderProvisions);
    }

    /// <summary>Powers from provisions not yet in force are refused and nothing is stored.</summary>
    [Fact]
    public async Task PowersFromProvisionsNotYetInForceAreRefusedAndNothingIsStored()
    {
        var store = await NewStoreAfterCommencementAsync();
        await store.ImportAsync([.. WithPassage.SkipLast(1)]);
        var stored = (await store.ReadAllAsync()).Count;

        var early = new ConferCommandPowers
        {
            CommandId = BorderSecurityCommandId,
            LegislationId = BorderSecurityBillId,
            Provisions = CommanderProvisions,
            Powers = CommanderPowers,
            ValidOn = CommanderProvisionsCommence.PlusDays(-1),
            Provenance = Provenance.Of(Illustrative),
        };
        (await store.Invoking(s => s.SubmitAsync(early)).Should().ThrowAsync<DomainRuleViolationException>())
            .Which.Rule.Should().Be("PowersNeedProvisionsInForce");
        var uncommenced = early with { Provisions = ["section 99"], ValidOn = CommanderProvisionsCommence };
        (await store.Invoking(s => s.SubmitAsync(uncommenced)).Should().ThrowAsync<DomainRuleViolationException>())
            .Which.Rule.Should().Be("PowersNeedProvisionsInForce");
        (await store.ReadAllAsync()).Should().HaveCount(stored);
    }

    /// <summary>Stages out of order after royal assent or after a bill fell are refused and nothing is stored.</summary>
    [Fact]
    public async Task StagesOutOfOrderAfterRoyalAssentOrAfterABillFellAreRefusedAndNothingIsStored()
    {
        var store = await NewStoreAfterCommencementAsync();
        await store.ImportAsync(WithPassage);
        var stored = (await store.ReadAllAsync()).Count;
        var cited = Provenance.Of(Illustrative);

        async Task Breaks(Storage.IBorderSecurityStore s, IBorderSecurityRequest request, string rule) =>
            (await s.Invoking(x => x.SubmitAsync(request)).Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be(rule);

        await Breaks(store, new CompleteParliamentaryStage
        {
            LegislationId = BorderSecurityBillId,
            House = ParliamentHouse.Lords,
            Stage = BillStage.ConsiderationOfAmendments,
            ValidOn = new LocalDate(2025, 12, 3),
            Provenance = cited,
        }, "AfterRoyalAssent");
        await Breaks(store, new CommenceLegislation
        {
            LegislationId = BorderSecurityBillId,
            Provisions = ["section 1"],
            ValidOn = new LocalDate(2026, 3, 1),
            Provenance = cited,
        }, "ProvisionAlreadyInForce");
        await Breaks(store, new EndBill
        {
            LegislationId = BorderSecurityBillId,
            How = BillEnding.Withdrawn,
            ValidOn = new LocalDate(2026, 3, 1),
            Provenance = cited,
        }, "AfterRoyalAssent");
        (await store.ReadAllAsync()).Should().HaveCount(stored);

        const string fallen = "legislation:conformance-fallen-bill";
        await store.SubmitAsync(new IntroduceBill
        {
            LegislationId = new(fallen),
            Title = "Fallen Bill",
            House = ParliamentHouse.Lords,
            ValidOn = new LocalDate(2025, 1, 1),
            Provenance = cited,
        });
        await Breaks(store, new CompleteParliamentaryStage
        {
            LegislationId = new(fallen),
            House = ParliamentHouse.Lords,
            Stage = BillStage.ThirdReading,
            ValidOn = new LocalDate(2025, 1, 2),
            Provenance = cited,
        }, "StageOutOfOrder");
        await Breaks(store, new CompleteParliamentaryStage
        {
            LegislationId = new(fallen),
            House = ParliamentHouse.Commons,
            Stage = BillStage.SecondReading,
            ValidOn = new LocalDate(2025, 1, 2),
            Provenance = cited,
        }, "StageOutOfOrder");
        await store.SubmitAsync(new CompleteParliamentaryStage
        {
            LegislationId = new(fallen),
            House = ParliamentHouse.Lords,
            Stage = BillStage.SecondReading,
            ValidOn = new LocalDate(2025, 2, 1),
            Provenance = cited,
        });
        await store.SubmitAsync(new CarryOverBill
        {
            LegislationId = new(fallen),
            IntoSession = "2025-26",
            ValidOn = new LocalDate(2025, 4, 1),
            Provenance = cited,
        });
        await store.SubmitAsync(new EndBill
        {
            LegislationId = new(fallen),
            How = BillEnding.FellAtEndOfSession,
            ValidOn = new LocalDate(2026, 4, 1),
            Provenance = cited,
        });
        await Breaks(store, new CompleteParliamentaryStage
        {
            LegislationId = new(fallen),
            House = ParliamentHouse.Lords,
            Stage = BillStage.CommitteeStage,
            ValidOn = new LocalDate(2026, 4, 2),
            Provenance = cited,
        }, "BillHasEnded");
        await Breaks(store, new GrantRoyalAssent
        {
            LegislationId = new(fallen),
            ActTitle = "Fallen Act",
            ValidOn = new LocalDate(2026, 4, 2),
            Provenance = cited,
        }, "BillHasEnded");

        var bill = (await store.LegislationOfAsync(new LegislationId(fallen), new AsOfQuery(new LocalDate(2026, 5, 1))))?.Legislation;
        bill!.Ending.Should().Be(BillEnding.FellAtEndOfSession);
        bill.CarriedIntoSession.Should().Be("2025-26");
        bill.OriginatingHouse.Should().Be(ParliamentHouse.Lords);
        bill.Position!.Name.Should().Be("2nd reading (House of Lords)");
        (await store.ReadAllAsync()).Should().HaveCount(stored + 4);
    }

    /// <summary>A format one timeline file maps its stages commencement and powers forward.</summary>
    [Fact]
    public async Task AFormatOneTimelineFileMapsItsStagesCommencementAndPowersForward()
    {
        var store = await NewStoreAsync();
        var steps = TimelineFile.Read(LegacyJson("parliament-timeline-format-1.json"));
        await store.ImportAsync(steps);

        var bill = (await store.LegislationOfAsync(new LegislationId("legislation:v1-bill"), new AsOfQuery(new LocalDate(2023, 6, 5))))?.Legislation;
        bill!.Position.Should().Be(new BillPosition(ParliamentHouse.Lords, BillStage.StagesNotStated, new LocalDate(2023, 6, 1)));
        bill.Position!.Name.Should().Be("Passed (stages not stated) (House of Lords)", "OtherHouse names no specific stage");
        bill.Stage.Should().Be(LegislationStage.OtherHouse);
        (await store.LegislationOfAsync(new LegislationId("legislation:v1-bill"), new AsOfQuery(new LocalDate(2023, 4, 2))))!.Legislation.Position!.Name
            .Should().Be("3rd reading (House of Commons)");

        var provisions = await store.ProvisionsInForceAsync(new LegislationId("legislation:v1-bill"), new AsOfQuery(new LocalDate(2023, 8, 1)));
        provisions!.InForce.Select(p => p.Provision).Should().Equal("sections 1 to 5");
        var command = await store.CommandAsync(new CommandId("command:v1"), new AsOfQuery(new LocalDate(2023, 8, 2)));
        command!.Command.Powers.Should().ContainSingle().Which.Value.Provisions.Should().BeEmpty("a format 1 file names no provisions");

        (await store.ReadAllAsync()).Select(e => e.EventName).Should().Contain(["legislation.stage-completed.v2", "legislation.commenced.v2", "command.powers-conferred.v2"])
            .And.NotContain(n => n.EndsWith(".v1", StringComparison.Ordinal) && (n.Contains("stage-completed", StringComparison.Ordinal) || n.Contains("commenced", StringComparison.Ordinal) || n.Contains("powers", StringComparison.Ordinal)));
    }

    /// <summary>A checked-in JSON file of an old shape, embedded in this assembly.</summary>
    /// <param name="name">The file name under Legacy/.</param>
    /// <returns>Its bytes.</returns>
    protected static byte[] LegacyJson(string name)
    {
        using var stream = typeof(BorderSecurityStoreConformance).Assembly.GetManifestResourceStream($"Legacy.{name}")
            ?? throw new InvalidOperationException($"Legacy/{name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
