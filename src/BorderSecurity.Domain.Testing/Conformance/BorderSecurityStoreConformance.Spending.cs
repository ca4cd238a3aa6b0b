using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Money delivered (issue 23): spending reported against a commitment by financial year, planned or outturn, on both axes;
// "spent so far" and "still to spend" with the yearly levels apart; overspend flagged, not refused; refusals store nothing.
// Against the independent oracle. The spending figures are conformance sources, not figures of the reference timeline.
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly FinancialYear Year2024 = new(2024);
    private static readonly FinancialYear Year2025 = new(2025);

    private static ReportSpending Spent(FinancialYear year, SpendingStage stage, decimal millions, LocalDate on, string source) => new()
    {
        CommitmentId = NovemberBudgetId,
        Year = year,
        Stage = stage,
        Amount = Money.FromMillions(millions),
        ValidOn = on,
        Provenance = Provenance.Of(Source(source)),
    };

    /// <summary>
    /// Spending recorded against the November £75m answers "spent so far" by financial year on both axes: a full-year outturn
    /// counts from its year's last day and from when it was known; a revised outturn replaces it only for questions that know it.
    /// </summary>
    [Fact]
    public async Task SpendingAgainstTheNovemberMoneyAnswersSpentSoFarByFinancialYearOnBothAxes()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var endOf2024 = new LocalDate(2025, 3, 31);
        await store.ImportAsync(
        [
            new TimelineStep(Instant.FromUtc(2025, 4, 10, 12, 0), Spent(Year2025, SpendingStage.Planned, 40, new LocalDate(2025, 4, 1), "plan-2025")),
            new TimelineStep(Instant.FromUtc(2025, 7, 15, 12, 0), Spent(Year2024, SpendingStage.Outturn, 10, endOf2024, "outturn-2024")),
            new TimelineStep(Instant.FromUtc(2025, 10, 15, 12, 0), Spent(Year2025, SpendingStage.Outturn, 20, new LocalDate(2025, 9, 30), "in-year-2025")),
            new TimelineStep(Instant.FromUtc(2025, 11, 20, 12, 0), Spent(Year2024, SpendingStage.Outturn, 12, endOf2024, "revised-outturn-2024")),
        ]);

        async Task<CommitmentDelivery> NovemberAsync(AsOfQuery query) =>
            (await FundingDelivery.OfAsync(store, BorderSecurityCommand, query)).Commitments.Single(c => c.CommitmentId == NovemberBudgetId.Value);

        // By 31 March 2025, as known now: the revised outturn of 2024/25.
        var byMarch = await NovemberAsync(new AsOfQuery(endOf2024));
        byMarch.Spent.Should().Be(Money.FromMillions(12));
        byMarch.StillToSpend.Should().Be(Money.FromMillions(63));
        byMarch.Years.Select(y => (y.Year, y.Spent, y.SpentThrough)).Should().Equal((Year2024, Money.FromMillions(12), (LocalDate?)endOf2024));
        byMarch.Years.Single().Promised.Should().BeNull("£75m over two years has no profile: it is not split by year");
        byMarch.Sources.Select(s => s.Document).Should().Contain("revised-outturn-2024.txt");

        // As known then (31 March 2025): no outturn was published yet. As known in August: the first outturn.
        (await NovemberAsync(new AsOfQuery(endOf2024, Instant.FromUtc(2025, 3, 31, 23, 0)))).Spent.Should().Be(Money.Zero);
        (await NovemberAsync(new AsOfQuery(endOf2024, Instant.FromUtc(2025, 8, 1, 0, 0)))).Spent.Should().Be(Money.FromMillions(10));

        // A day before the year's end the full-year outturn does not count yet.
        (await NovemberAsync(new AsOfQuery(new LocalDate(2025, 3, 30)))).Years.Should().BeEmpty();

        // By the end of 2025: both years' outturn, the plan apart (never counted as spent).
        var later = await NovemberAsync(new AsOfQuery(new LocalDate(2025, 12, 31)));
        later.Years.Select(y => (y.Year, y.Planned, y.Spent)).Should().Equal(
            (Year2024, Money.Zero, Money.FromMillions(12)), (Year2025, Money.FromMillions(40), Money.FromMillions(20)));
        (later.Spent, later.Planned, later.StillToSpend, later.IsOverspent).Should().Be((Money.FromMillions(32), Money.FromMillions(40), (Money?)Money.FromMillions(43), false));

        // The recipient's delivery: promised by the one totals rule (£150m, no yearly level added), spent against it.
        var recipient = await FundingDelivery.OfAsync(store, BorderSecurityCommand, new AsOfQuery(new LocalDate(2025, 12, 31)));
        recipient.Promised.Total.Should().Be(Money.FromMillions(150));
        (recipient.Spent, recipient.SpentAgainstTotal, recipient.StillToSpend).Should().Be((Money.FromMillions(32), Money.FromMillions(32), Money.FromMillions(118)));
        recipient.ByYear.Select(y => (y.Year, y.Spent)).Should().Equal((Year2024, Money.FromMillions(12)), (Year2025, Money.FromMillions(20)));

        // The changes: the revision of the 2024/25 outturn, from £10m to £12m.
        var changes = await store.ChangesAboutAsync(NovemberBudgetId, new ChangesQuery(Instant.FromUtc(2025, 11, 1, 0, 0), Instant.FromUtc(2025, 12, 1, 0, 0)));
        changes.Changes.Should().ContainSingle().Which.Should().Match<Change>(c => c.Kind == ChangeKind.Spending
            && c.Figure == new FigureChange(Shared.Figures.Spending, "2024/25 outturn unstated", 10_000_000m, 12_000_000m));

        var log = await store.ReadAllAsync();
        foreach (var query in new[]
                 {
                     new AsOfQuery(LocalDate.MaxIsoValue), new AsOfQuery(endOf2024), new AsOfQuery(endOf2024, Instant.FromUtc(2025, 8, 1, 0, 0)),
                     new AsOfQuery(new LocalDate(2025, 9, 30), Instant.FromUtc(2025, 10, 16, 0, 0)),
                 })
        {
            OracleAssertions.Funding(await store.FundingAsync(query), log, query, $"{query}");
            OracleAssertions.Funding(await store.FundingOfAsync(BorderSecurityCommand, query), log, query, $"{query}, the BSC", BorderSecurityCommand.Name);
        }
    }

    /// <summary>Spending above the promise is recorded and flagged, never refused; a withdrawal keeps what was spent.</summary>
    [Fact]
    public async Task SpendingAboveThePromiseIsRecordedAndFlagged()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        await store.SubmitAsync(Spent(Year2024, SpendingStage.Outturn, 30, new LocalDate(2025, 3, 31), "outturn-2024"));
        await store.SubmitAsync(Spent(Year2025, SpendingStage.Outturn, 50, new LocalDate(2026, 3, 31), "outturn-2025"));

        var delivery = await FundingDelivery.OfAsync(store, null, new AsOfQuery(LocalDate.MaxIsoValue));
        var november = delivery.Commitments.Single(c => c.CommitmentId == NovemberBudgetId.Value);
        (november.Spent, november.StillToSpend, november.Overspend, november.IsOverspent)
            .Should().Be((Money.FromMillions(80), (Money?)Money.Zero, Money.FromMillions(5), true));
        delivery.Overspend.Should().Be(Money.FromMillions(5));
        delivery.StillToSpend.Should().Be(delivery.Commitments.Where(c => !c.Period.IsYearlyLevel && c.CommitmentId != NovemberBudgetId.Value)
            .Aggregate(Money.Zero, (sum, c) => sum + c.Promised), "one commitment's overspend never makes another's promise look spent");

        await store.SubmitAsync(new WithdrawFunding
        {
            CommitmentId = NovemberBudgetId,
            Reason = "conformance withdrawal",
            ValidOn = new LocalDate(2026, 4, 1),
            Provenance = Provenance.Of(Source("withdrawal")),
        });
        var withdrawn = (await FundingDelivery.OfAsync(store, null, new AsOfQuery(LocalDate.MaxIsoValue))).Commitments.Single(c => c.CommitmentId == NovemberBudgetId.Value);
        (withdrawn.IsWithdrawn, withdrawn.Promised, withdrawn.Spent, withdrawn.StillToSpend, withdrawn.Overspend)
            .Should().Be((true, Money.Zero, Money.FromMillions(80), (Money?)Money.Zero, Money.Zero), "money spent stays spent; nothing is promised or overspent once withdrawn");

        var log = await store.ReadAllAsync();
        var query = new AsOfQuery(LocalDate.MaxIsoValue);
        OracleAssertions.Funding(await store.FundingAsync(query), log, query, "after the withdrawal");
    }

    /// <summary>Bad spending reports name their rule or field and store nothing.</summary>
    [Fact]
    public async Task BadSpendingReportsNameTheirRuleOrFieldAndStoreNothing()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var good = Spent(Year2024, SpendingStage.Outturn, 10, new LocalDate(2025, 3, 31), "outturn-2024");
        await store.SubmitAsync(good);
        await store.SubmitAsync(new WithdrawFunding
        {
            CommitmentId = InterpolId,
            Reason = "conformance withdrawal",
            ValidOn = new LocalDate(2025, 2, 1),
            Provenance = Provenance.Of(Source("withdrawal")),
        });
        var before = (await store.ReadAllAsync()).Count;

        await RefusedAsync(store, good, "SpendingReportChangesNothing");
        await RefusedAsync(store, good with { ValidOn = new LocalDate(2025, 4, 1) }, "OutturnInsideItsYear");
        await RefusedAsync(store, good with { Stage = SpendingStage.Planned, ValidOn = new LocalDate(2024, 11, 3) }, "NothingBeforeCommitment");
        await RefusedAsync(store, good with { CommitmentId = new("funding:no-such-commitment") }, "CommitmentMustExist");
        await RefusedAsync(store, good with { CommitmentId = InterpolId, Year = Year2025, ValidOn = new LocalDate(2025, 6, 30) }, "CommitmentWithdrawn");
        await InvalidAsync(store, good with { Stage = (SpendingStage)7 }, "Stage");
        await InvalidAsync(store, good with { Kind = (SpendingKind)7 }, "Kind");
        FluentActions.Invoking(() => Money.FromMillions(-1)).Should().Throw<ArgumentException>("a negative amount cannot even be written");

        (await store.ReadAllAsync()).Should().HaveCount(before, "a refused report stores nothing");

        // A year begun before the withdrawal may still report what was spent in it.
        await store.SubmitAsync(good with { CommitmentId = InterpolId, Amount = Money.FromMillions(2), ValidOn = new LocalDate(2025, 1, 31) });
    }
}
