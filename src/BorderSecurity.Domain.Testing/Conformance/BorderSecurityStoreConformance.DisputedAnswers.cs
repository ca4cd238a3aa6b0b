using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Open disputes in the answers that include the disputed subject (docs/projections.md, "Open disputes in answers"), and a
// dispute's subject must exist.
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly LocalDate DisputeSeen = new(2024, 9, 17);

    /// <summary>The september dispute is listed by every answer that includes the commitment once it counts and known.</summary>
    [Fact]
    public async Task TheSeptemberDisputeIsListedByEveryAnswerThatIncludesTheCommitmentOnceItCountsAndKnown()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var log = await store.ReadAllAsync();
        var disputeKnown = Steps.Last(s => s.Request is RecordDispute).KnownFrom;
        var fy2024 = new Funding.FinancialYear(2024);
        var fy2025 = new Funding.FinancialYear(2025);

        async Task<IReadOnlyList<IReadOnlyList<Dispute>>> EveryAnswer(AsOfQuery query) =>
        [
            (await store.FundingAsync(query)).OpenDisputes,
            (await store.FundingOfAsync(BorderSecurityCommand, query)).OpenDisputes,
            (await store.FundingByFinancialYearAsync(new FinancialYearRange(fy2024, fy2025), query)).OpenDisputes,
            (await store.FundingByFinancialYearOfAsync(BorderSecurityCommand, new FinancialYearRange(fy2024, fy2025), query)).OpenDisputes,
            // The command's own dispute (the day it was established) is left out here: it is asked about below.
            [.. (await store.CommandAsync(BorderSecurityCommandId, query))!.OpenDisputes.Where(d => !d.IsAbout(BorderSecurityCommandId.Value))],
        ];

        foreach (var query in new[] { new AsOfQuery(DisputeSeen), new AsOfQuery(new LocalDate(2024, 12, 31)), new AsOfQuery(new LocalDate(2025, 6, 1), disputeKnown) })
        {
            foreach (var listed in await EveryAnswer(query))
            {
                var dispute = listed.Should().ContainSingle($"the dispute counts {query}").Subject;
                dispute.DisputeId.Should().Be(SeptemberOriginDisputeId.Value);
                dispute.SubjectIds.Should().Equal([SeptemberRedirectId.Value], "a listed dispute names the commitment it concerns");
                dispute.IsOpen.Should().BeTrue();
                OracleAssertions.OpenDisputes(listed, [SeptemberRedirectId.Value], log, query, $"{query}");
            }

            await AssertSameAnswersAsync(store, ConformanceReference.Of(Steps).Queries, query, "disputed answers");
            await AssertMatchesOracleAsync(store, query, "disputed answers");
        }

        var beforeItsDate = new AsOfQuery(DisputeSeen.PlusDays(-1));
        var beforeItWasKnown = new AsOfQuery(new LocalDate(2024, 12, 31), disputeKnown - Duration.FromTicks(1));
        foreach (var query in new[] { beforeItsDate, beforeItWasKnown })
        {
            (await store.FundingAsync(query)).OpenDisputes.Should().BeEmpty($"the dispute does not count {query}");
            (await store.FundingOfAsync(BorderSecurityCommand, query)).OpenDisputes.Should().BeEmpty();
            (await store.FundingByFinancialYearAsync(new FinancialYearRange(fy2024, fy2025), query)).OpenDisputes.Should().BeEmpty();
            (await store.CommandAsync(BorderSecurityCommandId, query))!.OpenDisputes.Select(d => d.DisputeId).Should()
                .NotContain(SeptemberOriginDisputeId.Value, $"the dispute does not count {query}");
        }

        // The command overview lists the disputes about the command itself too, from when they count and are known.
        (await store.CommandAsync(BorderSecurityCommandId, new AsOfQuery(new LocalDate(2024, 12, 31))))!.OpenDisputes.Select(d => d.DisputeId)
            .Should().Equal(CommandEstablishedDisputeId.Value, SeptemberOriginDisputeId.Value);
        (await store.CommandAsync(BorderSecurityCommandId, beforeItsDate))!.OpenDisputes.Select(d => d.DisputeId)
            .Should().Equal([CommandEstablishedDisputeId.Value], "the command's own dispute is dated 7 July");
        (await store.CommandAsync(BorderSecurityCommandId, beforeItWasKnown))!.OpenDisputes.Should().BeEmpty("both were recorded on 6 November");

        (await store.FundingOfAsync(BorderSecurityCommand, beforeItWasKnown)).Commitments.Select(c => c.CommitmentId)
            .Should().Contain(SeptemberRedirectId.Value, "the commitment itself was known; only its dispute was not");
        var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));
        (await store.FundingOfAsync(Interpol, endOf2024)).OpenDisputes.Should().BeEmpty("no INTERPOL commitment is disputed");
        (await store.RecruitmentAsync(endOf2024)).OpenDisputes.Should().BeEmpty("no target is disputed");
        (await store.ProvisionsInForceAsync(IllegalMigrationActId, endOf2024))!.OpenDisputes.Should().BeEmpty("the Act is not disputed");
        (await store.DisputesAboutAsync(SeptemberRedirectId, endOf2024)).Where(d => d.IsOpen).Select(d => d.DisputeId)
            .Should().Equal(SeptemberOriginDisputeId.Value);
        (await store.LegislationOfAsync(IllegalMigrationActId, endOf2024))!.OpenDisputes.Should().BeEmpty("the Act is not disputed");
    }

    /// <summary>A resolved dispute leaves every answer from its resolution once known.</summary>
    [Fact]
    public async Task AResolvedDisputeLeavesEveryAnswerFromItsResolutionOnceKnown()
    {
        var store = await NewStoreAsync();
        var provenance = Provenance.Of(Source("disputed-answers"));
        var twoSides = (IReadOnlyList<DisputeSide>)[Side("one account", "side-a"), Side("another account", "side-b")];

        // Each write also as a step known from when it was recorded, for the in-memory reference.
        var steps = new List<TimelineStep>();
        async Task<RecordedEvent> Submit(IBorderSecurityRequest request)
        {
            var recorded = (await store.SubmitAsync(request)).Events.Single();
            steps.Add(new TimelineStep(recorded.KnownFrom, request));
            return recorded;
        }

        await Submit(new EstablishCommand
        {
            CommandId = new("command:disputed"),
            Name = BorderSecurityCommand,
            ParentDepartment = new("Home Office"),
            ValidOn = new LocalDate(2024, 7, 1),
            Provenance = provenance,
        });
        await Submit(Pledge("funding:disputed", Money.FromMillions(75), new LocalDate(2024, 9, 10)));
        await Submit(new SetRecruitmentTarget
        {
            TargetId = new("recruitment:disputed"),
            Organisation = BorderSecurityCommand,
            Role = "officers",
            Headcount = 100,
            AnnouncedBy = "someone",
            ValidOn = new LocalDate(2024, 8, 1),
            Provenance = provenance,
        });
        await Submit(new AnnounceLegislation
        {
            LegislationId = new("legislation:disputed"),
            Title = "Disputed Bill",
            AnnouncedIn = "King's Speech",
            ValidOn = new LocalDate(2024, 7, 17),
            Provenance = provenance,
        });
        await Submit(new RecordDispute
        {
            DisputeId = new("dispute:1-funding"),
            SubjectIds = [new("funding:disputed")],
            Fact = "origin of the money",
            Sides = twoSides,
            ValidOn = DisputedOn,
            Provenance = provenance,
        });
        await Submit(new RecordDispute
        {
            DisputeId = new("dispute:2-target"),
            SubjectIds = [new("recruitment:disputed")],
            Fact = "the headcount",
            Sides = twoSides,
            ValidOn = DisputedOn,
            Provenance = provenance,
        });
        await Submit(new RecordDispute
        {
            DisputeId = new("dispute:3-command"),
            SubjectIds = [new("command:disputed")],
            Fact = "the leader",
            Sides = twoSides,
            ValidOn = DisputedOn.PlusDays(1),
            Provenance = provenance,
        });
        await Submit(new RecordDispute
        {
            DisputeId = new("dispute:4-bill"),
            SubjectIds = [new("legislation:disputed")],
            Fact = "the sponsor",
            Sides = twoSides,
            ValidOn = DisputedOn,
            Provenance = provenance,
        });
        var resolved = await Submit(new ResolveDispute
        {
            DisputeId = new("dispute:1-funding"),
            FavouredSide = 2,
            Why = "the budget shows the transfer",
            ValidOn = SettledOn,
            Provenance = provenance,
        });
        var log = await store.ReadAllAsync();

        async Task Lists(AsOfQuery query, string[] funding, string[] recruitment, string[] command, string[] bill)
        {
            var why = $"{query}";
            (await store.FundingAsync(query)).OpenDisputes.Select(d => d.DisputeId).Should().Equal(funding, why);
            (await store.FundingOfAsync(BorderSecurityCommand, query)).OpenDisputes.Select(d => d.DisputeId).Should().Equal(funding, why);
            (await store.FundingByFinancialYearAsync(new FinancialYearRange(new(2024), new(2025)), query)).OpenDisputes.Select(d => d.DisputeId).Should().Equal(funding, why);
            (await store.RecruitmentAsync(query)).OpenDisputes.Select(d => d.DisputeId).Should().Equal(recruitment, why);
            (await store.CommandAsync(new CommandId("command:disputed"), query))!.OpenDisputes.Select(d => d.DisputeId).Should().Equal(command, why);
            (await store.ProvisionsInForceAsync(new LegislationId("legislation:disputed"), query))!.OpenDisputes.Select(d => d.DisputeId).Should().Equal(bill, why);
            (await store.LegislationOfAsync(new LegislationId("legislation:disputed"), query))!.OpenDisputes.Select(d => d.DisputeId).Should().Equal(bill, why);
            (await store.DisputesAboutAsync(new LegislationId("legislation:disputed"), query)).Where(d => d.IsOpen).Select(d => d.DisputeId).Should().Equal(bill, why);
            await AssertSameAnswersAsync(store, ConformanceReference.Of(steps).Queries, query, "resolved dispute");
            await AssertMatchesOracleAsync(store, query, "resolved dispute");
        }

        await Lists(new AsOfQuery(DisputedOn.PlusDays(-1)), [], [], [], []);
        await Lists(new AsOfQuery(DisputedOn), ["dispute:1-funding"], ["dispute:2-target"], ["dispute:1-funding", "dispute:2-target"], ["dispute:4-bill"]);
        await Lists(new AsOfQuery(DisputedOn.PlusDays(1)), ["dispute:1-funding"], ["dispute:2-target"],
            ["dispute:1-funding", "dispute:2-target", "dispute:3-command"], ["dispute:4-bill"]);
        await Lists(new AsOfQuery(SettledOn.PlusDays(-1)), ["dispute:1-funding"], ["dispute:2-target"],
            ["dispute:1-funding", "dispute:2-target", "dispute:3-command"], ["dispute:4-bill"]);
        await Lists(new AsOfQuery(SettledOn), [], ["dispute:2-target"], ["dispute:2-target", "dispute:3-command"], ["dispute:4-bill"]);
        await Lists(new AsOfQuery(SettledOn.PlusDays(30), resolved.RecordedAt - Duration.FromTicks(1)), ["dispute:1-funding"], ["dispute:2-target"],
            ["dispute:1-funding", "dispute:2-target", "dispute:3-command"], ["dispute:4-bill"]);
        await Lists(new AsOfQuery(SettledOn.PlusDays(30), resolved.RecordedAt), [], ["dispute:2-target"], ["dispute:2-target", "dispute:3-command"], ["dispute:4-bill"]);

        (await store.DisputesAboutAsync(new StreamId("funding:disputed"), new AsOfQuery(SettledOn))).Should().ContainSingle()
            .Which.IsOpen.Should().BeFalse("a resolved dispute is still a dispute; answers list only open ones");
        (await store.FundingTotalsAsync(new AsOfQuery(SettledOn))).Total.Should().Be(Money.FromMillions(75), "a dispute changes no figure");
    }

    /// <summary>A dispute about a stream that does not exist is refused naming subject id and stores nothing.</summary>
    [Fact]
    public async Task ADisputeAboutAStreamThatDoesNotExistIsRefusedNamingSubjectIdAndStoresNothing()
    {
        var store = await NewStoreAsync();
        await store.SubmitAsync(Pledge("funding:exists", Money.FromMillions(1), DisputedOn));
        await store.SubmitAsync(OriginDispute([Side("one", "side-a"), Side("two", "side-b")]) with { DisputeId = new("dispute:fine"), SubjectIds = [new("funding:exists")] });
        var before = await store.ReadAllAsync();

        foreach (var subject in new[] { "funding:nowhere", "dispute:fine" })
        {
            var refused = () => store.SubmitAsync(OriginDispute([Side("one", "side-a"), Side("two", "side-b")]) with { DisputeId = new("dispute:about-" + subject.Replace(':', '-')), SubjectIds = [new(subject)] });
            var error = (await refused.Should().ThrowAsync<DomainRuleViolationException>()).Which;
            error.Rule.Should().Be("DisputeSubjectMustExist");
            error.Message.Should().Contain("SubjectId").And.Contain(subject);
        }

        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());

        // The import path refuses it too, at its step, storing nothing of it; a dispute after its subject is imported.
        var known = Instant.FromUtc(2024, 9, 20, 12, 0);
        var early = new TimelineStep(known, OriginDispute([Side("one", "side-a"), Side("two", "side-b")]) with { DisputeId = new("dispute:early"), SubjectIds = [new("funding:later")] });
        var subjectStep = new TimelineStep(known, Pledge("funding:later", Money.FromMillions(2), DisputedOn));
        var import = () => store.ImportAsync([early, subjectStep]);
        var failed = (await import.Should().ThrowAsync<TimelineImportException>()).Which;
        failed.Step.Should().Be(0);
        failed.InnerException.Should().BeOfType<DomainRuleViolationException>().Which.Rule.Should().Be("DisputeSubjectMustExist");
        (await store.ReadAllAsync()).Should().HaveCount(before.Count);
        (await store.ImportAsync([subjectStep, early])).StepsAlreadyStored.Should().Be(0);
        (await store.DisputesAboutAsync(new StreamId("funding:later"), new AsOfQuery(SettledOn))).Should().ContainSingle();
    }
}
