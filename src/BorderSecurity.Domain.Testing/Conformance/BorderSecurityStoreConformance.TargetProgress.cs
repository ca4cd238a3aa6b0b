using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
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

        // The NCA officers: one headcount of 100, though announced twice; nobody reported in post.
        (await store.TargetProgressSeriesAsync(NcaOfficersId, new AsOfQuery(LocalDate.MaxIsoValue))).Select(p => p.Value)
            .Should().Equal(new TargetProgress(100, 0, RecruitmentStatus.Active));
        (await store.TargetProgressSeriesAsync(new RecruitmentTargetId("recruitment:no-such-target"), new AsOfQuery(LocalDate.MaxIsoValue))).Should().BeEmpty();
        await FluentActions.Awaiting(() => store.TargetProgressSeriesAsync(null!, new AsOfQuery(LocalDate.MaxIsoValue)))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("targetId");
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
        actual.Select(p => (p.From, (p.Value.Headcount, p.Value.InPost, p.Value.Status.ToString())))
            .Should().Equal(IndependentOracle.TargetProgressSeries(log, targetId, query.KnownAt, query.RecordedBy).Where(p => p.From <= query.AsOf), because);
}
