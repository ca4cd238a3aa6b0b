using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Every vintage of a figure (issue 22): the reference timeline and generated histories, against the independent oracle.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>The vintages of the bscs funding show each value and when it became known.</summary>
    [Fact]
    public async Task TheVintagesOfTheBscsFundingShowEachValueAndWhenItBecameKnown()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var log = await store.ReadAllAsync();

        // As of 30 September 2024: the September £75m, known from 17 September; nothing learnt later revised it (the
        // reference timeline holds no revision or correction of the BSC's money dated by then).
        var september = await store.FundingVintagesOfAsync(Bsc, new VintagesQuery(new LocalDate(2024, 9, 30)));
        AssertVintagesMatch(september, IndependentOracle.RecipientVintages(log, Bsc.Name, new LocalDate(2024, 9, 30)), "as of 30 September 2024");
        september.Should().ContainSingle();
        september[0].Should().Match<FigureVintage>(v => v.Value == Money.FromMillions(75).Pounds && v.IsFirstRelease
            && v.KnownFrom == Instant.FromUtc(2024, 9, 17, 12, 0) && v.ChangedBy.SequenceEqual(new[] { ChangeKind.New }));
        september[0].Sources.Should().NotBeEmpty();

        // As of 5 November 2024: £75m, then £150m once the Budget money became known; re-announcing the September money
        // and reading it into the two-year total changed no value, so they make no vintage.
        var november = await store.FundingVintagesOfAsync(Bsc, new VintagesQuery(new LocalDate(2024, 11, 5)));
        AssertVintagesMatch(november, IndependentOracle.RecipientVintages(log, Bsc.Name, new LocalDate(2024, 11, 5)), "as of 5 November 2024");
        november.Select(v => v.Value).Should().Equal(Money.FromMillions(75).Pounds, Money.FromMillions(150).Pounds);
        (await store.FundingVintagesOfAsync(Bsc, new VintagesQuery(new LocalDate(2024, 11, 5), selection: VintageSelection.RevisionsOnly)))
            .Should().Equal(november.Skip(1));
        (await store.FundingVintagesOfAsync(Bsc, new VintagesQuery(new LocalDate(2024, 11, 5), selection: VintageSelection.FirstRelease)))
            .Should().Equal(november.Take(1));

        // The NCA target: one value, 100, though announced twice.
        var nca = await store.VintagesAsync(NcaOfficersId, new VintagesQuery(new LocalDate(2024, 12, 31)));
        nca.Select(v => v.Value).Should().Equal(100m);
        AssertVintagesMatch(nca, IndependentOracle.StreamVintages(log, NcaOfficersId.Value, Shared.Figures.Headcount, new LocalDate(2024, 12, 31)), "the NCA target");

        await FluentActions.Awaiting(() => store.VintagesAsync(new StreamId("funding:no-such-commitment"), new VintagesQuery(new LocalDate(2024, 12, 31))))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("subjectId");
        await FluentActions.Awaiting(() => store.VintagesAsync(NcaOfficersId, new VintagesQuery(new LocalDate(2024, 12, 31), Shared.Figures.Amount)))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("figure");
        FluentActions.Invoking(() => new VintagesQuery(new LocalDate(2024, 12, 31), "budget")).Should().Throw<ArgumentException>().WithParameterName("figure");
    }

    /// <summary>Vintages of generated histories with corrections and back fills answer as the oracle does.</summary>
    [Fact]
    public async Task VintagesOfGeneratedHistoriesWithCorrectionsAndBackFillsAnswerAsTheOracleDoes()
    {
        var asked = 0;
        await foreach (var (seed, store, log, random) in GeneratedStoresAsync(6))
        {
            for (var q = 0; q < 3; q++)
            {
                var asOf = new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500));
                foreach (var recipient in HistoryGenerator.Recipients)
                {
                    var vintages = await store.FundingVintagesOfAsync(new Organisation(recipient), new VintagesQuery(asOf));
                    AssertVintagesMatch(vintages, IndependentOracle.RecipientVintages(log, recipient, asOf), $"seed {seed}, {recipient} as of {asOf}");
                }

                foreach (var stream in log.Select(e => e.StreamId).Distinct())
                {
                    var figure = log.First(e => e.StreamId == stream).Data switch
                    {
                        Funding.FundingPledged or Funding.FundingRedirected => Shared.Figures.Amount,
                        Recruitment.RecruitmentTargetSet => Shared.Figures.Headcount,
                        _ => null,
                    };
                    if (figure is null)
                    {
                        continue;
                    }

                    var vintages = await store.VintagesAsync(new StreamId(stream), new VintagesQuery(asOf, figure));
                    AssertVintagesMatch(vintages, IndependentOracle.StreamVintages(log, stream, figure, asOf), $"seed {seed}, {stream} as of {asOf}");
                    asked++;
                }
            }
        }

        asked.Should().BePositive();
    }

    /// <summary>
    /// The October 2024 crossings as vintages (issue 23 in the change questions): the first release "more than 5,000" from
    /// article 004, then, once recorded, the official figure as a revision with its reason; first release and revisions alone.
    /// </summary>
    [Fact]
    public async Task TheOctoberCrossingsVintagesAreTheFirstReleaseThenEachRevision()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var october = new LocalDate(2024, 10, 31);
        var reported = await store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(october));
        reported.Should().ContainSingle().Which.Release!.Stated.Should().Be("more than 5,000");

        var revision = (await store.SubmitAsync(new Outcomes.ReviseOutcome
        {
            IndicatorId = SmallBoatArrivalsId,
            Period = October2024,
            Count = 5_100,
            Qualifier = Outcomes.OutcomeQualifier.Exact,
            Status = Outcomes.ReleaseStatus.ProvisionalOfficial,
            Reason = "official statistics published",
            Provenance = Provenance.Of(Source("official-release")),
        })).Events.Single();
        var log = await store.ReadAllAsync();

        var vintages = await store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(october));
        vintages.Select(v => (v.Value, v.Release!.Stated, v.IsFirstRelease, v.ChangedBy.Single())).Should().Equal(
            (5_000m, "more than 5,000", true, ChangeKind.Progress), (5_100m, "5,100", false, ChangeKind.Revision));
        vintages[0].Should().Be(reported[0], "a later release leaves the first as it was");
        vintages[1].KnownFrom.Should().Be(revision.KnownFrom);
        vintages[1].Release!.Reason.Should().Be("official statistics published");
        (await store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(october, selection: VintageSelection.FirstRelease))).Should().Equal(vintages.Take(1));
        (await store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(october, selection: VintageSelection.RevisionsOnly))).Should().Equal(vintages.Skip(1));
        (await store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(new LocalDate(2024, 12, 31)) { Period = October2024 })).Should().Equal(vintages);
        AssertIndicatorVintagesMatch(vintages, IndependentOracle.IndicatorVintages(log, SmallBoatArrivalsId.Value, October2024, october), "October 2024");

        await FluentActions.Awaiting(() => store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(new LocalDate(2024, 10, 30))))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("period");
        await FluentActions.Awaiting(() => store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(october, Shared.Figures.Headcount)))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("figure");
        await FluentActions.Awaiting(() => store.VintagesAsync(SmallBoatArrivalsId, new VintagesQuery(october) { Period = Outcomes.CountPeriod.Month(2024, 9) }))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("period");
    }

    /// <summary>The vintages of generated indicators' values, revised and back-filled, answer as the oracle does.</summary>
    [Fact]
    public async Task IndicatorVintagesOfGeneratedHistoriesAnswerAsTheOracleDoes()
    {
        var asked = 0;
        await foreach (var (seed, store, log, _) in GeneratedStoresAsync(4, requests: 60))
        {
            foreach (var (indicator, period) in log.Select(e => e.Data switch
                     {
                         Outcomes.OutcomeReleased r => (r.IndicatorId, r.Period),
                         Outcomes.OutcomeRevised r => (r.IndicatorId, r.Period),
                         _ => default,
                     }).Where(p => p.IndicatorId is not null).Distinct())
            {
                var vintages = await store.VintagesAsync(new StreamId(indicator), new VintagesQuery(period.To) { Period = period });
                AssertIndicatorVintagesMatch(vintages, IndependentOracle.IndicatorVintages(log, indicator, period, period.To), $"seed {seed}, {indicator} {period}");
                asked++;
            }
        }

        asked.Should().BePositive();
    }

    private static void AssertIndicatorVintagesMatch(IReadOnlyList<FigureVintage> actual, IReadOnlyList<IndependentOracle.IndicatorVintageView> expected, string because) =>
        actual.Select(v => new IndependentOracle.IndicatorVintageView(
                new IndependentOracle.VintageView(v.KnownFrom, v.Value, v.IsFirstRelease, [.. v.ChangedBy.Select(k => k.ToString())],
                    [.. v.Sources.Select(s => $"{s.Document}|{s.Headline}")]),
                v.Release!.Qualifier.ToString(), v.Release.Status.ToString(), v.Release.Reason))
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);

    private static void AssertVintagesMatch(IReadOnlyList<FigureVintage> actual, IReadOnlyList<IndependentOracle.VintageView> expected, string because) =>
        actual.Select(v => new IndependentOracle.VintageView(v.KnownFrom, v.Value, v.IsFirstRelease, [.. v.ChangedBy.Select(k => k.ToString())],
                [.. v.Sources.Select(s => $"{s.Document}|{s.Headline}")]))
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);
}
