using BorderSecurity.Domain.Storage;
using System.Diagnostics;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// A series on Marten is one query (every statement the question knows, read at once), however many dates it changes on,
/// and answers what the in-memory projection answers: the model's one series algorithm evaluates each date in memory.
/// </summary>
public class MartenSeriesTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    [Fact]
    public async Task EverySeriesIsOneRoundTripAndAnswersAsInMemory()
    {
        await factory.Model.ImportAsync(ReferenceTimeline2024.Steps);
        foreach (var request in HistoryGenerator.Generate(seed: 31, requests: 150).Requests)
        {
            try
            {
                await factory.Model.SubmitAsync(request);
            }
            catch (DomainRuleViolationException)
            {
                // A generated request that clashes with the timeline's streams is rejected as usual.
            }
        }

        var events = await factory.Model.ReadAllAsync();
        var memory = InMemoryBorderSecurityStore.Over(events);
        var knownAt = events[events.Count / 2].KnownFrom;
        var recordedBy = events[events.Count * 2 / 3].RecordedAt;
        await factory.Model.FundingTotalsAsync(new AsOfQuery(new LocalDate(2024, 1, 1))); // the store's first command readies its schema
        var command = ReferenceTimeline2024.BorderSecurityCommand;
        var organisation = new Organisation(events.Select(e => e.Data).OfType<Recruitment.RecruitmentTargetSet>().First().Organisation);

        foreach (var (knows, at, by) in new[] { ("everything", (Instant?)null, (Instant?)null), ("known at", knownAt, null), ("recorded by", null, recordedBy) })
        {
            var question = new AsOfQuery(LocalDate.MaxIsoValue, at, by);
            using (var counted = new CommandCounter(factory.Schema))
            {
                var series = await factory.Model.FundingSeriesAsync(question);
                series.Should().Equal(await memory.FundingSeriesAsync(question), knows).And.HaveCountGreaterThan(5, "the series changes on many dates");
                counted.Commands.Should().ContainSingle(knows);
            }

            using (var counted = new CommandCounter(factory.Schema))
            {
                (await factory.Model.FundingSeriesOfAsync(command, question)).Should().Equal(await memory.FundingSeriesOfAsync(command, question), knows);
                counted.Commands.Should().ContainSingle(knows);
            }

            using (var counted = new CommandCounter(factory.Schema))
            {
                (await factory.Model.HeadcountSeriesAsync(question)).Should().Equal(await memory.HeadcountSeriesAsync(question), knows);
                counted.Commands.Should().ContainSingle(knows);
            }

            using (var counted = new CommandCounter(factory.Schema))
            {
                (await factory.Model.HeadcountSeriesOfAsync(organisation, question)).Should().Equal(await memory.HeadcountSeriesOfAsync(organisation, question), knows);
                counted.Commands.Should().ContainSingle(knows);
            }
        }
    }

    /// <summary>
    /// Counts the commands Npgsql sends that name a schema (its tracing: one activity per command executed), so a test sees
    /// how many round trips a question takes; commands of other test classes name other schemas.
    /// </summary>
    private sealed class CommandCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<string> _commands = [];

        public CommandCounter(string schema)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if ((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string text && text.Contains(schema + ".", StringComparison.Ordinal))
                    {
                        lock (_commands)
                        {
                            _commands.Add(text);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<string> Commands
        {
            get
            {
                lock (_commands)
                {
                    return [.. _commands];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
