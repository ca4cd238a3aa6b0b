using Bogus;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using Marten;
using JasperFx;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenReliabilityTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    private static readonly Provenance Cited = Provenance.Of(Sources2024.NewFundingForTech);

    [Fact]
    public async Task EightWritersAcrossManyCommitmentsStoreEveryAcceptedRequestOnceAndReadsNeverSeeHalfARequest()
    {
        var ids = Enumerable.Range(1, 12).Select(i => $"funding:w{i}").ToArray();
        foreach (var id in ids)
        {
            await factory.Model.SubmitAsync(new PledgeFunding
            {
                CommitmentId = new(id),
                Recipient = new($"Recipient {id[^1]}"),
                Amount = Money.FromMillions(100),
                Basis = FundingBasis.Firm,
                OriginName = "Budget",
                Period = new FundingPeriod("test"),
                Purpose = "Test",
                AnnouncedBy = "Test",
                ValidOn = new LocalDate(2024, 1, 1),
                Provenance = Cited,
            });
        }

        var accepted = 0;
        var concurrency = 0;
        var rules = 0;
        var writing = true;
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (Volatile.Read(ref writing))
            {
                var portfolio = await factory.Model.FundingAsync(new AsOfQuery(new LocalDate(2025, 12, 31)));
                portfolio.Commitments.Should().OnlyContain(c => c.Allocated <= c.Amount, "no read shows a half-applied allocation or revision");
                portfolio.Commitments.Should().HaveCount(ids.Length);
                Interlocked.Increment(ref reads);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Randomizer(writer);
            for (var i = 0; i < 150; i++)
            {
                var id = random.ArrayElement(ids);
                var on = new LocalDate(2024, 1, 2).PlusDays(random.Int(0, 600));
                IBorderSecurityRequest request = random.Int(0, 2) switch
                {
                    0 => new AllocateFunding
                    {
                        CommitmentId = new(id),
                        Capability = $"Capability {random.Int(1, 4)}",
                        Amount = Money.FromMillions(random.Int(0, 40)),
                        ValidOn = on,
                        Provenance = Cited,
                    },
                    1 => new ReviseFunding
                    {
                        CommitmentId = new(id),
                        RevisedAmount = Money.FromMillions(random.Int(50, 150)),
                        Reason = "Test",
                        ValidOn = on,
                        Provenance = Cited,
                    },
                    _ => new ReannounceFunding
                    {
                        CommitmentId = new(id),
                        AnnouncedBy = $"Writer {writer}",
                        ValidOn = on,
                        Provenance = Cited,
                    },
                };
                try
                {
                    await factory.Model.SubmitAsync(request);
                    Interlocked.Increment(ref accepted);
                }
                catch (StreamConcurrencyException)
                {
                    Interlocked.Increment(ref concurrency);
                }
                catch (DomainRuleViolationException)
                {
                    Interlocked.Increment(ref rules);
                }
            }
        })));
        Volatile.Write(ref writing, false);
        await reader;

        (accepted + concurrency + rules).Should().Be(8 * 150);
        accepted.Should().BeGreaterThan(200);
        reads.Should().BePositive();
        var events = (await factory.Model.ReadAllAsync()).Where(e => ids.Contains(e.StreamId)).ToArray();
        events.Should().HaveCount(ids.Length + accepted, "every accepted request is stored exactly once");
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            stream.Select(e => e.Version).Should().Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v));
        }

        var memory = InMemoryBorderSecurityStore.Over(await factory.Model.ReadAllAsync());
        foreach (var date in new[] { new LocalDate(2024, 3, 1), new LocalDate(2024, 9, 1), new LocalDate(2025, 9, 1) })
        {
            (await factory.Model.FundingAsync(new AsOfQuery(date))).Should().BeEquivalentTo((await memory.FundingAsync(new AsOfQuery(date))), o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public async Task KillingPostgresMidImportLosesNothingDoublesNothingAndTheImportResumes()
    {
        using var server = PostgresServer.StartNew();
        using var store = DocumentStore.For(options =>
        {
            options.Connection(server.ConnectionString);
            options.DatabaseSchemaName = "fault";
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.AddBorderSecurity();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var model = new MartenBorderSecurityStore(store);
        var history = HistoryGenerator.Generate(seed: 42, requests: 400);
        // Each generated request is its own step: a history may repeat a request word for word (the same correction made
        // twice), and without ids two identical steps are one step (TimelineStep.Id), imported once.
        var steps = history.Requests.Select((r, i) => new TimelineStep(Instant.FromUtc(2024, 1, 1, 0, 0), r) { Id = $"generated-{i}" }).ToArray();
        var halfway = new TaskCompletionSource();

        var import = model.ImportAsync(steps, new InlineProgress(done =>
        {
            if (done == steps.Length / 2)
            {
                halfway.TrySetResult();
            }
        }));
        await halfway.Task;
        server.Kill();
        var failure = await FluentActions.Awaiting(() => import).Should().ThrowAsync<TimelineImportException>();
        failure.Which.Message.Should().Contain("Run the import again to resume");

        server.StartAgain();
        Npgsql.NpgsqlConnection.ClearAllPools();
        var resumed = await model.ImportAsync(steps);

        resumed.StepsAlreadyStored.Should().BeGreaterThanOrEqualTo(steps.Length / 2);
        var stored = await model.ReadAllAsync();
        stored.Select(e => e.Data).Should().BeEquivalentTo(history.Events.Select(e => e.Data),
            o => o.WithStrictOrdering().RespectingRuntimeTypes(), "no committed event is lost and none is stored twice");
        var query = new AsOfQuery(new LocalDate(2025, 6, 30));
        var inline = await model.FundingAsync(query);
        await model.RebuildProjectionsAsync();
        (await model.FundingAsync(query)).Should().BeEquivalentTo(inline, o => o.WithStrictOrdering(), "a rebuild matches the tables kept inline");
        inline.Should().BeEquivalentTo((await InMemoryBorderSecurityStore.Over(stored).FundingAsync(query)), o => o.WithStrictOrdering());
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
