using Bogus;
using BorderSecurity.Domain.Conformance;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Tests.Projections;

/// <summary>
/// Thousands of generated histories (fixed seeds): for random (as-of, known-at) questions, and for questions asked
/// between an original and its correction, the in-memory store's indexes (fed the events in a shuffled order) and the
/// in-memory store (fed the history as an import) give the <see cref="IndependentOracle"/>'s answer: a model written
/// from docs/projections.md and docs/events.md that shares no code with the projection, the aggregates, the statement
/// mapping or <c>AsOfQuery</c>.
/// </summary>
public class ProjectionPropertyTests
{
    private const int Histories = 2_000;

    public static TheoryData<int> Batches => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task EveryAnswerMatchesTheIndependentOracleOverBothAxes(int batch)
    {
        int checkedQuestions = 0, betweenCorrections = 0, stores = 0;
        for (var seed = batch * (Histories / 8); seed < (batch + 1) * (Histories / 8); seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 40);
            var log = history.Events;
            var indexed = InMemoryBorderSecurityStore.Over(HistoryGenerator.Shuffled(history, seed + 1));
            var questions = Questions(history, seed).Concat(QuestionsAroundCorrections(history)).ToList();
            foreach (var query in questions)
            {
                await OracleAssertions.AllQuestionsAsync(indexed, log, query, $"seed {seed}");
                checkedQuestions++;
            }

            betweenCorrections += QuestionsAroundCorrections(history).Count();
            var knownAt = Questions(history, seed).First().KnownAt;
            await OracleAssertions.AllSeriesAsync(indexed, log, new AsOfQuery(LocalDate.MaxIsoValue, knownAt), $"seed {seed}");
            await OracleAssertions.AllSeriesAsync(indexed, log, new AsOfQuery(LocalDate.MaxIsoValue), $"seed {seed}");
            await OracleAssertions.AllSeriesAsync(indexed, log, questions[1], $"seed {seed}, up to {questions[1]}");

            // Every 25th history also goes through the in-memory store's import path and is asked through its contract.
            if (seed % 25 == 0)
            {
                var store = new InMemoryBorderSecurityStore(new NodaTime.Testing.FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0)));
                await store.ImportAsync(history.Steps);
                (await store.ReadAllAsync()).Select(e => (e.StreamId, e.Data, e.KnownFrom))
                    .Should().Equal(log.Select(e => (e.StreamId, e.Data, e.KnownFrom)), $"seed {seed}");
                foreach (var query in questions)
                {
                    await OracleAssertions.AllQuestionsAsync(store, query, $"seed {seed}, in-memory store");
                }

