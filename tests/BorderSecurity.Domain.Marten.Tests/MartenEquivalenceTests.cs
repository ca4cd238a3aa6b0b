using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Storage;
using Bogus;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// For generated histories replayed into Marten, every as-of answer from the Marten tables equals the in-memory
/// projection's answer over the same events (fed to it in shuffled order), corrections and back-fills included.
/// </summary>
public class MartenEquivalenceTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    [Fact]
    public async Task EveryAnswerFromTheTablesEqualsTheInMemoryAnswerOnGeneratedHistories()
    {
        var questions = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            await factory.ResetAsync();
            var history = HistoryGenerator.Generate(seed, requests: 40);
            foreach (var request in history.Requests)
            {
                await factory.Model.SubmitAsync(request);
            }

            var events = await factory.Model.ReadAllAsync();
            events.Select(e => e.Data).Should().BeEquivalentTo(history.Events.Select(e => e.Data), o => o.WithStrictOrdering().RespectingRuntimeTypes());
            var memory = InMemoryBorderSecurityStore.Over(new Randomizer(seed).Shuffle(events));
            foreach (var query in Questions(events, seed))
            {
                await AssertSameAnswersAsync(factory.Model, memory, query, $"seed {seed}, {query}");
                questions++;
            }
        }

        questions.Should().Be(60 * 7);
    }

    [Fact]
    public async Task TheReferenceTimelineAnswersTheSameInMartenAsInMemory()
    {
        await factory.ResetAsync();
        foreach (var step in ReferenceTimeline2024.Steps)
        {
            await factory.Model.SubmitAsync(step.Request);
        }

        var memory = InMemoryBorderSecurityStore.Over(await factory.Model.ReadAllAsync());
        foreach (var date in new[] { new LocalDate(2024, 7, 1), new LocalDate(2024, 10, 1), new LocalDate(2024, 11, 5) })
        {
            await AssertSameAnswersAsync(factory.Model, memory, new AsOfQuery(date), date.ToString());
        }

        (await factory.Model.FundingSeriesOfAsync(ReferenceTimeline2024.BorderSecurityCommand, new AsOfQuery(LocalDate.MaxIsoValue)))
            .Should().Equal(await memory.FundingSeriesOfAsync(ReferenceTimeline2024.BorderSecurityCommand, new AsOfQuery(LocalDate.MaxIsoValue)));
        (await factory.Model.HeadcountSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue))).Should().Equal(await memory.HeadcountSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue)));
        (await factory.Model.FundingSeriesAsync(new AsOfQuery(new LocalDate(2024, 10, 1))))
            .Should().Equal(await memory.FundingSeriesAsync(new AsOfQuery(new LocalDate(2024, 10, 1))), "a series ends at the question's date");
        (await factory.Model.FundingAsync(new AsOfQuery(new LocalDate(2024, 11, 5)))).For(ReferenceTimeline2024.BorderSecurityCommand.Name)
            .Totals.Total.Should().Be(Money.FromMillions(150));
    }

    internal static IEnumerable<AsOfQuery> Questions(IReadOnlyList<RecordedEvent> events, int seed)
    {
        var random = new Randomizer(seed);
        var first = events[0].RecordedAt;
        var span = (events[^1].RecordedAt - first).TotalTicks;
        for (var i = 0; i < 5; i++)
        {
            Instant? knownAt = i == 0 ? null : events[random.Int(0, events.Count - 1)].RecordedAt + Duration.FromTicks(random.Int(-1, 1) * 10);
            yield return new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Int(0, 1500)), i == 4 ? first + Duration.FromTicks(span / 2) : knownAt);
        }

        // The audit view: as recorded by an instant, alone and with a known-at instant.
        var recordedBy = events[random.Int(0, events.Count - 1)].RecordedAt;
        yield return new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Int(0, 1500)), RecordedBy: recordedBy);
        yield return new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Int(0, 1500)), first + Duration.FromTicks(span / 3), recordedBy);
    }

    internal static async Task AssertSameAnswersAsync(MartenBorderSecurityStore marten, IBorderSecurityQueries memory, AsOfQuery query, string because)
    {
        var funding = (await memory.FundingAsync(query));
        (await marten.FundingAsync(query)).Should().BeEquivalentTo(funding, o => o.WithStrictOrdering(), because);
        (await marten.FundingTotalsAsync(query)).Should().Be(funding.Totals, because);
        foreach (var recipient in HistoryGenerator.Recipients.Append("nobody"))
        {
            (await marten.FundingOfAsync(new Organisation(recipient), query)).Should().BeEquivalentTo((await memory.FundingOfAsync(new Organisation(recipient), query)), o => o.WithStrictOrdering(), because + ", recipient " + recipient);
            (await marten.FundingTotalsOfAsync(new Organisation(recipient), query)).Should().Be((await memory.FundingOfAsync(new Organisation(recipient), query)).Totals, because + ", recipient " + recipient);
        }

        (await marten.RecruitmentAsync(query)).Should().BeEquivalentTo((await memory.RecruitmentAsync(query)), o => o.WithStrictOrdering(), because);
        (await marten.LegislationAsync(query)).Should().BeEquivalentTo((await memory.LegislationAsync(query)), o => o.WithStrictOrdering(), because);
        (await marten.TimelineAsync(query)).Should().BeEquivalentTo((await memory.TimelineAsync(query)), o => o.WithStrictOrdering(), because);
        foreach (var id in new[] { "command:g1", "command:g2", ReferenceTimeline2024.BorderSecurityCommandId.Value })
        {
            (await marten.CommandAsync(new CommandId(id), query)).Should().BeEquivalentTo((await memory.CommandAsync(new CommandId(id), query)), o => o.WithStrictOrdering(), because);
        }
    }
}
