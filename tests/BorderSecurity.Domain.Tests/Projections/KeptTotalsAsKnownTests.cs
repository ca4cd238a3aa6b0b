using Bogus;
using BorderSecurity.Domain.Conformance;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Tests.Projections;

/// <summary>
/// The in-memory kept totals as known at an instant (issue #24) across their checkpoints: small blocks, so that a
/// generated history makes dozens of checkpoints, questions at every instant a change became known and a tick either side
/// (every checkpoint's edges among them), and writes known before the checkpoints made, all against the independent oracle.
/// </summary>
public class KeptTotalsAsKnownTests
{
    private const int Block = 8;

    [Fact]
    public void TotalsAsKnownAcrossCheckpointsAndAfterLateWritesAreTheOracles()
    {
        var history = HistoryGenerator.Generate(11, requests: 1_500, streamsPerAggregate: 20);
        var log = history.Events;
        var funding = log.Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == AggregateKind.FundingCommitment).ToList();

        // Three commitments created in the first third of the history are held back and written at the end: written late,
        // each known from its own (early) instants, before the changes of most checkpoints.
        var early = funding.Take(funding.Count / 3).Select(e => e.StreamId).Distinct().ToList();
        var heldBack = early.Where((_, i) => i % 4 == 1).Take(3).ToList();
        heldBack.Should().HaveCount(3);
        var projection = BorderSecurityProjection.Of(log.Where(e => !heldBack.Contains(e.StreamId)));
        projection.KnownTotalsMinimumBlock = Block;
        var written = log.Where(e => !heldBack.Contains(e.StreamId)).ToList();

        var asked = Ask(projection, written, 1);
        var shape = projection.KnownTotalsShape(null)!.Value;
        shape.Block.Should().Be(Block, "a small block crosses many checkpoints");
        shape.Checkpoints.Should().BeGreaterThan(20);
        projection.KnownTotalsShape(written.Select(e => e.Data).OfType<FundingPledged>().First().Recipient).Should().NotBeNull();

        foreach (var (stream, n) in heldBack.Select((s, n) => (s, n)))
        {
            var late = log.Where(e => e.StreamId == stream).ToList();
            late[0].KnownFrom.Should().BeLessThan(written[^1].KnownFrom, "the held-back commitment is known before the last kept change");
            foreach (var e in late)
            {
                projection.Apply(e with { Sequence = e.Sequence + 1_000_000 });
            }

            written.AddRange(late);
            asked += Ask(projection, written, n + 2);
        }

        projection.KnownTotalsShape(null)!.Value.Checkpoints.Should().BeGreaterThan(shape.Checkpoints);
        asked.Should().BeGreaterThan(1_000);
    }

    // Asks the portfolio's and a recipient's totals at every instant an event became known, a tick before and after, each
    // on a random date, and checks each against the oracle over the log written so far. Returns the number of questions.
    private static int Ask(BorderSecurityProjection projection, IReadOnlyList<RecordedEvent> written, int seed)
    {
        var random = new Randomizer(seed);
        var instants = written.Select(e => e.KnownFrom).Distinct().Order().ToList();
        var recipients = written.Select(e => e.Data).OfType<FundingPledged>().Select(p => p.Recipient).Distinct().ToList();
        var asked = 0;
        for (var i = 0; i < instants.Count * 3; i++)
        {
            var knownAt = instants[i / 3] + Duration.FromTicks((i % 3) - 1);
            var asOf = new LocalDate(2023, 1, 1).PlusDays(random.Int(-10, 1500));
            var commitments = IndependentOracle.Commitments(written, asOf, knownAt);
            var query = new AsOfQuery(asOf, knownAt);
            OracleAssertions.Totals(projection.FundingTotals(null, query), IndependentOracle.Sum(commitments), $"portfolio, {query}");
            var recipient = recipients[i % recipients.Count];
            OracleAssertions.Totals(projection.FundingTotals(recipient, query), IndependentOracle.Sum(commitments.Where(c => c.Recipient == recipient)),
                $"{recipient}, {query}");
            asked += 2;
        }

        return asked;
    }
}