                await OracleAssertions.AllSeriesAsync(store, new AsOfQuery(LocalDate.MaxIsoValue, knownAt), $"seed {seed}, in-memory store");
                stores++;
            }
        }

        checkedQuestions.Should().BeGreaterThanOrEqualTo(Histories / 8 * 6);
        betweenCorrections.Should().BeGreaterThanOrEqualTo(Histories / 8 * 2, "every history has a correction recorded after its original");
        stores.Should().Be(Histories / 8 / 25);
    }

    [Fact]
    public async Task ShuffledFeedsGiveTheSameAnswers()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 40);
            var inOrder = InMemoryBorderSecurityStore.Over(history.Events);
            var shuffled = InMemoryBorderSecurityStore.Over(HistoryGenerator.Shuffled(history, seed));
            foreach (var query in Questions(history, seed))
            {
                (await shuffled.FundingAsync(query)).Should().BeEquivalentTo(await inOrder.FundingAsync(query), o => o.WithStrictOrdering(), $"seed {seed}, {query}");
                (await shuffled.RecruitmentAsync(query)).Should().BeEquivalentTo(await inOrder.RecruitmentAsync(query), o => o.WithStrictOrdering(), $"seed {seed}, {query}");
                (await shuffled.LegislationAsync(query)).Should().BeEquivalentTo(await inOrder.LegislationAsync(query), o => o.WithStrictOrdering(), $"seed {seed}, {query}");
                (await shuffled.TimelineAsync(query)).Should().BeEquivalentTo(await inOrder.TimelineAsync(query), o => o.WithStrictOrdering(), $"seed {seed}, {query}");
            }
        }
    }

    [Fact]
    public async Task AnEventAppliedAgainIsIgnoredWhateverItsSequenceNumber()
    {
        var history = HistoryGenerator.Generate(seed: 5, requests: 60);

        // The same events under sequence numbers spread over many 64K pages of the applied set, negative ones included.
        var spread = history.Events.Select((e, i) => e with { Sequence = (i - 20) * 70_001L }).ToArray();
        var projection = BorderSecurityProjection.Of(spread);

        spread.Reverse().Select(projection.Apply).Should().AllBeEquivalentTo(false);
        projection.Count.Should().Be(spread.Length);
        var store = InMemoryBorderSecurityStore.Over(spread);
        foreach (var query in Questions(history, 5))
        {
            await OracleAssertions.AllQuestionsAsync(store, spread, query, "seed 5, spread sequences");
        }
    }

    [Fact]
    public void EveryGeneratedHistoryHasEachCaseTheTestsRelyOn()
    {
        var histories = Enumerable.Range(0, 200).Select(seed => HistoryGenerator.Generate(seed, 40)).ToArray();
        foreach (var (history, seed) in histories.Select((h, i) => (h, i)))
        {
            var events = history.Events;
            var because = $"seed {seed}";
            QuestionsAroundCorrections(history).Should().NotBeEmpty("{0}: a correction recorded after its original, so a question falls between them", because);
            events.Select(e => e.Data).OfType<FundingWithdrawn>().Should().NotBeEmpty(because + ": a withdrawal");
            events.Where(e => e.Data is FundingReannounced || e.Data is RecruitmentTargetReannounced).Should().NotBeEmpty(because + ": a re-announcement");
            events.Select(e => e.Data).OfType<FundingRedirected>().Should().Contain(r => r.FromLegislationId != null, because + ": a redirect from an Act");
            events.GroupBy(e => e.StreamId).Should().Contain(stream => HasBackFill(stream.ToList()), because + ": a back-fill within one stream");
            events.Select(e => FundingStatements.PeriodOf(e.Data)).Should().Contain(p => p != null && p.IsYearlyLevel, because + ": a yearly level");
            events.Should().Contain(e => e.Data is FundingPeriodRevised && SwitchesKind(events, e), because + ": a period revision between a sum and a yearly level");
            events.Should().Contain(e => e.Data is FundingPeriodCorrected && SwitchesKind(events, e) && Original(events, e).KnownFrom < e.KnownFrom,
                because + ": a period correction between a sum and a yearly level, known after its original");
        }

        histories.Sum(h => h.Rejected).Should().BePositive();
        histories.SelectMany(h => h.RejectedRules).Should().Contain("ProgrammeMustBeAnEnactedAct", "generated redirects sometimes name a bill that is not an Act");
        histories.SelectMany(h => h.Events).Select(e => e.EventName).Distinct().Should().HaveCount(EventCatalogue.EventTypes.Count);
        histories.Any(h => h.Events.Select(e => e.Data).OfType<SpendingReported>()
            .GroupBy(s => (s.CommitmentId, s.Year, s.Stage, s.Kind, s.ValidOn)).Any(g => g.Count() > 1)).Should().BeTrue(
            "a spending line reported again on its own date with another amount (a revised outturn, known later)");
    }

    [Fact]
    public async Task ACorrectionChangesAnswersOnlyForQuestionsKnownAfterIt()
    {
        var checkedCorrections = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var history = HistoryGenerator.Generate(seed, 40);
            var log = history.Events;
            var projection = InMemoryBorderSecurityStore.Over(log);
            foreach (var correction in log.Where(e => e.Data is FundingAmountCorrected && Original(log, e).KnownFrom < e.KnownFrom))
            {
                var corrected = (FundingAmountCorrected)correction.Data;
                var asOf = correction.ValidOn; // the commitment's own date
                var before = new AsOfQuery(asOf, correction.KnownFrom - Duration.Epsilon);
                var after = new AsOfQuery(asOf, correction.KnownFrom);
                var because = $"seed {seed}, {correction.StreamId} corrected at {correction.KnownFrom}";

                // Before: the projection gives the oracle's answer, which is the amount last stated on the original date
                // before the correction was known; and nothing differs from a log that never had the correction.
                await OracleAssertions.AllQuestionsAsync(projection, log, before, because + ", before");
                var statedBefore = log.Where(e => e.StreamId == correction.StreamId && e.ValidOn == asOf && e.KnownFrom < correction.KnownFrom)
                    .OrderBy(e => e.Sequence).Select(e => e.Data switch
                    {
                        FundingPledged p => p.Amount,
                        FundingRedirected r => r.Amount,
                        FundingAmountCorrected c => c.CorrectedAmount,
                        FundingRevised r => r.RevisedAmount,
                        _ => (Money?)null,
                    }).OfType<Money>().Last();
                var withdrawnBefore = log.Any(e => e.StreamId == correction.StreamId && e.Data is FundingWithdrawn && e.ValidOn <= asOf && e.KnownFrom < correction.KnownFrom);
                (await AmountOfAsync(projection, before, correction.StreamId)).Should().Be(withdrawnBefore ? Money.Zero : statedBefore, because + ", before");
                (await projection.FundingAsync(before)).Should().BeEquivalentTo(
                    await InMemoryBorderSecurityStore.Over(log.Where(e => e.Sequence < correction.Sequence)).FundingAsync(before),
                    o => o.WithStrictOrdering(), because + ": a correction must not rewrite what was known before it");

                // After: the oracle's answer, and the commitment stands at the corrected amount on its own date.
                await OracleAssertions.AllQuestionsAsync(projection, log, after, because + ", after");
                var withdrawnAfter = log.Any(e => e.StreamId == correction.StreamId && e.Data is FundingWithdrawn && e.ValidOn <= asOf && e.KnownFrom <= correction.KnownFrom);
                var laterSameDay = log.Any(e => e.StreamId == correction.StreamId && e.ValidOn == asOf && e.Sequence > correction.Sequence && e.KnownFrom <= correction.KnownFrom);
                if (!laterSameDay)
                {
                    (await AmountOfAsync(projection, after, correction.StreamId)).Should().Be(withdrawnAfter ? Money.Zero : corrected.CorrectedAmount, because + ", after");
                }

                checkedCorrections++;
            }
        }

        checkedCorrections.Should().BeGreaterThanOrEqualTo(300, "every history has a funding correction recorded after its original");
    }

    private static async Task<Money> AmountOfAsync(IBorderSecurityQueries store, AsOfQuery query, string commitmentId) =>
        (await store.FundingAsync(query)).Commitments.Single(c => c.CommitmentId == commitmentId).Amount;

    private static RecordedEvent Original(IReadOnlyList<RecordedEvent> log, RecordedEvent correction) =>
        log.First(e => e.StreamId == correction.StreamId);

    /// <summary>Whether a period revision or correction makes its commitment a yearly level when it was created as a sum of amounts, or the other way.</summary>
    private static bool SwitchesKind(IReadOnlyList<RecordedEvent> log, RecordedEvent change) =>
        FundingStatements.PeriodOf(Original(log, change).Data)!.IsYearlyLevel != FundingStatements.PeriodOf(change.Data)!.IsYearlyLevel;

    private static bool HasBackFill(IReadOnlyList<RecordedEvent> stream) =>
        stream.Select((e, i) => stream.Take(i).Any(earlier => earlier.ValidOn > e.ValidOn && earlier.KnownFrom < e.KnownFrom)).Any(b => b);

    /// <summary>For each correction recorded after its original: a question just before it was known, and one as it was known.</summary>
    private static IEnumerable<AsOfQuery> QuestionsAroundCorrections(GeneratedHistory history) =>
        history.Events.Where(e => e.Data is FundingAmountCorrected or RecruitmentTargetCorrected && Original(history.Events, e).KnownFrom < e.KnownFrom)
            .SelectMany(e => new[] { new AsOfQuery(e.ValidOn, e.KnownFrom - Duration.Epsilon), new AsOfQuery(e.ValidOn, e.KnownFrom) });

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
}
