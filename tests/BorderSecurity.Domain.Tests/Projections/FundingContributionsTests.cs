using Bogus;
using BorderSecurity.Domain.Conformance;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Tests.Projections;

/// <summary>What a commitment contributes to the totals, and the changes between two contributions (the kept totals' one rule, issue #24).</summary>
public class FundingContributionsTests
{
    [Fact]
    public async Task AContributionIsOneFundingCommitmentsAndTheChangesBetweenTwoAddUp()
    {
        var store = new InMemoryBorderSecurityStore(NodaTime.SystemClock.Instance);
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var all = await store.ReadAllAsync();
        // The reference commitment with the most events (pledged, revised, corrected, ...).
        var commitment = all.Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == AggregateKind.FundingCommitment)
            .GroupBy(e => e.StreamId).MaxBy(g => g.Count())!.Key;
        var stream = all.Where(e => e.StreamId == commitment).ToList();
        var other = all.First(e => EventCatalogue.AggregateOf(e.Data.GetType()) == AggregateKind.FundingCommitment && e.StreamId != commitment);

        var whole = FundingContributions.Of(stream);
        var half = FundingContributions.Of(stream.Take(Math.Max(1, stream.Count / 2)));
        var toHalf = FundingContributions.Between([], half);
        var onToWhole = FundingContributions.Between(half, whole);
        var atOnce = FundingContributions.Between([], whole);

        stream.Should().HaveCountGreaterThan(2);
        whole.Should().NotBeEmpty();
        atOnce.Should().NotBeEmpty();
        FundingContributions.Between(whole, whole).Should().BeEmpty();
        Sum(toHalf.Concat(onToWhole)).Should().Equal(Sum(atOnce), "changes from nothing to half, then on to the whole, add up to the whole's");
        var notFunding = all.First(e => EventCatalogue.AggregateOf(e.Data.GetType()) != AggregateKind.FundingCommitment);
        FluentActions.Invoking(() => FundingContributions.Of([notFunding])).Should().Throw<ArgumentException>().WithMessage("*not a funding commitment's event*");
        FluentActions.Invoking(() => FundingContributions.Of([.. stream, other])).Should().Throw<ArgumentException>().WithMessage("*more than one stream*");
    }

    [Fact]
    public void KnownChangesSumToTheTotalsAsKnownAtEveryInstantByTheIndependentOracle()
    {
        var asked = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 40);
            var log = history.Events;
            var changes = log.Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == AggregateKind.FundingCommitment)
                .GroupBy(e => e.StreamId).SelectMany(stream => FundingContributions.AsKnown(stream)).ToList();
            var random = new Randomizer(seed);
            var (first, last) = history.RecordedSpan;
            var knownAts = log.Select(e => e.KnownFrom).Distinct().Order().ToList();
            for (var i = 0; i < 8; i++)
            {
                var asOf = new LocalDate(2023, 1, 1).PlusDays(random.Int(-10, 1500));
                // Half of the instants are one of the log's own (the edge), half anywhere in its span.
                var knownAt = i % 2 == 0 ? knownAts[random.Int(0, knownAts.Count - 1)] : first + Duration.FromTicks((long)((last - first).TotalTicks * random.Double(-0.05, 1.05)));
                var counting = changes.Where(c => c.KnownFrom <= knownAt && c.Change.From <= asOf).Select(c => c.Change).ToList();
                var commitments = IndependentOracle.Commitments(log, asOf, knownAt);
                OracleAssertions.Totals(TotalsOf(counting), IndependentOracle.Sum(commitments), $"seed {seed}, as of {asOf}, known at {knownAt}");
                foreach (var recipient in commitments.Select(c => c.Recipient).Distinct())
                {
                    OracleAssertions.Totals(TotalsOf(counting.Where(c => c.Recipient == recipient)), IndependentOracle.Sum(commitments.Where(c => c.Recipient == recipient)),
                        $"seed {seed}, {recipient}, as of {asOf}, known at {knownAt}");
                }

                asked++;
            }
        }

        asked.Should().Be(2_400);
    }

    [Fact]
    public void KnownChangesBetweenTwoWritesAddUp()
    {
        var history = HistoryGenerator.Generate(7, requests: 60);
        var stream = history.Events.Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == AggregateKind.FundingCommitment)
            .GroupBy(e => e.StreamId).MaxBy(g => g.Count())!.ToList();
        var half = FundingContributions.AsKnown(stream.Take(stream.Count / 2));
        var whole = FundingContributions.AsKnown(stream);

        stream.Should().HaveCountGreaterThan(3);
        whole.Should().NotBeEmpty();
        FundingContributions.Between(whole, whole).Should().BeEmpty();
        Sum(half.Concat(FundingContributions.Between(half, whole)).Select(c => c.Change)).Should().Equal(Sum(whole.Select(c => c.Change)));
        whole.Select(c => c.KnownFrom).Should().BeInAscendingOrder();
    }

    // The totals of summed changes, as both stores make them: one share per origin, basis and period.
    private static FundingTotals TotalsOf(IEnumerable<FundingTotalsChange> changes) =>
        FundingTotals.Of(changes.GroupBy(c => (c.Origin, c.Basis, c.Period))
            .Select(g => new FundingShare(g.Key.Origin, g.Key.Basis, Money.FromPounds(g.Sum(c => c.Amount)), Money.FromPounds(g.Sum(c => c.Allocated)), g.Key.Period))
            .Where(s => s.Amount.Pounds != 0 || s.Allocated.Pounds != 0));

    private static List<string> Sum(IEnumerable<FundingTotalsChange> changes) =>
        [.. changes.GroupBy(c => (c.From, c.Recipient, c.Origin, c.Basis, c.Period.Coverage, c.Period.FirstYear, c.Period.LastYear))
            .Select(g => (g.Key, Amount: g.Sum(c => c.Amount), Allocated: g.Sum(c => c.Allocated)))
            .Where(g => g.Amount != 0 || g.Allocated != 0)
            .Select(g => $"{g.Key} {g.Amount:0.##} {g.Allocated:0.##}").Order(StringComparer.Ordinal)];
}
