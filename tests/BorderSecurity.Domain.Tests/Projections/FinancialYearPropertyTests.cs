using BorderSecurity.Domain.Conformance;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Tests.Projections;

/// <summary>
/// The financial-year question on generated histories (fixed seeds), at and around each change of what a commitment
/// covers or how much it is: for every period revision or correction and every amount revision or correction, the
/// day before it, its own date just before and as it became known, and a later date just before and as it became known.
/// The indexed projection (fed the events shuffled) and, every 20th history, the in-memory store (through its contract)
/// must give the <see cref="IndependentOracle"/>'s answer figure by figure (IndependentOracle.FinancialYears.cs, written
/// from docs/projections.md and sharing no code with <c>FinancialYearFunding.Of</c>).
/// </summary>
public class FinancialYearPropertyTests
{
    private const int Histories = 400;

    public static TheoryData<int> Batches => [.. Enumerable.Range(0, 4)];

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task EveryFinancialYearAnswerAtAndAroundEachPeriodOrAmountChangeMatchesTheIndependentOracle(int batch)
    {
        int questions = 0, aroundPeriodChanges = 0, stores = 0;
        var seen = new Seen();
        for (var seed = batch * (Histories / 4); seed < (batch + 1) * (Histories / 4); seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 40);
            var log = history.Events;
            var indexed = InMemoryBorderSecurityStore.Over(HistoryGenerator.Shuffled(history, seed + 7));
            var asked = QuestionsAroundChanges(log).ToList();
            foreach (var query in asked)
            {
                await OracleAssertions.AllFinancialYearsAsync(indexed, log, query, $"seed {seed} {query}");
                seen.Note(await indexed.FundingByFinancialYearAsync(new FinancialYearRange(OracleAssertions.FirstYearAsked, OracleAssertions.LastYearAsked), query));
                questions++;
            }

            aroundPeriodChanges += log.Count(e => e.Data is FundingPeriodRevised or FundingPeriodCorrected);
            if (seed % 20 == 0)
            {
                var store = new InMemoryBorderSecurityStore(new NodaTime.Testing.FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0)));
                await store.ImportAsync(history.Steps);
                var stored = await store.ReadAllAsync();
                foreach (var query in asked)
                {
                    await OracleAssertions.AllFinancialYearsAsync(store, stored, query, $"seed {seed} {query}, in-memory store");
                }

                stores++;
            }
        }

        questions.Should().BeGreaterThan(Histories / 4 * 10);
        aroundPeriodChanges.Should().BeGreaterThan(Histories / 4 / 2, "the generated histories revise and correct periods");
        stores.Should().Be(Histories / 4 / 20);
        seen.Should().BeEquivalentTo(new Seen { ProfileSplit = true, UnsplitSpan = true, BrokenProfile = true, YearlyLevel = true, InYear = true, NotStated = true, Resource = true, Capital = true },
            "the questions reach every kind of figure the rule counts");
    }

    [Fact]
    public void GeneratedHistoriesChangePeriodsOnBothAxesWithEveryCoverageAndSpendingKind()
    {
        var events = Enumerable.Range(0, 100).SelectMany(seed => HistoryGenerator.Generate(seed, 40).Events.Select(e => (Seed: seed, Event: e))).ToList();
        var periods = events.Select(e => e.Event.Data switch
        {
            FundingPledged p => p.Period,
            FundingRedirected r => r.Period,
            FundingPeriodRevised r => r.Period,
            FundingPeriodCorrected c => c.Period,
            _ => null,
        }).OfType<FundingPeriod>().ToList();
        periods.Select(p => p.Coverage).Distinct().Should().BeEquivalentTo(Enum.GetValues<FundingCoverage>());
        periods.Select(p => p.Spending).Distinct().Should().BeEquivalentTo(Enum.GetValues<SpendingKind>());
        periods.Should().Contain(p => p.Profile != null, "some totals over years are profiled");
        events.Should().Contain(e => e.Event.Data is FundingPeriodCorrected && FirstOf(events, e).KnownFrom < e.Event.KnownFrom,
            "a period correction known after its original, so a question falls between them");
        events.Should().Contain(e => e.Event.Data is FundingPeriodRevised, "a period revision from a later date");
    }

    /// <summary>Around every change of a commitment's period or amount: the day before, its date just before and as it became known, and 400 days on likewise.</summary>
    private static IEnumerable<AsOfQuery> QuestionsAroundChanges(IReadOnlyList<RecordedEvent> log) =>
        log.Where(e => e.Data is FundingPeriodRevised or FundingPeriodCorrected or FundingRevised or FundingAmountCorrected)
            .SelectMany(e => new[]
            {
                new AsOfQuery(e.ValidOn.PlusDays(-1), e.KnownFrom),
                new AsOfQuery(e.ValidOn, e.KnownFrom - Duration.Epsilon),
                new AsOfQuery(e.ValidOn, e.KnownFrom),
                new AsOfQuery(e.ValidOn.PlusDays(400), e.KnownFrom - Duration.Epsilon),
                new AsOfQuery(e.ValidOn.PlusDays(400), e.KnownFrom),
            });

    private static RecordedEvent FirstOf(List<(int Seed, RecordedEvent Event)> events, (int Seed, RecordedEvent Event) e) =>
        events.First(x => x.Seed == e.Seed && x.Event.StreamId == e.Event.StreamId).Event;

    /// <summary>Which kinds of figure some answer had, so the test shows it exercised each.</summary>
    private sealed class Seen
    {
        public bool ProfileSplit { get; set; }

        public bool UnsplitSpan { get; set; }

        public bool BrokenProfile { get; set; }

        public bool YearlyLevel { get; set; }

        public bool InYear { get; set; }

        public bool NotStated { get; set; }

        public bool Resource { get; set; }

        public bool Capital { get; set; }

        public void Note(FinancialYearFunding answer)
        {
            var counted = answer.Commitments;
            ProfileSplit |= counted.Any(c => c.Period.Coverage == FundingCoverage.OverYears && c.ProfileAddsUp);
            BrokenProfile |= counted.Any(c => c.Period.Coverage == FundingCoverage.OverYears && c.Period.Profile is { Count: > 0 } && !c.ProfileAddsUp);
            UnsplitSpan |= answer.Years.Any(y => y.UnsplitSpans.Count > 0);
            YearlyLevel |= answer.Years.Any(y => y.YearlyLevel.Total > Money.Zero);
            InYear |= counted.Any(c => c.Period.Coverage == FundingCoverage.InYear);
            NotStated |= answer.NotStated.Total > Money.Zero;
            Resource |= answer.Years.Any(y => y.ForTheYear.Resource > Money.Zero || y.YearlyLevel.Resource > Money.Zero);
            Capital |= answer.Years.Any(y => y.ForTheYear.Capital > Money.Zero || y.YearlyLevel.Capital > Money.Zero);
        }
    }
}
