using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Totals safe to quote (issue 20): no answer that sums money adds a yearly level (an amount each year) to a sum of amounts
// (in-year money, a total over years, money whose period is not stated). With the Spending Review's "up to £280m more per
// year by 2028/29" added to the 2024 timeline, every headline keeps the BSC's £150m over two years and the £280m a year
// apart, in both stores, as the in-memory projection and the independent oracle say, on both axes.
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly LocalDate SpendingReviewDay = new(2025, 6, 11);

    private static readonly Instant SpendingReviewKnown = Instant.FromUtc(2025, 6, 11, 12, 0);

    /// <summary>The BSC's sums of amounts from 4 November 2024: £150m, £75m new (firm) and £75m redirected ("up to").</summary>
    private static readonly FundingTotals BscSums = new(Money.FromMillions(150), Money.FromMillions(75), Money.FromMillions(75), Money.FromMillions(75),
        Money.FromMillions(75), Money.Zero, Money.FromMillions(150));

    /// <summary>The Spending Review line as a yearly level: up to £280m a year by 2028/29, all new money, all "up to", none allocated.</summary>
    private static readonly YearlyLevelTotals UpTo280mAYearBy2028 = new(FundingCoverage.YearlyBy, new FinancialYear(2028), null, Money.FromMillions(280),
        Money.FromMillions(280), Money.Zero, Money.Zero, Money.FromMillions(280), Money.Zero, Money.FromMillions(280));

    /// <summary>With the spending review line no answer that sums money says 430 m and the yearly level is shown apart.</summary>
    [Fact]
    public async Task WithTheSpendingReviewLineNoAnswerThatSumsMoneySays430mAndTheYearlyLevelIsShownApart()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps.Append(SpendingReviewYearlyLevel));
        var june = new AsOfQuery(SpendingReviewDay);
        var bscTotals = BscSums with { YearlyLevels = [UpTo280mAYearBy2028] };
        var figures = new List<(string Where, Money Figure)>();

        // Totals alone, of the BSC and of the portfolio: the yearly level never moves a sum.
        var totals = await store.FundingTotalsOfAsync(BorderSecurityCommand, june);
        totals.Should().Be(bscTotals, "£150m over two years and up to £280m a year by 2028/29 are two figures");
        figures.AddRange(Figures("totals of the BSC", totals));
        var portfolioBefore = await store.FundingTotalsAsync(new AsOfQuery(SpendingReviewDay.PlusDays(-1)));
        var portfolio = await store.FundingTotalsAsync(june);
        portfolio.Should().Be(portfolioBefore with { YearlyLevels = [UpTo280mAYearBy2028] }, "the portfolio's sums are what they were the day before");
        figures.AddRange(Figures("totals of the portfolio", portfolio));

        // The full answers: the portfolio, its BSC line, by origin; the BSC's own funding; the command overview.
        var funding = await store.FundingAsync(june);
        funding.Totals.Should().Be(portfolio);
        funding.For(BorderSecurityCommand.Name).Totals.Should().Be(bscTotals, "the recipient line of the portfolio");
        var spendingReview = funding.ByOrigin.Single(o => o.Origin == new FundingOrigin(FundingOriginKind.NewMoney, "Spending Review 2025"));
        spendingReview.Amount.Should().Be(Money.Zero, "a yearly level is not a sum of amounts");
        spendingReview.YearlyLevels.Should().Equal(new YearlyLevelAmount(FundingCoverage.YearlyBy, new FinancialYear(2028), null, Money.FromMillions(280)));
        spendingReview.YearlyLevels.Single().Label.Should().Be("a year by 2028/29");
        figures.AddRange(funding.ByOrigin.SelectMany(o => o.YearlyLevels.Select(l => l.PerYear).Append(o.Amount)).Select(m => ("by origin", m)));
        figures.AddRange(funding.Recipients.SelectMany(r => Figures($"portfolio line of {r.Recipient}", r.Totals)));

        var bsc = await store.FundingOfAsync(BorderSecurityCommand, june);
        bsc.Totals.Should().Be(bscTotals);
        bsc.Commitments.Single(c => c.CommitmentId == "funding:bsc-2025-06-spending-review").Period.IsYearlyLevel.Should().BeTrue();
        figures.AddRange(Figures("funding of the BSC", bsc.Totals));

        var overview = await store.CommandAsync(BorderSecurityCommandId, june);
        overview!.Funding.Totals.Should().Be(bscTotals, "the command overview's funding");
        figures.AddRange(Figures("command overview", overview.Funding.Totals));

        // The series: no jump on 11 June 2025; the level appears beside the £150m from that date.
        var series = await store.FundingSeriesOfAsync(BorderSecurityCommand, new AsOfQuery(LocalDate.MaxIsoValue));
        series.Should().Equal(
            new SeriesPoint<FundingSeriesValue>(new LocalDate(2024, 9, 17), new FundingSeriesValue(Money.FromMillions(75), [])),
            new SeriesPoint<FundingSeriesValue>(new LocalDate(2024, 11, 4), new FundingSeriesValue(Money.FromMillions(150), [])),
            new SeriesPoint<FundingSeriesValue>(SpendingReviewDay, new FundingSeriesValue(Money.FromMillions(150),
                [new YearlyLevelAmount(FundingCoverage.YearlyBy, new FinancialYear(2028), null, Money.FromMillions(280))])));
        var portfolioSeries = await store.FundingSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue));
        portfolioSeries[^1].From.Should().Be(SpendingReviewDay);
        portfolioSeries[^1].Value.Total.Should().Be(portfolioSeries[^2].Value.Total, "a yearly level never moves the sum of amounts");
        figures.AddRange(series.Concat(portfolioSeries).SelectMany(p => p.Value.YearlyLevels.Select(l => l.PerYear).Append(p.Value.Total)).Select(m => ("series", m)));

        // By financial year: the £150m unsplit over 2024/25 to 2025/26, the £280m a year in 2028/29.
        var byYear = await store.FundingByFinancialYearOfAsync(BorderSecurityCommand, new FinancialYearRange(new FinancialYear(2024), new FinancialYear(2028)), june);
        figures.AddRange(byYear.Years.SelectMany(y => new[] { y.ForTheYear.Total, y.YearlyLevel.Total }.Concat(y.UnsplitSpans.Select(s => s.Totals.Total)))
            .Append(byYear.NotStated.Total).Select(m => ("by financial year", m)));

        figures.Should().NotContain(f => f.Figure == Money.FromMillions(430), "a yearly level is never added to a total over years");
        figures.Should().NotContain(f => f.Figure == portfolioBefore.Total + Money.FromMillions(280), "nor to the portfolio's sum of amounts");
        figures.Should().Contain(f => f.Figure == Money.FromMillions(280)).And.Contain(f => f.Figure == Money.FromMillions(150));

        // Known before the Spending Review was announced, there is no level; once known, it is apart.
        (await store.FundingTotalsOfAsync(BorderSecurityCommand, june with { KnownAt = SpendingReviewKnown - Duration.Epsilon })).Should().Be(BscSums);
        (await store.FundingTotalsOfAsync(BorderSecurityCommand, june with { KnownAt = SpendingReviewKnown })).Should().Be(bscTotals);
        (await store.FundingSeriesOfAsync(BorderSecurityCommand, new AsOfQuery(LocalDate.MaxIsoValue, SpendingReviewKnown - Duration.Epsilon))).Should().HaveCount(2);
    }

    /// <summary>The reference timeline with the spending review line answers every question as the reference and the oracle do.</summary>
    [Fact]
    public async Task TheReferenceTimelineWithTheSpendingReviewLineAnswersEveryQuestionAsTheReferenceAndTheOracleDo()
    {
        var store = await NewStoreAsync();
        var steps = Steps.Append(SpendingReviewYearlyLevel).ToArray();
        var reference = ConformanceReference.Of(steps);
        await store.ImportAsync(steps);
        Instant?[] knownAts = [null, Instant.FromUtc(2024, 11, 5, 0, 0), SpendingReviewKnown - Duration.Epsilon, SpendingReviewKnown];
        var questions = 0;
        foreach (var date in new[] { new LocalDate(2024, 11, 5), SpendingReviewDay.PlusDays(-1), SpendingReviewDay, new LocalDate(2029, 1, 1) })
        {
            foreach (var knownAt in knownAts)
            {
                var query = new AsOfQuery(date, knownAt);
                await AssertSameAnswersAsync(store, reference.Queries, query, "with the £280m");
                await AssertMatchesOracleAsync(store, query, "with the £280m");
                questions++;
            }
        }

        foreach (var knownAt in knownAts)
        {
            await AssertSameSeriesAsync(store, reference.Queries, knownAt, null);
            await AssertSeriesMatchOracleAsync(store, knownAt, null, "with the £280m");
        }

        questions.Should().Be(16);
    }

    /// <summary>A period revision or correction moves money between the sum and the yearly levels from its date and once known.</summary>
    [Fact]
    public async Task APeriodRevisionOrCorrectionMovesMoneyBetweenTheSumAndTheYearlyLevelsFromItsDateAndOnceKnown()
    {
        var store = await NewStoreAsync();
        const string id = "funding:becomes-yearly";
        var on = new LocalDate(2025, 5, 1);
        var revisedOn = new LocalDate(2025, 7, 1);
        await store.SubmitAsync(Pledge(id, Money.FromMillions(10), on) with
        {
            Period = FundingPeriod.OverYears(new FinancialYear(2025), new FinancialYear(2026), "£10m over two years"),
        });
        await store.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new(id),
            Capability = "Cameras",
            Amount = Money.FromMillions(4),
            ValidOn = on.PlusDays(1),
            Provenance = Provenance.Of(Source("allocated")),
        });
        await store.SubmitAsync(new ReviseFundingPeriod
        {
            CommitmentId = new(id),
            Period = FundingPeriod.YearlyFrom(new FinancialYear(2026), "£10m a year from 2026/27"),
            Reason = "now a yearly level",
            ValidOn = revisedOn,
            Provenance = Provenance.Of(Source("revised")),
        });
        var corrected = await store.SubmitAsync(new CorrectFundingPeriod
        {
            CommitmentId = new(id),
            Period = FundingPeriod.YearlyBy(new FinancialYear(2027), "£10m a year by 2027/28"),
            Reason = "misread: it was a yearly level all along",
            Provenance = Provenance.Of(Source("corrected")),
        });
        var correctionKnown = corrected.Events.Single().KnownFrom;

        // New money, firm, £4m of it allocated: first a total over two years, then £10m a year.
        YearlyLevelTotals Level(FundingCoverage coverage, int year) => new(coverage, new FinancialYear(year), null, Money.FromMillions(10),
            Money.FromMillions(10), Money.Zero, Money.FromMillions(10), Money.Zero, Money.FromMillions(4), Money.FromMillions(6));
        var sums = new FundingTotals(Money.FromMillions(10), Money.FromMillions(10), Money.Zero, Money.FromMillions(10), Money.Zero, Money.FromMillions(4),
            Money.FromMillions(6));
        var june = new AsOfQuery(on.PlusDays(40), correctionKnown - Duration.Epsilon);

        (await store.FundingTotalsAsync(june)).Should().Be(sums, "before the revision's date, and known before the correction, it is a total over years");
        (await store.FundingTotalsAsync(june with { KnownAt = correctionKnown })).Should().Be(FundingTotals.None with { YearlyLevels = [Level(FundingCoverage.YearlyBy, 2027)] },
            "once the correction is known, it was a yearly level from its own date");
        (await store.FundingTotalsAsync(new AsOfQuery(revisedOn, correctionKnown - Duration.Epsilon)))
            .Should().Be(FundingTotals.None with { YearlyLevels = [Level(FundingCoverage.YearlyFrom, 2026)] }, "from the revision's date it is a yearly level");
        (await store.FundingTotalsAsync(new AsOfQuery(revisedOn))).Should().Be(FundingTotals.None with { YearlyLevels = [Level(FundingCoverage.YearlyFrom, 2026)] },
            "the later revision still wins from its date");

        foreach (var query in new[] { june, june with { KnownAt = correctionKnown }, new AsOfQuery(revisedOn), new AsOfQuery(revisedOn.PlusDays(-1)) })
        {
            await AssertMatchesOracleAsync(store, query, "a period revision and correction");
        }

        await AssertSeriesMatchOracleAsync(store, correctionKnown - Duration.Epsilon, null, "a period revision");
        await AssertSeriesMatchOracleAsync(store, null, null, "a period revision and correction");
        (await store.FundingSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue, correctionKnown - Duration.Epsilon))).Select(p => (p.From, p.Value.Total.Pounds, p.Value.YearlyLevels.Count))
            .Should().Equal((on, 10_000_000m, 0), (revisedOn, 0m, 1));
    }

    /// <summary>Every money figure of some totals, named by where it is shown.</summary>
    private static IEnumerable<(string Where, Money Figure)> Figures(string where, FundingTotals totals) =>
        new[] { totals.Total, totals.NewMoney, totals.Redirected, totals.Firm, totals.Ceiling, totals.Allocated, totals.Unallocated }
            .Concat(totals.YearlyLevels.SelectMany(l => new[] { l.PerYear, l.NewMoney, l.Redirected, l.Firm, l.Ceiling, l.Allocated, l.Unallocated }))
            .Select(m => (where, m));
}

