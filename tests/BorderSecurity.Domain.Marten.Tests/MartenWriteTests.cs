using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenWriteTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    private static readonly Provenance Cited = Provenance.Of(Sources2024.NewFundingForTech);

    private static RedirectFunding Redirect(string id) => new RedirectFunding
    {
        CommitmentId = new(id),
        Recipient = new("Border Security Command"),
        Amount = Money.FromMillions(75),
        Basis = FundingBasis.UpTo,
        FromProgramme = "Illegal Migration Act 2023",
        Period = new FundingPeriod("not stated"),
        Purpose = "Technology",
        AnnouncedBy = "Home Secretary",
        ValidOn = new LocalDate(2024, 9, 17),
        Provenance = Cited,
    };

    [Fact]
    public async Task AStaleWriterGetsAConcurrencyErrorAndNothingIsWritten()
    {
        const string id = "funding:stale";
        await factory.Model.SubmitAsync(Redirect(id));
        await factory.Model.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new(id),
            Capability = "Cameras",
            Amount = Money.FromMillions(10),
            ValidOn = new LocalDate(2024, 10, 1),
            Provenance = Cited,
        }, expectedVersion: 1);

        var stale = () => factory.Model.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new(id),
            Capability = "Unit",
            Amount = Money.FromMillions(10),
            ValidOn = new LocalDate(2024, 10, 1),
            Provenance = Cited,
        }, expectedVersion: 1);

        (await stale.Should().ThrowAsync<StreamConcurrencyException>()).Which.Should().BeEquivalentTo(new { ExpectedVersion = 1L, ActualVersion = 2L });
        (await factory.Model.ReadAllAsync()).Where(e => e.StreamId == id).Should().HaveCount(2);
    }

    [Fact]
    public async Task AStoreWhoseKeptHistoryIsStaleDecidesAgainOnAFreshRead()
    {
        const string id = "funding:two-stores";
        var first = new MartenBorderSecurityStore(factory.Store);
        var second = new MartenBorderSecurityStore(factory.Store);
        await first.SubmitAsync(Redirect(id));
        await first.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new(id),
            Capability = "Cameras",
            Amount = Money.FromMillions(50),
            ValidOn = new LocalDate(2024, 10, 1),
            Provenance = Cited,
        });

        // The second store withdraws the commitment; the first still keeps the history without the withdrawal.
        await second.SubmitAsync(new WithdrawFunding
        {
            CommitmentId = new(id),
            Reason = "Spending review",
            ValidOn = new LocalDate(2024, 10, 5),
            Provenance = Cited,
        });

        // Deciding on the kept history would accept this allocation; the append's version check catches the stale
        // history and the fresh read rejects it, naming the rule.
        var allocate = () => first.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new(id),
            Capability = "Unit",
            Amount = Money.FromMillions(10),
            ValidOn = new LocalDate(2024, 10, 6),
            Provenance = Cited,
        });
        (await allocate.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be("CommitmentWithdrawn");

        // A request that is fine on the fresh history is stored, after the other store's events, with the next version.
        var reannounced = await first.SubmitAsync(new ReannounceFunding
        {
            CommitmentId = new(id),
            AnnouncedBy = "Minister",
            ValidOn = new LocalDate(2024, 10, 7),
            Provenance = Cited,
        });
        reannounced.Events.Single().Version.Should().Be(4);

        // A stale expected version is still the caller's conflict, kept history or not.
        var stale = () => second.SubmitAsync(new ReannounceFunding
        {
            CommitmentId = new(id),
            AnnouncedBy = "Minister",
            ValidOn = new LocalDate(2024, 10, 8),
            Provenance = Cited,
        }, expectedVersion: 3);
        (await stale.Should().ThrowAsync<StreamConcurrencyException>()).Which.Should().BeEquivalentTo(new { ExpectedVersion = 3L, ActualVersion = 4L });
        (await factory.Model.ReadAllAsync()).Where(e => e.StreamId == id).Select(e => e.Version).Should().Equal(1L, 2L, 3L, 4L);
    }

    [Fact]
    public void TheStreamCacheCapacityCannotBeNegative()
    {
        var create = () => new MartenBorderSecurityStore(factory.Store, streamCacheCapacity: -1);
        create.Should().Throw<ArgumentException>().WithParameterName("streamCacheCapacity");
    }

    [Fact]
    public async Task ConcurrentWritersToOneStreamNeverInterleave()
    {
        const string id = "funding:race";
        await factory.Model.SubmitAsync(Redirect(id));
        var accepted = 0;
        var conflicts = 0;
        var written = new System.Collections.Concurrent.ConcurrentBag<(long Sequence, string AnnouncedBy)>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async writer =>
        {
            for (var i = 0; i < 200; i++)
            {
                try
                {
                    var result = await factory.Model.SubmitAsync(new ReannounceFunding
                    {
                        CommitmentId = new(id),
                        AnnouncedBy = $"writer {writer} write {i}",
                        ValidOn = new LocalDate(2024, 11, 4),
                        Provenance = Cited,
                    });
                    foreach (var e in result.Events)
                    {
                        written.Add((e.Sequence, ((FundingReannounced)e.Data).AnnouncedBy));
                    }

                    Interlocked.Increment(ref accepted);
                }
                catch (StreamConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }));

        (accepted + conflicts).Should().Be(1_600);
        accepted.Should().BePositive("a conflict means another writer's append won, so some writes are always accepted");
        var stream = (await factory.Model.ReadAllAsync()).Where(e => e.StreamId == id).ToArray();
        stream.Should().HaveCount(accepted + 1);
        stream.Select(e => e.Version).Should().Equal(Enumerable.Range(1, accepted + 1).Select(v => (long)v));

        // Exactly the accepted writes are in the stream, each once, and nothing of a rejected write.
        stream.Skip(1).Select(e => (e.Sequence, ((FundingReannounced)e.Data).AnnouncedBy))
            .Should().BeEquivalentTo(written, "every accepted write, and only those, is stored");
    }

    [Fact]
    public async Task ABrokenRuleStoresNothingAndNamesTheRule()
    {
        const string id = "funding:rule";
        await factory.Model.SubmitAsync(Redirect(id));

        var act = () => factory.Model.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new(id),
            Capability = "Cameras",
            Amount = Money.FromMillions(80),
            ValidOn = new LocalDate(2024, 10, 1),
            Provenance = Cited,
        });

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be("AllocationsCannotExceedCommitment");
        (await factory.Model.ReadAllAsync()).Where(e => e.StreamId == id).Should().ContainSingle();
    }

    [Fact]
    public async Task ARecipientOfTheWrongAggregateIsRejectedAndNothingIsStored()
    {
        const string id = "funding:twice";
        await factory.Model.SubmitAsync(Redirect(id));

        var act = () => factory.Model.SubmitAsync(Redirect(id));

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be("CommitmentAlreadyExists");
        (await factory.Model.ReadAllAsync()).Where(e => e.StreamId == id).Should().ContainSingle();
    }

    [Fact]
    public async Task EventsAreStoredUnderTheirStableWireNames()
    {
        const string id = "funding:wire";
        var recorded = await factory.Model.SubmitAsync(Redirect(id));

        await using var connection = await factory.Model.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand($"select type from {factory.Schema}.mt_events where seq_id = {recorded.Events[0].Sequence}", connection);
        (await command.ExecuteScalarAsync()).Should().Be("funding.redirected.v2");
    }

    [Fact]
    public async Task AServiceCanConfigureTheModelThroughAddMarten()
    {
        var schema = factory.Schema + "_di";
        var services = new ServiceCollection();
        services.AddMarten(options =>
        {
            options.Connection(Testing.PostgresServer.Instance.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.AddBorderSecurity();
        });
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var model = new MartenBorderSecurityStore(store);

        await model.SubmitAsync(Redirect("funding:di"));

        (await model.FundingAsync(new AsOfQuery(new LocalDate(2024, 10, 1)))).Totals.Ceiling.Should().Be(Money.FromMillions(75));
        await using var connection = await model.OpenConnectionAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"drop schema {schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task ARequestWithAKeyAlreadySeenStoresNothingAndReturnsTheFirstEvents()
    {
        const string id = "funding:idempotent";
        var redirect = Redirect(id);
        var key = Serialization.IdempotencyKeys.For(redirect);
        var first = await factory.Model.SubmitAsync(redirect, idempotencyKey: key);

        var second = await factory.Model.SubmitAsync(redirect, idempotencyKey: key);

        first.AlreadyRecorded.Should().BeFalse();
        second.AlreadyRecorded.Should().BeTrue();
        second.Events.Select(e => e.Sequence).Should().Equal(first.Events.Select(e => e.Sequence));
        (await factory.Model.ReadAllAsync()).Where(e => e.StreamId == id).Should().ContainSingle();
    }

    [Fact]
    public async Task ConcurrentSubmissionsWithOneKeyStoreItOnce()
    {
        const string id = "funding:idempotent-race";
        await factory.Model.SubmitAsync(Redirect(id));
        var request = new ReannounceFunding
        {
            CommitmentId = new(id),
            AnnouncedBy = "PM",
            ValidOn = new LocalDate(2024, 11, 4),
            Provenance = Cited,
        };
        var key = Serialization.IdempotencyKeys.For(request);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return await factory.Model.SubmitAsync(request, idempotencyKey: key);
            }
            catch (StreamConcurrencyException)
            {
                return null;
            }
        }));

        results.Count(r => r is { AlreadyRecorded: false }).Should().Be(1);
        (await factory.Model.ReadAllAsync()).Where(e => e.StreamId == id).Should().HaveCount(2);
    }
}
