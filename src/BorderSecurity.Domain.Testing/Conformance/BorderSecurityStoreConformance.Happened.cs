using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// What happened between two valid dates, as known at an instant, and the vintages of a whole series (issue 22): the
// reference timeline's autumn and generated histories with corrections and back-fills, each against the independent oracle.
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly LocalDate September1 = new(2024, 9, 1);
    private static readonly LocalDate November30 = new(2024, 11, 30);

    /// <summary>What happened between september and november 2024 is told as we know it now and as we knew it then.</summary>
    [Fact]
    public async Task WhatHappenedBetweenSeptemberAndNovember2024IsToldAsWeKnowItNowAndAsWeKnewItThen()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var log = await store.ReadAllAsync();

        // As we know it now: every event dated in the window, by valid date, each classified and sourced as the oracle says.
        var now = await store.HappenedAsync(new HappenedQuery(September1, November30));
        AssertChangesMatch(now, IndependentOracle.Happened(log, September1, November30), "as known now");
        now.Should().HaveCount(log.Count(e => e.ValidOn >= September1 && e.ValidOn <= November30));
        now.Should().BeInAscendingOrder(c => c.ValidOn);
        now.Should().Contain(c => c.Stream.Value == SeptemberRedirectId.Value && c.Kind == ChangeKind.New && c.ValidOn == new LocalDate(2024, 9, 17)
            && c.Figure == new FigureChange(Shared.Figures.Amount, "", null, Money.FromMillions(75).Pounds));
        now.Should().Contain(c => c.Stream.Value == NovemberBudgetId.Value && c.Kind == ChangeKind.New
            && c.Figure == new FigureChange(Shared.Figures.Amount, "", null, Money.FromMillions(75).Pounds));

        // As we knew it on 1 October 2024: the September money, not yet the Budget's; nothing known then was learnt late.
        var then = await store.HappenedAsync(new HappenedQuery(September1, November30, October1));
        AssertChangesMatch(then, IndependentOracle.Happened(log, September1, November30, October1), "as known at 1 October 2024");
        then.Should().Contain(c => c.Stream.Value == SeptemberRedirectId.Value).And.NotContain(c => c.Stream.Value == NovemberBudgetId.Value);
        then.Should().OnlyContain(c => c.KnownFrom <= October1 && !c.IsBackfill);
        then.Count.Should().BeLessThan(now.Count);

        // About the September money: its own events dated in the window and the dispute about it.
        var about = await store.HappenedAboutAsync(SeptemberRedirectId, new HappenedQuery(September1, November30));
        AssertChangesMatch(about, IndependentOracle.Happened(log, September1, November30, subject: SeptemberRedirectId.Value), "about the September money");
        about.Select(c => c.Kind).Should().Contain([ChangeKind.New, ChangeKind.Reannouncement, ChangeKind.CoverageChange]);
        about.Should().OnlyContain(c => c.Stream.Value == SeptemberRedirectId.Value || c.Subject.Value == SeptemberRedirectId.Value);

        // As recorded by an instant before the import: nothing (the audit view).
        (await store.HappenedAsync(new HappenedQuery(September1, November30, recordedBy: log.Min(e => e.RecordedAt) - Duration.Epsilon)))
            .Should().BeEmpty();
        FluentActions.Invoking(() => new HappenedQuery(November30, September1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("to");

        // A subject the store never held is an error naming it, for both change questions; one with nothing in the window is not.
        var unknown = new StreamId("funding:no-such-commitment");
        await FluentActions.Awaiting(() => store.HappenedAboutAsync(unknown, new HappenedQuery(September1, November30)))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("subjectId");
        await FluentActions.Awaiting(() => store.ChangesAboutAsync(unknown, new ChangesQuery(October1, November7)))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("subjectId");
        (await store.HappenedAboutAsync(NovemberBudgetId, new HappenedQuery(new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 31)))).Should().BeEmpty();
        new HappenedQuery(September1, September1).To.Should().Be(September1, "a window of one day is a question");
    }

    /// <summary>What happened in generated histories with corrections and back fills answers as the oracle does.</summary>
    [Fact]
    public async Task WhatHappenedInGeneratedHistoriesWithCorrectionsAndBackFillsAnswersAsTheOracleDoes()
    {
        var asked = 0;
        await foreach (var (seed, store, log, random) in GeneratedStoresAsync(8))
        {
            var dates = log.Select(e => e.ValidOn).Distinct().Order().ToList();
            var instants = log.Select(e => e.KnownFrom).Distinct().Order().ToList();
            for (var q = 0; q < 5; q++)
            {
                var from = dates[random.Next(dates.Count)].PlusDays(random.Next(-1, 2));
                var to = q == 0 ? LocalDate.MaxIsoValue : dates[random.Next(dates.Count)];
                (from, to) = from <= to ? (from, to) : (to, from);
                Instant? knownAt = q % 2 == 0 ? null : instants[random.Next(instants.Count)];
                Instant? recordedBy = q == 3 ? log[random.Next(log.Count)].RecordedAt : null;
                var query = new HappenedQuery(from, to, knownAt, recordedBy);
                AssertChangesMatch(await store.HappenedAsync(query), IndependentOracle.Happened(log, from, to, knownAt, recordedBy),
                    $"seed {seed}, {from} to {to}, known at {knownAt}, recorded by {recordedBy}");

                var subject = log[random.Next(log.Count)].StreamId;
                AssertChangesMatch(await store.HappenedAboutAsync(new StreamId(subject), query),
                    IndependentOracle.Happened(log, from, to, knownAt, recordedBy, subject), $"seed {seed}, about {subject}");
                asked++;
            }
        }

        asked.Should().Be(8 * 5);
    }

    /// <summary>The vintages of the bscs funding series show the line as known at each instant it changed.</summary>
    [Fact]
    public async Task TheVintagesOfTheBscsFundingSeriesShowTheLineAsKnownAtEachInstantItChanged()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var log = await store.ReadAllAsync();

        // As of 30 November 2024: £75m from 17 September, known from that day; then, once the Budget money became known on
        // 4 November, the same line stepping up to £150m from 4 November.
        var vintages = await store.FundingSeriesVintagesOfAsync(Bsc, new VintagesQuery(November30));
        AssertSeriesVintagesMatch(vintages, IndependentOracle.FundingSeriesVintages(log, Bsc.Name, November30), "the BSC as of 30 November 2024");
        vintages.Should().HaveCount(2);
        vintages[0].Should().Match<SeriesVintage<FundingSeriesValue>>(v => v.IsFirstRelease && v.KnownFrom == Instant.FromUtc(2024, 9, 17, 12, 0));
        vintages[0].Points.Should().Equal(new SeriesPoint<FundingSeriesValue>(new LocalDate(2024, 9, 17), new FundingSeriesValue(Money.FromMillions(75), [])));
        vintages[1].KnownFrom.Should().Be(Instant.FromUtc(2024, 11, 4, 12, 0));
        vintages[1].Points.Select(p => (p.From, p.Value.Total)).Should().Equal(
            (new LocalDate(2024, 9, 17), Money.FromMillions(75)), (new LocalDate(2024, 11, 4), Money.FromMillions(150)));
        vintages[1].ChangedBy.Should().Contain(ChangeKind.New);
        vintages[1].Sources.Should().NotBeEmpty();

        // The last vintage is the series as known now.
        (await store.FundingSeriesVintagesOfAsync(Bsc, new VintagesQuery(LocalDate.MaxIsoValue)))[^1].Points
            .Should().Equal(await store.FundingSeriesOfAsync(Bsc, new AsOfQuery(LocalDate.MaxIsoValue)));
        (await store.FundingSeriesVintagesOfAsync(Bsc, new VintagesQuery(November30, selection: VintageSelection.FirstRelease))).Should().Equal(vintages.Take(1));
        (await store.FundingSeriesVintagesOfAsync(Bsc, new VintagesQuery(November30, selection: VintageSelection.RevisionsOnly))).Should().Equal(vintages.Skip(1));
        (await store.FundingSeriesVintagesOfAsync(Bsc, new VintagesQuery(new LocalDate(2024, 1, 1)))).Should().BeEmpty("the BSC had no money then");

        var portfolio = await store.FundingSeriesVintagesAsync(new VintagesQuery(November30));
        AssertSeriesVintagesMatch(portfolio, IndependentOracle.FundingSeriesVintages(log, null, November30), "the portfolio as of 30 November 2024");
        portfolio[^1].Points.Should().Equal(await store.FundingSeriesAsync(new AsOfQuery(November30)));
    }

    /// <summary>The vintages of funding series of generated histories answer as the oracle does.</summary>
    [Fact]
    public async Task TheVintagesOfFundingSeriesOfGeneratedHistoriesAnswerAsTheOracleDoes()
    {
        var asked = 0;
        await foreach (var (seed, store, log, random) in GeneratedStoresAsync(6))
        {
            for (var q = 0; q < 2; q++)
            {
                var asOf = q == 0 ? LocalDate.MaxIsoValue : new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500));
                AssertSeriesVintagesMatch(await store.FundingSeriesVintagesAsync(new VintagesQuery(asOf)), IndependentOracle.FundingSeriesVintages(log, null, asOf),
                    $"seed {seed}, the portfolio as of {asOf}");
                foreach (var recipient in HistoryGenerator.Recipients)
                {
                    AssertSeriesVintagesMatch(await store.FundingSeriesVintagesOfAsync(new Organisation(recipient), new VintagesQuery(asOf)),
                        IndependentOracle.FundingSeriesVintages(log, recipient, asOf), $"seed {seed}, {recipient} as of {asOf}");
                    asked++;
                }
            }
        }

        asked.Should().BePositive();
    }

    private static void AssertChangesMatch(IReadOnlyList<Change> actual, IReadOnlyList<IndependentOracle.ChangeView> expected, string because) =>
        actual.Select(c => new IndependentOracle.ChangeView(c.KnownFrom, c.Sequence, c.ValidOn, c.Stream.Value, c.Subject.Value, c.Kind.ToString(), c.IsBackfill,
                [.. c.Sources.Select(s => $"{s.Document}|{s.Headline}")], c.Figure?.Figure, c.Figure?.Dimension, c.Figure?.Before, c.Figure?.After))
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);

    private static void AssertSeriesVintagesMatch(IReadOnlyList<SeriesVintage<FundingSeriesValue>> actual, IReadOnlyList<IndependentOracle.SeriesVintageView> expected,
        string because) =>
        actual.Select(v => new IndependentOracle.SeriesVintageView(v.KnownFrom,
                [.. v.Points.Select(p => (p.From, new IndependentOracle.SeriesValue(p.Value.Total.Pounds,
                    [.. p.Value.YearlyLevels.Select(l => new IndependentOracle.Level(l.Coverage.ToString(), l.FirstYear.StartYear, l.LastYear?.StartYear, l.PerYear.Pounds))])))],
                v.IsFirstRelease, [.. v.ChangedBy.Select(k => k.ToString())], [.. v.Sources.Select(s => $"{s.Document}|{s.Headline}")]))
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);
}
