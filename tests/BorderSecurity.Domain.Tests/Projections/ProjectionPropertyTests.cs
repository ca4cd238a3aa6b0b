using Bogus;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Tests.Projections;

/// <summary>
/// Thousands of generated histories (fixed seeds): for random (as-of, known-at) questions, the indexed projection
/// gives exactly the brute-force fold's answer, whatever order it was fed the events in.
/// </summary>
public class ProjectionPropertyTests
{
    private const int Histories = 2_000;

    public static TheoryData<int> Batches => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(Batches))]
    public void EveryAnswerEqualsTheBruteForceFoldOverBothAxes(int batch)
    {
        var checkedQuestions = 0;
        for (var seed = batch * (Histories / 8); seed < (batch + 1) * (Histories / 8); seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 40);
            var reference = new ReferenceProjection(HistoryGenerator.Shuffled(history, seed));
            var indexed = BorderSecurityProjection.Of(HistoryGenerator.Shuffled(history, seed + 1));
            foreach (var query in Questions(history, seed))
            {
                AssertSameAnswers(indexed, reference, query, seed);
                checkedQuestions++;
            }

            var knownAt = Questions(history, seed).First().KnownAt;
            indexed.FundingSeries(null, knownAt).Should().Equal(reference.FundingSeries(null, knownAt), $"seed {seed}");
            indexed.HeadcountSeries(null, knownAt).Should().Equal(reference.HeadcountSeries(null, knownAt), $"seed {seed}");
        }

        checkedQuestions.Should().Be(Histories / 8 * 6);
    }

    [Fact]
    public void AnEventAppliedAgainIsIgnoredWhateverItsSequenceNumber()
    {
        var history = HistoryGenerator.Generate(seed: 5, requests: 60);

        // The same events under sequence numbers spread over many 64K pages of the applied set, negative ones included.
        var spread = history.Events.Select((e, i) => e with { Sequence = (i - 20) * 70_001L }).ToArray();
        var projection = BorderSecurityProjection.Of(spread);
        var reference = new ReferenceProjection(spread);

        spread.Reverse().Select(projection.Apply).Should().AllBeEquivalentTo(false);
        projection.Count.Should().Be(spread.Length);
        foreach (var query in Questions(history, 5))
        {
            AssertSameAnswers(projection, reference, query, 5);
        }
    }

    [Fact]
    public void GeneratedHistoriesExerciseBackFillsCorrectionsAndRejections()
    {
        var histories = Enumerable.Range(0, 200).Select(seed => HistoryGenerator.Generate(seed, 40)).ToArray();
        var events = histories.SelectMany(h => h.Events).ToArray();

        histories.Sum(h => h.Rejected).Should().BePositive();
        events.Select(e => e.EventName).Distinct().Should().HaveCount(EventCatalogue.EventTypes.Count);
        histories.Count(h => h.Events.Zip(h.Events.Skip(1)).Any(p => p.Second.ValidOn < p.First.ValidOn))
            .Should().BeGreaterThan(150, "most histories record some facts after later ones (back-fills)");
    }

    [Fact]
    public void ACorrectionChangesAnswersOnlyForQuestionsKnownAfterIt()
    {
        var checkedCorrections = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var history = HistoryGenerator.Generate(seed, 40);
            var projection = BorderSecurityProjection.Of(history.Events);
            foreach (var correction in history.Events.Where(e => e.EventName == "funding.amount-corrected.v1"))
            {
                var asOf = correction.ValidOn.PlusDays(1000);
                var before = new AsOfQuery(asOf, correction.RecordedAt - Duration.Epsilon);
                var earlier = history.Events.Where(e => e.Sequence < correction.Sequence);
                projection.Funding(before).Should().BeEquivalentTo(BorderSecurityProjection.Of(earlier).Funding(before),
                    o => o.WithStrictOrdering(), "a correction must not rewrite what was known before it (seed {0})", seed);
                checkedCorrections++;
            }
        }

        checkedCorrections.Should().BeGreaterThan(50);
    }

    private static IEnumerable<AsOfQuery> Questions(GeneratedHistory history, int seed)
    {
        var random = new Randomizer(seed);
        var (first, last) = history.RecordedSpan;
        var span = (last - first).TotalTicks;
        for (var i = 0; i < 6; i++)
        {
            var asOf = new LocalDate(2023, 1, 1).PlusDays(random.Int(-10, 1500));
            Instant? knownAt = random.Int(0, 3) == 0 ? null : first + Duration.FromTicks((long)(span * random.Double(-0.05, 1.05)));
            yield return new AsOfQuery(asOf, knownAt);
        }
    }

    private static void AssertSameAnswers(IBorderSecurityQueries actual, IBorderSecurityQueries expected, AsOfQuery query, int seed)
    {
        var because = $"seed {seed}, {query}";
        var funding = expected.Funding(query);
        actual.Funding(query).Should().BeEquivalentTo(funding, o => o.WithStrictOrdering(), because);
        foreach (var recipient in HistoryGenerator.Recipients.Append("nobody"))
        {
            var only = FundingPortfolio.Of(query, funding.Commitments.Where(c => c.Recipient == recipient));
            actual.FundingOf(recipient, query).Should().BeEquivalentTo(only, o => o.WithStrictOrdering(), because + ", recipient " + recipient);
            expected.FundingOf(recipient, query).Should().BeEquivalentTo(only, o => o.WithStrictOrdering(), because + ", recipient " + recipient);
        }

        actual.Recruitment(query).Should().BeEquivalentTo(expected.Recruitment(query), o => o.WithStrictOrdering(), because);
        actual.Legislation(query).Should().BeEquivalentTo(expected.Legislation(query), o => o.WithStrictOrdering(), because);
        actual.Timeline(query).Should().BeEquivalentTo(expected.Timeline(query), o => o.WithStrictOrdering(), because);
        foreach (var id in new[] { "command:g1", "command:g2", "command:g3" })
        {
            actual.Command(id, query).Should().BeEquivalentTo(expected.Command(id, query), o => o.WithStrictOrdering(), because);
        }
    }
}
