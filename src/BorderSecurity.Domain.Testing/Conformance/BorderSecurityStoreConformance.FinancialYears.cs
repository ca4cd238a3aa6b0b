using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// The financial-year questions: the same answers as the in-memory projection (store against store) and the independent oracle on both axes, the "Done when" of issue 13
// with hand-checked figures, and bad periods rejected with nothing stored.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>The £280m yearly level of issue 13 ("up to £280m more per year by the end of the Spending Review period"): not in the reference timeline, which no source supports.</summary>
    protected static readonly TimelineStep SpendingReviewYearlyLevel = new(Instant.FromUtc(2025, 6, 11, 12, 0),
        new PledgeFunding
        {
            CommitmentId = new("funding:bsc-2025-06-spending-review"),
            Recipient = BorderSecurityCommand,
            Amount = Money.FromMillions(280),
            Basis = FundingBasis.UpTo,
            OriginName = "Spending Review 2025",
            Period = FundingPeriod.YearlyBy(new FinancialYear(2028), "up to £280m more per year by the end of the Spending Review period"),
            Purpose = "Border security",
            AnnouncedBy = "Chancellor",
            ValidOn = new LocalDate(2025, 6, 11),
            Provenance = Provenance.Of(Source("spending-review-2025")),
        });

    private static readonly FinancialYear Fy2024 = new(2024);
    private static readonly FinancialYear Fy2025 = new(2025);
    private static readonly FinancialYear Fy2028 = new(2028);

    // No source of the reference timeline says resource or capital, so all of its money is of a spending kind not stated.
    private static YearTotals Totals(decimal total, decimal newMoney, decimal redirected, decimal firm, decimal ceiling) =>
        new(Money.FromMillions(total), Money.FromMillions(newMoney), Money.FromMillions(redirected), Money.FromMillions(firm), Money.FromMillions(ceiling),
            Money.Zero, Money.Zero, Money.FromMillions(total));

    /// <summary>The reference timeline by financial year answers as the reference and the oracle do on both axes.</summary>
    [Fact]
    public async Task TheReferenceTimelineByFinancialYearAnswersAsTheReferenceAndTheOracleDoOnBothAxes()
    {
        var store = await NewStoreAsync();
        var steps = Steps.Append(SpendingReviewYearlyLevel).ToArray();
        var reference = ConformanceReference.Of(steps);
        await store.ImportAsync(steps);
        var log = await store.ReadAllAsync();
        var recipients = new string?[] { null, BorderSecurityCommand.Name, Interpol.Name, InternationalSeriousOrganisedCrime.Name, "Nobody" };
        var years = new FinancialYearRange(Fy2024, Fy2028);
        Task<FinancialYearFunding> Ask(IBorderSecurityQueries queries, string? recipient, AsOfQuery query) =>
            recipient is null ? queries.FundingByFinancialYearAsync(years, query) : queries.FundingByFinancialYearOfAsync(new Organisation(recipient), years, query);
        var questions = 0;
        foreach (var date in ReferenceDates.Append(new LocalDate(2025, 6, 11)).Append(new LocalDate(2029, 1, 1)))
        {
            foreach (var knownAt in ReferenceKnownAt.Append(Instant.FromUtc(2024, 11, 6, 12, 0)))
            {
                foreach (var recipient in recipients)
                {
                    var query = new AsOfQuery(date, knownAt);
                    var answer = await Ask(store, recipient, query);
                    answer.Should().BeEquivalentTo(await Ask(reference.Queries, recipient, query), Strict, $"{query}, {recipient}");
                    OracleAssertions.FundingByFinancialYear(answer, log, Fy2024, Fy2028, query, $"{query} (independent oracle)", recipient);
                    questions++;
                }
            }
        }

        questions.Should().Be((ReferenceDates.Length + 2) * (ReferenceKnownAt.Length + 1) * recipients.Length);
    }

    /// <summary>With the yearly level added the bsc has nothing for 2024 to 2026 beyond the unsplit 150 m and up to 280 m in 2028.</summary>
    [Fact]
    public async Task WithTheYearlyLevelAddedTheBscHasNothingFor2024To2026BeyondTheUnsplit150mAndUpTo280mIn2028()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps.Append(SpendingReviewYearlyLevel));
        var june = new AsOfQuery(new LocalDate(2025, 6, 11));
        var answer = await store.FundingByFinancialYearOfAsync(BorderSecurityCommand, new FinancialYearRange(Fy2024, Fy2028), june);
        OracleAssertions.FundingByFinancialYear(answer, await store.ReadAllAsync(), Fy2024, Fy2028, june, "the done-when (independent oracle)", BorderSecurityCommand.Name);

        var twoYears = new SpanAmount(Fy2024, Fy2025, Totals(150, 75, 75, 75, 75), [SeptemberRedirectId.Value, NovemberBudgetId.Value]);
        foreach (var year in new[] { Fy2024, Fy2025 })
        {
            var line = answer.For(year)!;
            line.ForTheYear.Should().Be(YearTotals.None, $"nothing is committed for {year} alone");
            line.YearlyLevel.Should().Be(YearTotals.None);
            line.UnsplitSpans.Should().BeEquivalentTo([twoYears], Strict, "the £150m is over both years, split unknown, never halved");
        }

        foreach (var year in new[] { new FinancialYear(2026), new FinancialYear(2027) })
        {
            answer.For(year)!.ForTheYear.Should().Be(YearTotals.None);
            answer.For(year)!.YearlyLevel.Should().Be(YearTotals.None, "the level is reached by 2028/29; the years before are not stated");
            answer.For(year)!.UnsplitSpans.Should().BeEmpty();
        }

        var fy2028 = answer.For(Fy2028)!;
        fy2028.YearlyLevel.Should().Be(Totals(280, 280, 0, 0, 280), "up to £280m a year by 2028/29");
        fy2028.ForTheYear.Should().Be(YearTotals.None);
        fy2028.UnsplitSpans.Should().BeEmpty();
        answer.NotStated.Should().Be(YearTotals.None);

        var everyFigure = answer.Years.SelectMany(y => new[] { y.ForTheYear, y.YearlyLevel }.Concat(y.UnsplitSpans.Select(s => s.Totals))).Append(answer.NotStated);
        everyFigure.Should().NotContain(t => t.Total == Money.FromMillions(430), "a yearly level is never added to a total over years");

        // The portfolio: INTERPOL's £6m in-year 2024/25 and the £24m for 2025/26 are money for those years alone.
        var portfolio = await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2024, Fy2025), new AsOfQuery(new LocalDate(2025, 6, 11)));
        portfolio.For(Fy2024)!.ForTheYear.Should().Be(Totals(6, 6, 0, 6, 0));
        portfolio.For(Fy2025)!.ForTheYear.Should().Be(Totals(24, 24, 0, 24, 0));
        portfolio.For(Fy2025)!.UnsplitSpans.Should().BeEquivalentTo([twoYears], Strict);
    }

    /// <summary>The september money is not stated until the november report is known.</summary>
    [Fact]
    public async Task TheSeptemberMoneyIsNotStatedUntilTheNovemberReportIsKnown()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var november = new LocalDate(2024, 11, 5);

        var october = await store.FundingByFinancialYearOfAsync(BorderSecurityCommand, new FinancialYearRange(Fy2024, Fy2025), new AsOfQuery(new LocalDate(2024, 10, 1)));
        october.NotStated.Should().Be(Totals(75, 0, 75, 0, 75));
        october.NotStatedIds.Should().Equal(SeptemberRedirectId.Value);
        october.Years.Should().OnlyContain(y => y.UnsplitSpans.Count == 0);

        var beforeReport = await store.FundingByFinancialYearOfAsync(BorderSecurityCommand, new FinancialYearRange(Fy2024, Fy2025), new AsOfQuery(november, Instant.FromUtc(2024, 11, 5, 0, 0)));
        beforeReport.NotStatedIds.Should().Equal(SeptemberRedirectId.Value);
        beforeReport.For(Fy2024)!.UnsplitSpans.Should().BeEquivalentTo([new SpanAmount(Fy2024, Fy2025, Totals(75, 75, 0, 75, 0), [NovemberBudgetId.Value])], Strict);

        var afterReport = await store.FundingByFinancialYearOfAsync(BorderSecurityCommand, new FinancialYearRange(Fy2024, Fy2025), new AsOfQuery(november));
        afterReport.NotStatedIds.Should().BeEmpty();
        afterReport.For(Fy2024)!.UnsplitSpans.Single().Totals.Total.Should().Be(Money.FromMillions(150));
    }

    /// <summary>A profile counts per year until the amount changes and a period correction counts only once known.</summary>
    [Fact]
    public async Task AProfileCountsPerYearUntilTheAmountChangesAndAPeriodCorrectionCountsOnlyOnceKnown()
    {
        var store = await NewStoreAsync();
        const string id = "funding:profiled";
        var on = new LocalDate(2025, 5, 1);
        var fy2026 = new FinancialYear(2026);
        await store.SubmitAsync(Pledge(id, Money.FromMillions(10), on) with
        {
            Period = FundingPeriod.OverYears(Fy2025, fy2026, "£10m over two years",
                [new FinancialYearAmount(Fy2025, Money.FromMillions(4)), new FinancialYearAmount(fy2026, Money.FromMillions(6))]),
        });
        var profiled = await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, fy2026), new AsOfQuery(on));
        profiled.For(Fy2025)!.ForTheYear.Total.Should().Be(Money.FromMillions(4));
        profiled.For(fy2026)!.ForTheYear.Total.Should().Be(Money.FromMillions(6));
        profiled.Years.Should().OnlyContain(y => y.UnsplitSpans.Count == 0);

        await store.SubmitAsync(new ReviseFunding
        {
            CommitmentId = new(id),
            RevisedAmount = Money.FromMillions(12),
            Reason = "more money",
            ValidOn = on.PlusDays(10),
            Provenance = Provenance.Of(Source("revised")),
        });
        var revised = await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, fy2026), new AsOfQuery(on.PlusDays(10)));
        revised.For(Fy2025)!.ForTheYear.Should().Be(YearTotals.None, "the profile no longer adds up, so the split is unknown");
        revised.For(Fy2025)!.UnsplitSpans.Single().Totals.Total.Should().Be(Money.FromMillions(12));

        var corrected = await store.SubmitAsync(new CorrectFundingPeriod
        {
            CommitmentId = new(id),
            Period = FundingPeriod.InYear(Fy2025, "in-year 2025/26"),
            Reason = "misread",
            Provenance = Provenance.Of(Source("corrected")),
        });
        var knownAt = corrected.Events.Single().KnownFrom;
        var before = await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, fy2026), new AsOfQuery(on, knownAt - Duration.Epsilon));
        before.For(fy2026)!.ForTheYear.Total.Should().Be(Money.FromMillions(6), "before the correction was known the profile stood");
        var after = await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, fy2026), new AsOfQuery(on, knownAt));
        after.For(Fy2025)!.ForTheYear.Total.Should().Be(Money.FromMillions(10));
        after.For(fy2026)!.ForTheYear.Should().Be(YearTotals.None);
    }

    /// <summary>Each figure splits resource capital and not stated and a period revision moves the kind from its date.</summary>
    [Fact]
    public async Task EachFigureSplitsResourceCapitalAndNotStatedAndAPeriodRevisionMovesTheKindFromItsDate()
    {
        var store = await NewStoreAsync();
        var on = new LocalDate(2025, 5, 1);
        var fy2026 = new FinancialYear(2026);
        FinancialYearAmount Part(FinancialYear year, decimal millions) => new(year, Money.FromMillions(millions));
        await store.SubmitAsync(Pledge("funding:capital-profiled", Money.FromMillions(10), on) with
        {
            Period = FundingPeriod.OverYears(Fy2025, fy2026, "£10m capital over two years", [Part(Fy2025, 4), Part(fy2026, 6)]) with { Spending = SpendingKind.Capital },
        });
        await store.SubmitAsync(Pledge("funding:resource-in-year", Money.FromMillions(5), on) with
        {
            Period = FundingPeriod.InYear(Fy2025, "£5m resource this year") with { Spending = SpendingKind.Resource },
        });
        await store.SubmitAsync(Pledge("funding:level", Money.FromMillions(3), on) with { Period = FundingPeriod.YearlyFrom(Fy2025, "£3m a year") });
        YearTotals Split(decimal total, decimal resource, decimal capital, decimal notStated) =>
            new(Money.FromMillions(total), Money.FromMillions(total), Money.Zero, Money.FromMillions(total), Money.Zero,
                Money.FromMillions(resource), Money.FromMillions(capital), Money.FromMillions(notStated));

        var first = await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, fy2026), new AsOfQuery(on));
        first.For(Fy2025)!.ForTheYear.Should().Be(Split(9, 5, 4, 0), "£4m of the capital profile and the £5m resource in-year");
        first.For(Fy2025)!.YearlyLevel.Should().Be(Split(3, 0, 0, 3), "the level's kind is not stated, so it is not guessed");
        first.For(fy2026)!.ForTheYear.Should().Be(Split(6, 0, 6, 0));
        first.For(fy2026)!.YearlyLevel.Should().Be(Split(3, 0, 0, 3));

        // A later announcement says the £5m is capital: from its date on only.
        await store.SubmitAsync(new ReviseFundingPeriod
        {
            CommitmentId = new("funding:resource-in-year"),
            Period = FundingPeriod.InYear(Fy2025, "£5m, now said to be capital") with { Spending = SpendingKind.Capital },
            Reason = "restated as capital",
            ValidOn = on.PlusDays(31),
            Provenance = Provenance.Of(Source("restated")),
        });
        (await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, Fy2025), new AsOfQuery(on.PlusDays(30)))).For(Fy2025)!.ForTheYear.Should().Be(Split(9, 5, 4, 0));
        var after = await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, fy2026), new AsOfQuery(on.PlusDays(31)));
        after.For(Fy2025)!.ForTheYear.Should().Be(Split(9, 0, 9, 0));
        OracleAssertions.FundingByFinancialYear(after, await store.ReadAllAsync(), Fy2025, fy2026, new AsOfQuery(on.PlusDays(31)), "after the restatement (independent oracle)");
    }

    /// <summary>A bad period is rejected naming the field and nothing is stored.</summary>
    [Theory]
    [InlineData("profile does not add up", "Period.Profile")]
    [InlineData("year outside span", "Period.Profile")]
    [InlineData("overlapping profile years", "Period.Profile")]
    [InlineData("yearly level without a year", "Period.FirstYear")]
    [InlineData("span ending before it starts", "Period.LastYear")]
    public async Task ABadPeriodIsRejectedNamingTheFieldAndNothingIsStored(string bad, string field)
    {
        var store = await NewStoreAsync();
        var on = new LocalDate(2025, 5, 1);
        FinancialYearAmount Part(int year, decimal millions) => new(new FinancialYear(year), Money.FromMillions(millions));
        var period = bad switch
        {
            "profile does not add up" => FundingPeriod.OverYears(Fy2025, new FinancialYear(2026), "x", [Part(2025, 4), Part(2026, 5)]),
            "year outside span" => FundingPeriod.OverYears(Fy2025, new FinancialYear(2026), "x", [Part(2025, 4), Part(2027, 6)]),
            "overlapping profile years" => FundingPeriod.OverYears(Fy2025, new FinancialYear(2026), "x", [Part(2025, 4), Part(2025, 6)]),
            "yearly level without a year" => new FundingPeriod("£10m a year", FundingCoverage.YearlyBy),
            _ => new FundingPeriod("x", FundingCoverage.OverYears, new FinancialYear(2026), Fy2025),
        };

        var act = () => store.SubmitAsync(Pledge("funding:bad", Money.FromMillions(10), on) with { Period = period });
        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(field);
        (await store.ReadAllAsync()).Should().BeEmpty();
        (await store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, Fy2025), new AsOfQuery(on))).Commitments.Should().BeEmpty();
    }

    /// <summary>Generated histories by financial year answer as the reference and the oracle do.</summary>
    [Fact]
    public async Task GeneratedHistoriesByFinancialYearAnswerAsTheReferenceAndTheOracleDo()
    {
        var periodChanges = 0;
        for (var seed = 100; seed < 106; seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 60);
            var reference = ConformanceReference.Of(history.Steps);
            var store = await NewStoreAsync();
            await store.ImportAsync(reference.Accepted);
            var log = await store.ReadAllAsync();
            periodChanges += reference.Events.Count(e => e.Data is FundingPeriodRevised or FundingPeriodCorrected);
            var random = new Random(seed);
            var instants = reference.Events.Select(e => e.KnownFrom).Distinct().ToList();
            for (var q = 0; q < 4; q++)
            {
                Instant? knownAt = q == 0 ? null : instants[random.Next(instants.Count)] + Duration.FromTicks(random.Next(-1, 2));
                var query = new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500)), knownAt);
                (await store.FundingByFinancialYearAsync(new FinancialYearRange(new FinancialYear(2022), new FinancialYear(2030)), query)).Should().BeEquivalentTo(
                    await reference.Queries.FundingByFinancialYearAsync(new FinancialYearRange(new FinancialYear(2022), new FinancialYear(2030)), query), Strict,
                    $"seed {seed}, {query}");
                await OracleAssertions.AllFinancialYearsAsync(store, log, query, $"seed {seed}, {query} (independent oracle)");
            }
        }

        periodChanges.Should().BePositive("the generated histories revise and correct periods");
    }

    /// <summary>Asking for years backwards is rejected naming the field.</summary>
    [Fact]
    public async Task AskingForYearsBackwardsIsRejectedNamingTheField()
    {
        var store = await NewStoreAsync();
        var act = () => store.FundingByFinancialYearAsync(new FinancialYearRange(Fy2025, Fy2024), new AsOfQuery(new LocalDate(2025, 1, 1)));
        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("last");
    }
}
