using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// People in post set against a target over valid time, as known at an instant (issue 23, "people delivered"): the
// reference timeline and generated histories with progress, corrections and abandonments, against the independent oracle.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>The commander target reads one post to fill from july 2024 and met from 15 september.</summary>
    [Fact]
    public async Task TheCommanderTargetReadsOnePostToFillFromJuly2024AndMetFrom15September()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var log = await store.ReadAllAsync();

        var series = await store.TargetProgressSeriesAsync(CommanderId, new AsOfQuery(LocalDate.MaxIsoValue));
        series.Should().Equal(
            new SeriesPoint<TargetProgress>(new LocalDate(2024, 7, 8), new TargetProgress(1, 0, RecruitmentStatus.Active)),
            new SeriesPoint<TargetProgress>(new LocalDate(2024, 9, 15), new TargetProgress(1, 1, RecruitmentStatus.Met)));
        series[0].Value.Gap.Should().Be(1);
        series[1].Value.Gap.Should().Be(0);
        AssertTargetProgressMatches(series, log, CommanderId.Value, new AsOfQuery(LocalDate.MaxIsoValue), "the commander, as known now");

        // As known on 1 September 2024, before the appointment was known: one post still to fill.
        var before = new AsOfQuery(LocalDate.MaxIsoValue, Instant.FromUtc(2024, 9, 1, 0, 0));
        (await store.TargetProgressSeriesAsync(CommanderId, before)).Should().Equal(series.Take(1));
        (await store.TargetProgressSeriesAsync(CommanderId, new AsOfQuery(new LocalDate(2024, 9, 14)))).Should().Equal(series.Take(1), "no point after the question's date");

        // The NCA officers: one headcount of up to 100, though announced twice; nobody reported in post.
        (await store.TargetProgressSeriesAsync(NcaOfficersId, new AsOfQuery(LocalDate.MaxIsoValue))).Select(p => p.Value)
            .Should().Equal(new TargetProgress(100, 0, RecruitmentStatus.Active, TargetBasis.UpTo));
        (await store.TargetProgressSeriesAsync(new RecruitmentTargetId("recruitment:no-such-target"), new AsOfQuery(LocalDate.MaxIsoValue))).Should().BeEmpty();
        await FluentActions.Awaiting(() => store.TargetProgressSeriesAsync(null!, new AsOfQuery(LocalDate.MaxIsoValue)))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("targetId");
    }

    /// <summary>The NCA target reads "up to 100" with people in post beside it; as recorded before its correction, a firm 100.</summary>
    [Fact]
    public async Task TheNcaTargetReadsUpTo100WithPeopleInPostBesideIt()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var log = await store.ReadAllAsync();

        var nca = (await store.RecruitmentAsync(new AsOfQuery(new LocalDate(2024, 12, 31)))).For(NationalCrimeAgency.Name);
        var target = nca.Targets.Should().ContainSingle().Subject;
        (target.StatedHeadcount, target.Basis, target.InPost, target.Gap).Should().Be(("up to 100", TargetBasis.UpTo, 0, 100));
        nca.UpTo.Should().Be(100, "the whole of the NCA's headcount is a ceiling");
        target.Sources.Should().Contain(Sources2024.CheckedFacts);

        // The audit view: recorded before the correction was, the model still read a firm 100.
        var correction = log.Single(e => e.Data is RecruitmentTargetBasisCorrected);
        var recordedBefore = new AsOfQuery(new LocalDate(2024, 12, 31), RecordedBy: correction.RecordedAt - Duration.FromTicks(1));
        (await store.RecruitmentAsync(recordedBefore)).For(NationalCrimeAgency.Name).Targets.Single().Basis.Should().Be(TargetBasis.Firm);
        OracleAssertions.Recruitment(await store.RecruitmentAsync(recordedBefore), log, recordedBefore, "recorded before the correction");
        OracleAssertions.Recruitment(await store.RecruitmentAsync(new AsOfQuery(new LocalDate(2024, 12, 31))), log, new AsOfQuery(new LocalDate(2024, 12, 31)), "now");

        var refused = () => store.SubmitAsync(new CorrectRecruitmentTargetBasis
        {
            TargetId = NcaOfficersId,
            Basis = TargetBasis.UpTo,
            Reason = "again",
            Provenance = Provenance.Of(Source("again")),
        });
        (await refused.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be("CorrectionChangesNothing");
        var unknown = () => store.SubmitAsync(new CorrectRecruitmentTargetBasis
        {
            TargetId = NcaOfficersId,
            Basis = (TargetBasis)7,
            Reason = "unknown",
            Provenance = Provenance.Of(Source("unknown")),
        });
        (await unknown.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("Basis");
        (await store.ReadAllAsync()).Should().HaveCount(log.Count, "nothing was stored");
    }

    /// <summary>Target progress of generated histories answers as the oracle does.</summary>
    [Fact]
    public async Task TargetProgressOfGeneratedHistoriesAnswersAsTheOracleDoes()
    {
        var asked = 0;
        await foreach (var (seed, store, log, random) in GeneratedStoresAsync(6, requests: 60))
        {
            var instants = log.Select(e => e.KnownFrom).Distinct().Order().ToList();
            var targets = log.Where(e => e.Data is RecruitmentTargetSet).Select(e => e.StreamId).Distinct().ToList();
            foreach (var target in targets)
            {
                for (var q = 0; q < 3; q++)
                {
                    var query = new AsOfQuery(q == 0 ? LocalDate.MaxIsoValue : new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500)),
                        q == 2 ? instants[random.Next(instants.Count)] : null, q == 1 ? log[random.Next(log.Count)].RecordedAt : null);
                    AssertTargetProgressMatches(await store.TargetProgressSeriesAsync(new RecruitmentTargetId(target), query), log, target, query,
                        $"seed {seed}, {target} {query}");
                    asked++;
                }
            }
        }

        asked.Should().BePositive();
    }

    private static void AssertTargetProgressMatches(IReadOnlyList<SeriesPoint<TargetProgress>> actual, IReadOnlyList<RecordedEvent> log, string targetId,
        AsOfQuery query, string because) =>
        actual.Select(p => (p.From, (p.Value.Headcount, p.Value.InPost, p.Value.Status.ToString(), p.Value.Basis.ToString())))
            .Should().Equal(IndependentOracle.TargetProgressSeries(log, targetId, query.KnownAt, query.RecordedBy).Where(p => p.From <= query.AsOf), because);
}
