using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;

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

    private static List<string> Sum(IEnumerable<FundingTotalsChange> changes) =>
        [.. changes.GroupBy(c => (c.From, c.Recipient, c.Origin, c.Basis, c.Period.Coverage, c.Period.FirstYear, c.Period.LastYear))
            .Select(g => (g.Key, Amount: g.Sum(c => c.Amount), Allocated: g.Sum(c => c.Allocated)))
            .Where(g => g.Amount != 0 || g.Allocated != 0)
            .Select(g => $"{g.Key} {g.Amount:0.##} {g.Allocated:0.##}").Order(StringComparer.Ordinal)];
}