// Totals kept between questions (issue #24): a store may keep totals rather than sum them per question (the in-memory store
// keeps the totals as known now per valid date); asked between writes, in any order of valid dates, they stay the oracle's.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>Totals asked between the writes of generated histories, known now and at an earlier instant, are the oracle's after every write.</summary>
    [Fact]
    public async Task TotalsAskedBetweenWritesAreTheOraclesAfterEveryWrite()
    {
        var asked = 0;
        foreach (var seed in new[] { 3, 4 })
        {
            var steps = ConformanceReference.Of(HistoryGenerator.Generate(seed, 60).Steps).Accepted;
            var store = await NewStoreAsync();
            var random = new Random(seed);
            for (var i = 0; i < steps.Count; i += 3)
            {
                await store.ImportAsync(steps.Skip(i).Take(3));
                var log = await store.ReadAllAsync();
                var asOf = new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500));
                foreach (var query in new[] { new AsOfQuery(asOf), new AsOfQuery(LocalDate.MaxIsoValue), new AsOfQuery(asOf, log[random.Next(log.Count)].KnownFrom) })
                {
                    var commitments = IndependentOracle.Commitments(log, query.AsOf, query.KnownAt, query.RecordedBy);
                    OracleAssertions.Totals(await store.FundingTotalsAsync(query), IndependentOracle.Sum(commitments), $"seed {seed}, after step {i + 3}, {query}");
                    foreach (var recipient in HistoryGenerator.Recipients)
                    {
                        OracleAssertions.Totals(await store.FundingTotalsOfAsync(new Organisation(recipient), query),
                            IndependentOracle.Sum(commitments.Where(c => c.Recipient == recipient)), $"seed {seed}, after step {i + 3}, {recipient}, {query}");
                    }

                    asked++;
                }
            }
        }

        asked.Should().BePositive();
    }
}
