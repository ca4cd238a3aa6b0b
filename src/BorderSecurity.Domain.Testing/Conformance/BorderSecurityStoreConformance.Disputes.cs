using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;

namespace BorderSecurity.Domain.Conformance;

// Disputed facts: recorded, asked as of dates and known-at instants, resolved; refusals store nothing.
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly LocalDate DisputedOn = new(2024, 9, 12);
    private static readonly LocalDate SettledOn = new(2024, 10, 1);

    private static RecordDispute OriginDispute(IReadOnlyList<DisputeSide> sides) =>
        new RecordDispute
        {
            DisputeId = new("dispute:origin"),
            SubjectIds = [new("funding:disputed")],
            Fact = "origin of the money",
            Sides = sides,
            ValidOn = DisputedOn,
            Provenance = Provenance.Of(Source("dispute")),
        };

    private static DisputeSide Side(string says, string source) => new(says, Provenance.Of(Source(source)));

    /// <summary>A dispute is open from its date and resolved from its resolution on both axes.</summary>
    [Fact]
    public async Task ADisputeIsOpenFromItsDateAndResolvedFromItsResolutionOnBothAxes()
    {
        var store = await NewStoreAsync();
        await store.SubmitAsync(Pledge("funding:disputed", Money.FromMillions(75), new LocalDate(2024, 9, 10)));
        var recorded = (await store.SubmitAsync(OriginDispute([Side("new investment", "side-a"), Side("redirected from another budget", "side-b")]))).Events.Single();
        var resolved = (await store.SubmitAsync(new ResolveDispute
        {
            DisputeId = new("dispute:origin"),
            FavouredSide = 2,
            Why = "the budget documents show the transfer",
            ValidOn = SettledOn,
            Provenance = Provenance.Of(Source("settled")),
        })).Events.Single();

        (await store.DisputesAsync(new AsOfQuery(DisputedOn.PlusDays(-1)))).Should().BeEmpty("the dispute is dated after the question");
        var open = (await store.DisputesAsync(new AsOfQuery(DisputedOn))).Should().ContainSingle().Subject;
        open.IsOpen.Should().BeTrue();
        open.SubjectIds.Should().Equal("funding:disputed");
        open.Fact.Should().Be("origin of the money");
        open.Sides.Select(s => s.Says).Should().Equal("new investment", "redirected from another budget");
        open.Sides.Select(s => s.Provenance.Sources.Single().Document).Should().Equal("side-a.txt", "side-b.txt");
        open.Sources.Select(s => s.Document).Should().Equal("dispute.txt", "side-a.txt", "side-b.txt");

        var settled = (await store.DisputesAsync(new AsOfQuery(SettledOn))).Should().ContainSingle().Subject;
        settled.IsOpen.Should().BeFalse();
        settled.Resolution!.FavouredSide.Should().Be(2);
        settled.Resolution.Resolution.Should().Be("redirected from another budget", "a side that prevails gives its words");
        settled.Resolution.Why.Should().Be("the budget documents show the transfer");
        settled.Sources.Select(s => s.Document).Should().Contain("settled.txt");

        var beforeResolutionWasKnown = new AsOfQuery(SettledOn.PlusDays(30), resolved.RecordedAt - Duration.FromTicks(1));
        (await store.DisputesAsync(beforeResolutionWasKnown)).Should().ContainSingle().Which.IsOpen.Should().BeTrue("the resolution was not known yet");
        (await store.DisputesAsync(new AsOfQuery(SettledOn, recorded.RecordedAt - Duration.FromTicks(1)))).Should().BeEmpty("the dispute was not known yet");

        (await store.DisputesAboutAsync(new StreamId("funding:disputed"), new AsOfQuery(SettledOn))).Should().ContainSingle();
        (await store.DisputesAboutAsync(new StreamId("funding:other"), new AsOfQuery(SettledOn))).Should().BeEmpty();

        var log = await store.ReadAllAsync();
        foreach (var query in new[] { new AsOfQuery(DisputedOn), new AsOfQuery(SettledOn), beforeResolutionWasKnown })
        {
            OracleAssertions.Disputes(await store.DisputesAsync(query), log, query, $"as of {query.AsOf}");
        }

        (await store.FundingTotalsAsync(new AsOfQuery(SettledOn))).Total.Should().Be(Money.FromMillions(75), "a dispute changes no figure");
    }

    /// <summary>A broken dispute rule names it and stores nothing.</summary>
    [Fact]
    public async Task ABrokenDisputeRuleNamesItAndStoresNothing()
    {
        var store = await NewStoreAsync();
        await store.SubmitAsync(Pledge("funding:disputed", Money.FromMillions(75), new LocalDate(2024, 9, 10)));
        await store.SubmitAsync(OriginDispute([Side("new investment", "side-a"), Side("redirected", "side-b")]));
        var before = await store.ReadAllAsync();

        await RefusedAsync(store, OriginDispute([Side("new investment", "side-a")]) with { DisputeId = new("dispute:one-sided") }, "DisputeNeedsTwoSides");
        await RefusedAsync(store, OriginDispute([Side("new investment", "side-a"), new DisputeSide("unsourced", null!)]) with { DisputeId = new("dispute:unsourced") },
            "EachSideNeedsASource");
        await RefusedAsync(store, OriginDispute([Side("again", "side-a"), Side("again", "side-b")]), "DisputeAlreadyRecorded");
        await RefusedAsync(store, new ResolveDispute
        {
            DisputeId = new("dispute:missing"),
            FavouredSide = 1,
            Why = "why",
            ValidOn = SettledOn,
            Provenance = Provenance.Of(Source("s")),
        }, "DisputeMustBeRecorded");
        await RefusedAsync(store, new ResolveDispute
        {
            DisputeId = new("dispute:origin"),
            FavouredSide = 1,
            Why = "why",
            ValidOn = DisputedOn.PlusDays(-1),
            Provenance = Provenance.Of(Source("s")),
        }, "ResolutionBeforeDispute");
        await RefusedAsync(store, new ResolveDispute
        {
            DisputeId = new("dispute:origin"),
            FavouredSide = 3,
            Why = "why",
            ValidOn = SettledOn,
            Provenance = Provenance.Of(Source("s")),
        }, "NoSuchSide");
        await RefusedAsync(store, new ResolveDispute
        {
            DisputeId = new("dispute:origin"),
            Why = "why",
            ValidOn = SettledOn,
            Provenance = Provenance.Of(Source("s")),
        }, "ResolutionNeedsASideOrText");
        var blankSide = () => store.SubmitAsync(OriginDispute([Side(" ", "side-a"), Side("redirected", "side-b")]) with { DisputeId = new("dispute:blank") });
        (await blankSide.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("Sides[0].Says");
        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());

        await store.SubmitAsync(new ResolveDispute
        {
            DisputeId = new("dispute:origin"),
            Resolution = "both partly right",
            Why = "why",
            ValidOn = SettledOn,
            Provenance = Provenance.Of(Source("s")),
        });
        var afterResolution = await store.ReadAllAsync();
        await RefusedAsync(store, new ResolveDispute
        {
            DisputeId = new("dispute:origin"),
            FavouredSide = 1,
            Why = "why",
            ValidOn = SettledOn,
            Provenance = Provenance.Of(Source("s")),
        }, "DisputeAlreadyResolved");
        (await store.ReadAllAsync()).Should().HaveCount(afterResolution.Count);
        (await store.DisputesAsync(new AsOfQuery(SettledOn))).Single().Resolution!.Resolution.Should().Be("both partly right");
    }

    /// <summary>The commands establishment date is disputed open and the command counts from its launch.</summary>
    [Fact]
    public async Task TheCommandsEstablishmentDateIsDisputedOpenAndTheCommandCountsFromItsLaunch()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));

        var dispute = (await store.DisputesAboutAsync(ReferenceTimeline2024.BorderSecurityCommandId, endOf2024)).Should().ContainSingle().Subject;
        dispute.DisputeId.Should().Be(ReferenceTimeline2024.CommandEstablishedDisputeId.Value);
        dispute.IsOpen.Should().BeTrue();
        dispute.Sides.Select(s => s.Says).Should().Equal("established on 5 July 2024", "launched on 7 July 2024");
        dispute.Sides[0].Provenance.Sources.Should().Equal(Sources2024.CommandAboutPage);
        dispute.Sides[0].Provenance.Sources[0].Url.Should().Be("https://www.gov.uk/government/organisations/border-security-command/about");
        dispute.Sides[1].Provenance.Sources.Should().Contain(Sources2024.FullFactTracker).And.Contain(Sources2024.LaunchReleaseMirror);
        (await store.DisputesAsync(endOf2024)).Select(d => d.DisputeId).Should().Equal(
            ReferenceTimeline2024.CommandEstablishedDisputeId.Value, ReferenceTimeline2024.SeptemberOriginDisputeId.Value);

        (await store.CommandAsync(ReferenceTimeline2024.BorderSecurityCommandId, new AsOfQuery(new LocalDate(2024, 7, 6)))).Should()
            .BeNull("the command is counted from its launch on 7 July, the reading three sources share");
        (await store.CommandAsync(ReferenceTimeline2024.BorderSecurityCommandId, new AsOfQuery(new LocalDate(2024, 7, 7)))).Should().NotBeNull();
    }

    /// <summary>The september origin dispute is open while the money still counts as redirected.</summary>
    [Fact]
    public async Task TheSeptemberOriginDisputeIsOpenWhileTheMoneyStillCountsAsRedirected()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var lastStepKnown = ReferenceTimeline2024.Steps.Max(s => s.KnownFrom);
        var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));

        var dispute = (await store.DisputesAboutAsync(ReferenceTimeline2024.SeptemberRedirectId, endOf2024)).Should().ContainSingle().Subject;
        dispute.DisputeId.Should().Be(ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
        dispute.IsOpen.Should().BeTrue("no source settles where the September money came from");
        dispute.Sides.Should().HaveCount(2);
        dispute.Sides[0].Provenance.Sources.Select(s => s.Document).Should().Contain("002_42653983a009148c.txt");
        dispute.Sides[1].Provenance.Sources.Select(s => s.Document).Should().Contain("003_42febc41d18400fd.txt");
        dispute.Sides.SelectMany(side => side.Provenance.Sources).Should().Contain(Sources2024.SeptemberReleaseMirror,
            "the Home Office's own release (a mirror) has both readings: a new-investment headline, redirected money in its text");
        (await store.DisputesAsync(new AsOfQuery(new LocalDate(2024, 12, 31), lastStepKnown - Duration.FromTicks(1)))).Should()
            .BeEmpty("the dispute is recorded by one of the timeline's last steps");

        var september = (await store.FundingAsync(endOf2024)).Commitments.Single(c => c.CommitmentId == ReferenceTimeline2024.SeptemberRedirectId.Value);
        september.Origin.Kind.Should().Be(FundingOriginKind.Redirected, "the open dispute changes nothing that is counted");
    }

    // Whether the November £75m, and the 300 Border Security Command staff it pays for, are new money: the Home Secretary
    // confirmed the £75m as new from the Budget (004), while the Prime Minister's announcement has it bring the command's
    // investment to £150m over two years (001), building on the September £75m (000). One fact of a commitment and a
    // recruitment target, recorded once. A test's dispute, not part of the reference timeline.
    private static readonly Instant NewMoneyDisputeKnown = Instant.FromUtc(2024, 11, 7, 12, 0);

    private static RecordDispute NewMoneyDispute(params StreamId[] subjects) => new()
    {
        DisputeId = new("dispute:bsc-2024-11-new-money"),
        SubjectIds = subjects,
        Fact = "whether the money is new",
        Sides =
        [
            new DisputeSide("new money from the Autumn Budget 2024", Provenance.Of(Sources2024.TreatSmugglersLikeTerrorists)),
            new DisputeSide("part of £150m over two years, building on the September £75m", Provenance.Of(Sources2024.RecruitmentDrive, Sources2024.TechPressExtra75m)),
        ],
        ValidOn = new LocalDate(2024, 11, 6),
        Provenance = Provenance.Of(Sources2024.TreatSmugglersLikeTerrorists, Sources2024.RecruitmentDrive),
    };

    /// <summary>
    /// A dispute about a commitment and a recruitment target is recorded once and listed by the commitment's recipient's
    /// funding answer, the recruitment answer, the disputes about each subject and the changes about each subject.
    /// </summary>
    [Fact]
    public async Task ADisputeAboutACommitmentAndATargetIsListedInEveryAnswerThatIncludesEither()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var budget = ReferenceTimeline2024.NovemberBudgetId;
        var staff = ReferenceTimeline2024.BscStaffId;
        await store.ImportAsync([new(NewMoneyDisputeKnown, NewMoneyDispute(budget, staff))]);
        var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));
        var log = await store.ReadAllAsync();

        var recorded = log.Select(e => e.Data).OfType<DisputeRecorded>().Should().ContainSingle(d => d.DisputeId == "dispute:bsc-2024-11-new-money").Subject;
        recorded.SubjectIds.Should().Equal([budget.Value, staff.Value], "one event names both subjects, in the order given");

        var funding = await store.FundingOfAsync(ReferenceTimeline2024.BorderSecurityCommand, endOf2024);
        var listed = funding.OpenDisputes.Should().ContainSingle(d => d.DisputeId == "dispute:bsc-2024-11-new-money", "the funding answer includes the commitment").Subject;
        listed.SubjectIds.Should().Equal(budget.Value, staff.Value);
        listed.IsAbout(staff.Value).Should().BeTrue();
        OracleAssertions.OpenDisputes(funding.OpenDisputes, funding.Commitments.Select(c => c.CommitmentId), log, endOf2024, "funding of the command");

        var recruitment = await store.RecruitmentAsync(endOf2024);
        recruitment.OpenDisputes.Select(d => d.DisputeId).Should().Contain("dispute:bsc-2024-11-new-money", "the recruitment answer includes the target");
        OracleAssertions.OpenDisputes(recruitment.OpenDisputes, recruitment.Organisations.SelectMany(o => o.Targets).Select(t => t.TargetId), log, endOf2024,
            "recruitment");

        var window = new ChangesQuery(NewMoneyDisputeKnown - Duration.FromHours(1), NewMoneyDisputeKnown);
        foreach (StreamId subject in new StreamId[] { budget, staff })
        {
            var about = await store.DisputesAboutAsync(subject, endOf2024);
            about.Select(d => d.DisputeId).Should().Equal(["dispute:bsc-2024-11-new-money"], $"the dispute is about {subject}");
            OracleAssertions.Disputes(about, log, endOf2024, $"disputes about {subject}", subject.Value);

            var change = (await store.ChangesAboutAsync(subject, window)).Changes.Should().ContainSingle($"the dispute is a change about {subject}").Subject;
            change.Kind.Should().Be(ChangeKind.DisputeOpened);
            change.Stream.Value.Should().Be("dispute:bsc-2024-11-new-money");
            change.Subject.Value.Should().Be(subject.Value, "a change about a subject names the subject asked about");
            change.Summary.Should().Contain(budget.Value).And.Contain(staff.Value);
        }

        (await store.ChangesAsync(window)).Changes.Should().ContainSingle().Which.Subject.Value.Should().Be(budget.Value, "unasked, the first subject named");
        (await store.DisputesAboutAsync(ReferenceTimeline2024.NcaOfficersId, endOf2024)).Should().BeEmpty("another target is not a subject");
        (await store.CommandAsync(ReferenceTimeline2024.BorderSecurityCommandId, endOf2024))!.OpenDisputes.Select(d => d.DisputeId)
            .Should().Contain("dispute:bsc-2024-11-new-money").And.OnlyHaveUniqueItems("a dispute about two subjects of one answer is listed once");
    }

    /// <summary>A dispute with no subject, a subject named twice, an unknown subject or a dispute as its subject is refused naming the rule, storing nothing.</summary>
    [Fact]
    public async Task ABadListOfSubjectsIsRefusedNamingTheRuleAndStoresNothing()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var before = await store.ReadAllAsync();
        var budget = ReferenceTimeline2024.NovemberBudgetId;

        await RefusedAsync(store, NewMoneyDispute(), "DisputeNeedsASubject");
        await RefusedAsync(store, NewMoneyDispute(budget, ReferenceTimeline2024.BscStaffId, new StreamId(budget.Value)), "DisputeSubjectNamedTwice");
        await RefusedAsync(store, NewMoneyDispute(budget, new StreamId("recruitment:nowhere")), "DisputeSubjectMustExist");
        await RefusedAsync(store, NewMoneyDispute(budget, ReferenceTimeline2024.SeptemberOriginDisputeId), "DisputeSubjectMustExist");
        var twice = () => store.SubmitAsync(NewMoneyDispute(budget, ReferenceTimeline2024.BscStaffId, budget));
        (await twice.Should().ThrowAsync<DomainRuleViolationException>()).Which.Message.Should().Contain("SubjectIds[2]").And.Contain(budget.Value);
        var unknown = () => store.SubmitAsync(NewMoneyDispute(budget, new StreamId("recruitment:nowhere")));
        (await unknown.Should().ThrowAsync<DomainRuleViolationException>()).Which.Message.Should().Contain("SubjectIds[1] 'recruitment:nowhere'");
        var none = () => store.SubmitAsync(NewMoneyDispute() with { SubjectIds = null! });
        (await none.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("SubjectIds");

        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }
}
