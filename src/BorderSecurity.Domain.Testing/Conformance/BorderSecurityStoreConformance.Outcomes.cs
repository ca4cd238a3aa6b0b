using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Outcome statistics (issue 23, "was it delivered?"): values that count a period, with their qualifier, status and sources;
// every release as known at an instant; refusals store nothing. Against the independent oracle.
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly CountPeriod October2024 = CountPeriod.Month(2024, 10);

    /// <summary>The October 2024 crossings read "more than 5,000" as reported, and an official figure recorded later keeps the report as what was known before it.</summary>
    [Fact]
    public async Task OctoberCrossingsReadMoreThan5000AsReportedAndAnOfficialFigureKeepsTheReportAsKnownBefore()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);

        var reported = await store.IndicatorOfAsync(SmallBoatArrivalsId, new AsOfQuery(new LocalDate(2024, 12, 31)));
        var october = reported!.Indicator.ValueFor(October2024)!;
        october.Releases.Should().ContainSingle();
        october.Latest.Stated.Should().Be("more than 5,000");
        october.Latest.Status.Should().Be(ReleaseStatus.Reported);
        october.Latest.Sources.Select(s => s.Document).Should().Equal("004_15ffba115c23e480.txt");
        reported.Indicator.Values.Select(v => (v.Period.ToString(), v.Latest.Stated))
            .Should().Equal(("2024-10-01/2024-10-31", "more than 5,000"), ("2024-11-01/2024-11-02", "more than 430"));
        reported.Indicator.Unit.Should().Be("people");

        (await store.IndicatorOfAsync(SmallBoatArrivalsId, new AsOfQuery(new LocalDate(2024, 10, 30))))!.Indicator.Values
            .Should().BeEmpty("a value is dated its period's last day: October's count is not complete on 30 October");
        (await store.IndicatorOfAsync(SmallBoatArrivalsId, new AsOfQuery(new LocalDate(2024, 12, 31), Instant.FromUtc(2024, 11, 3, 0, 0))))
            .Should().BeNull("nothing about small-boat arrivals was known before article 004");

        var nca = (await store.IndicatorOfAsync(NcaInvestigationsId, new AsOfQuery(new LocalDate(2024, 9, 17))))!.Indicator;
        nca.Measure.Should().Be(IndicatorMeasure.OnDate);
        nca.Values.Should().ContainSingle().Which.Latest.Stated.Should().Be("around 70");

        // The official release, recorded later (a conformance source, not a figure of the reference timeline).
        var revision = (await store.SubmitAsync(new ReviseOutcome
        {
            IndicatorId = SmallBoatArrivalsId,
            Period = October2024,
            Count = 5_100,
            Qualifier = OutcomeQualifier.Exact,
            Status = ReleaseStatus.ProvisionalOfficial,
            Reason = "official statistics published",
            Provenance = Provenance.Of(Source("official-release")),
        })).Events.Single();

        var now = (await store.IndicatorOfAsync(SmallBoatArrivalsId, new AsOfQuery(new LocalDate(2024, 12, 31))))!.Indicator.ValueFor(October2024)!;
        now.Releases.Select(r => (r.Stated, r.Status, r.Reason)).Should().Equal(
            ("more than 5,000", ReleaseStatus.Reported, null),
            ("5,100", ReleaseStatus.ProvisionalOfficial, "official statistics published"));
        now.First.Stated.Should().Be("more than 5,000");
        now.Revisions.Should().ContainSingle();

        var before = new AsOfQuery(new LocalDate(2024, 12, 31), revision.RecordedAt - Duration.FromTicks(1));
        (await store.IndicatorOfAsync(SmallBoatArrivalsId, before))!.Indicator.ValueFor(October2024)!.Releases
            .Should().ContainSingle("what was known before the official release is the report").Which.Stated.Should().Be("more than 5,000");

        var log = await store.ReadAllAsync();
        foreach (var query in new[] { new AsOfQuery(LocalDate.MaxIsoValue), before, new AsOfQuery(new LocalDate(2024, 10, 31)), new AsOfQuery(new LocalDate(2024, 9, 16)) })
        {
            AssertIndicatorsMatch(await store.IndicatorsAsync(query), log, query, $"{query}");
        }

        (await store.IndicatorOfAsync(new IndicatorId("indicator:no-such-indicator"), new AsOfQuery(LocalDate.MaxIsoValue))).Should().BeNull();
        await FluentActions.Awaiting(() => store.IndicatorOfAsync(null!, new AsOfQuery(LocalDate.MaxIsoValue)))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("indicatorId");
    }

    /// <summary>An indicator lists the disputes open about it.</summary>
    [Fact]
    public async Task AnIndicatorListsTheDisputesOpenAboutIt()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        await store.SubmitAsync(new RecordDispute
        {
            DisputeId = new("dispute:october-crossings"),
            SubjectIds = [SmallBoatArrivalsId],
            Fact = "October 2024 crossings",
            Sides = [new DisputeSide("more than 5,000", Provenance.Of(Source("report"))), new DisputeSide("fewer than 5,000", Provenance.Of(Source("other")))],
            ValidOn = new LocalDate(2024, 11, 5),
            Provenance = Provenance.Of(Source("report")),
        });

        (await store.IndicatorOfAsync(SmallBoatArrivalsId, new AsOfQuery(new LocalDate(2024, 11, 5))))!.OpenDisputes
            .Should().ContainSingle().Which.DisputeId.Should().Be("dispute:october-crossings");
        (await store.IndicatorOfAsync(SmallBoatArrivalsId, new AsOfQuery(new LocalDate(2024, 11, 4))))!.OpenDisputes.Should().BeEmpty();
        (await store.IndicatorsAsync(new AsOfQuery(new LocalDate(2024, 11, 5)))).Single(i => i.IndicatorId == SmallBoatArrivalsId.Value).OpenDisputes
            .Should().ContainSingle();
        (await store.IndicatorOfAsync(NcaInvestigationsId, new AsOfQuery(new LocalDate(2024, 11, 5))))!.OpenDisputes.Should().BeEmpty();
    }

    /// <summary>Outcome indicators of generated histories answer as the oracle does.</summary>
    [Fact]
    public async Task OutcomeIndicatorsOfGeneratedHistoriesAnswerAsTheOracleDoes()
    {
        var asked = 0;
        var revised = 0;
        await foreach (var (seed, store, log, random) in GeneratedStoresAsync(6, requests: 60))
        {
            revised += log.Count(e => e.Data is OutcomeRevised);
            var instants = log.Select(e => e.KnownFrom).Distinct().Order().ToList();
            for (var q = 0; q < 6; q++)
            {
                var query = new AsOfQuery(q == 0 ? LocalDate.MaxIsoValue : new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1600)),
                    q % 3 == 2 ? instants[random.Next(instants.Count)] : null, q % 3 == 1 ? log[random.Next(log.Count)].RecordedAt : null);
                var all = await store.IndicatorsAsync(query);
                AssertIndicatorsMatch(all, log, query, $"seed {seed}, {query}");
                foreach (var id in log.Where(e => e.Data is IndicatorDefined).Select(e => e.StreamId).Distinct())
                {
                    var one = await store.IndicatorOfAsync(new IndicatorId(id), query);
                    one?.Indicator.Should().BeEquivalentTo(all.SingleOrDefault(i => i.IndicatorId == id)?.Indicator, $"seed {seed}, {id} {query}");
                }

                asked++;
            }
        }

        asked.Should().BePositive();
        revised.Should().BePositive("the generated histories revise released values");
    }

    /// <summary>A broken outcome rule names the rule or field and stores nothing.</summary>
    [Fact]
    public async Task ABrokenOutcomeRuleNamesTheRuleOrFieldAndStoresNothing()
    {
        var store = await NewStoreAsync();
        await store.SubmitAsync(Definition("indicator:arrivals", IndicatorMeasure.OverPeriod));
        await store.SubmitAsync(Definition("indicator:level", IndicatorMeasure.OnDate));
        await store.SubmitAsync(Released("indicator:arrivals", October2024, 10));
        var before = await store.ReadAllAsync();

        await RefusedAsync(store, Definition("indicator:arrivals", IndicatorMeasure.OverPeriod), "IndicatorAlreadyDefined");
        await RefusedAsync(store, Released("indicator:undefined", October2024, 1), "IndicatorMustBeDefined");
        await RefusedAsync(store, Released("indicator:arrivals", October2024, 11), "OutcomeAlreadyReleased");
        await RefusedAsync(store, Revised("indicator:arrivals", CountPeriod.Month(2024, 11), 12), "OutcomeMustBeReleased");
        await RefusedAsync(store, Revised("indicator:arrivals", October2024, 10) with { Status = ReleaseStatus.Reported, Qualifier = OutcomeQualifier.Exact }, "RevisionChangesNothing");
        await RefusedAsync(store, Released("indicator:arrivals", CountPeriod.Month(2023, 12), 1), "PeriodBeforeIndicator");
        await RefusedAsync(store, Released("indicator:level", CountPeriod.Days(new LocalDate(2024, 10, 1), new LocalDate(2024, 10, 2)), 1), "OnDateCountsOneDay");
        await InvalidAsync(store, Released("indicator:arrivals", CountPeriod.Month(2024, 12), -1), "Count");
        await InvalidAsync(store, Released("indicator:arrivals", CountPeriod.Month(2024, 12), 1) with { Qualifier = (OutcomeQualifier)9 }, "Qualifier");
        await InvalidAsync(store, Released("indicator:arrivals", CountPeriod.Month(2024, 12), 1) with { Status = (ReleaseStatus)9 }, "Status");
        await InvalidAsync(store, Released("indicator:arrivals", new CountPeriod(new LocalDate(2024, 12, 31), new LocalDate(2024, 12, 1)), 1), "Period");
        await InvalidAsync(store, Revised("indicator:arrivals", October2024, 20) with { Reason = " " }, "Reason");
        await InvalidAsync(store, Definition("indicator:measureless", (IndicatorMeasure)7), "Measure");
        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    private static DefineIndicator Definition(string id, IndicatorMeasure measure) => new()
    {
        IndicatorId = new(id),
        Name = "Conformance indicator",
        Unit = "people",
        Measure = measure,
        ValidOn = new LocalDate(2024, 1, 1),
        Provenance = Provenance.Of(Source("indicator")),
    };

    private static ReleaseOutcome Released(string id, CountPeriod period, long count) => new()
    {
        IndicatorId = new(id),
        Period = period,
        Count = count,
        Status = ReleaseStatus.Reported,
        Provenance = Provenance.Of(Source("release")),
    };

    private static ReviseOutcome Revised(string id, CountPeriod period, long count) => new()
    {
        IndicatorId = new(id),
        Period = period,
        Count = count,
        Status = ReleaseStatus.Revised,
        Reason = "revised",
        Provenance = Provenance.Of(Source("revision")),
    };

    private static void AssertIndicatorsMatch(IReadOnlyList<IndicatorOverview> actual, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because) =>
        actual.Select(i => new IndependentOracle.IndicatorView(i.IndicatorId, i.Indicator.Name, i.Indicator.Unit, i.Indicator.Measure.ToString(),
                i.Indicator.CountsFrom,
                [.. i.Indicator.Values.Select(v => new IndependentOracle.OutcomeValueView(v.Period.From, v.Period.To,
                    [.. v.Releases.Select(r => $"{r.Count}|{r.Qualifier}|{r.Status}|{r.Reason}|{string.Join(",", r.Sources.Select(s => s.Document))}")]))],
                [.. i.Indicator.Sources.Select(s => $"{s.Document}|{s.Headline}")]))
            .Should().BeEquivalentTo(IndependentOracle.Indicators(log, query.AsOf, query.KnownAt, query.RecordedBy), o => o.WithStrictOrdering(), because);
}
