using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Storage;
using NodaTime.Testing;
using static BorderSecurity.Domain.Tests.Support.Facts;

namespace BorderSecurity.Domain.Tests.Storage;

public class InMemoryEventStoreTests
{
    private const string Id = "funding:test";

    private static readonly FakeClock Clock = new(Instant.FromUtc(2024, 11, 4, 12, 0));

    private static PledgeFunding Pledge(string id = Id) =>
        new PledgeFunding
        {
            CommitmentId = new(id),
            Recipient = new("Border Security Command"),
            Amount = M(75),
            Basis = FundingBasis.Firm,
            OriginName = "Autumn Budget 2024",
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        };

    [Fact]
    public void ASubmittedRequestIsRecordedWithTheClocksInstant()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0));
        var store = new InMemoryEventStore(clock);

        var recorded = store.Submit(Pledge());

        recorded.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Sequence = 1L, StreamId = Id, Version = 1L, RecordedAt = clock.GetCurrentInstant(), EventName = "funding.pledged.v2",
        });
        store.ReadStream(Id).Should().Equal(recorded);
        store.ReadAll().Should().Equal(recorded);
    }

    [Fact]
    public void AStaleWriterGetsAConcurrencyErrorAndNothingIsWritten()
    {
        var store = new InMemoryEventStore(Clock);
        store.Submit(Pledge());
        store.Submit(new AllocateFunding
        {
            CommitmentId = new(Id),
            Capability = "Cameras",
            Amount = M(10),
            ValidOn = On(11, 5),
            Provenance = Cited,
        }, expectedVersion: 1);

        var stale = () => store.Submit(new AllocateFunding
        {
            CommitmentId = new(Id),
            Capability = "Unit",
            Amount = M(10),
            ValidOn = On(11, 5),
            Provenance = Cited,
        }, expectedVersion: 1);

        stale.Should().Throw<StreamConcurrencyException>().Which.Should().BeEquivalentTo(new { StreamId = Id, ExpectedVersion = 1L, ActualVersion = 2L });
        store.Count.Should().Be(2);
    }

    [Fact]
    public void AppendingAtAStaleVersionWritesNothing()
    {
        var store = new InMemoryEventStore(Clock);
        var events = BorderSecurityDecider.Decide([], Pledge());
        store.Append(Id, 0, events);

        var act = () => store.Append(Id, 0, events);

        act.Should().Throw<StreamConcurrencyException>();
        store.Count.Should().Be(1);
    }

    [Fact]
    public void ABrokenRuleLeavesTheStoreUnchanged()
    {
        var store = new InMemoryEventStore(Clock);
        store.Submit(Pledge());

        var act = () => store.Submit(new AllocateFunding
        {
            CommitmentId = new(Id),
            Capability = "Cameras",
            Amount = M(80),
            ValidOn = On(11, 5),
            Provenance = Cited,
        });

        act.Should().Throw<DomainRuleViolationException>().Which.Should().BeEquivalentTo(new
        {
            Aggregate = "FundingCommitment", Rule = "AllocationsCannotExceedCommitment",
        });
        store.Count.Should().Be(1);
    }

    [Fact]
    public void AnInvalidArgumentLeavesTheStoreUnchangedAndNamesTheField()
    {
        var store = new InMemoryEventStore(Clock);

        var act = () => store.Submit(Pledge() with { Purpose = "" });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Purpose");
        store.Count.Should().Be(0);
    }

    [Fact]
    public void AnEventOfAnotherStreamCannotBeAppended()
    {
        var store = new InMemoryEventStore(Clock);
        var events = BorderSecurityDecider.Decide([], Pledge("funding:other"));

        var act = () => store.Append(Id, 0, events);

        act.Should().Throw<ArgumentException>().WithMessage("*stream 'funding:other'*");
        store.Count.Should().Be(0);
    }

    [Fact]
    public void RecordedInstantsNeverGoBackwardsWhenTheClockDoes()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0));
        var store = new InMemoryEventStore(clock);
        store.Submit(Pledge("funding:a"));
        clock.Reset(Instant.FromUtc(2024, 1, 1, 0, 0));

        var second = store.Submit(Pledge("funding:b"));

        second[0].RecordedAt.Should().Be(Instant.FromUtc(2024, 11, 4, 12, 0));
    }

    [Fact]
    public async Task ConcurrentWritersToOneStreamEachStoreOnceOrGetAConcurrencyError()
    {
        var store = new InMemoryEventStore(Clock);
        store.Submit(Pledge());
        var conflicts = 0;
        var accepted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var version = store.VersionOf(Id);
                try
                {
                    store.Submit(new ReannounceFunding
                    {
                        CommitmentId = new(Id),
                        AnnouncedBy = $"writer {writer}",
                        ValidOn = On(11, 4),
                        Provenance = Cited,
                    }, version);
                    Interlocked.Increment(ref accepted);
                }
                catch (StreamConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        accepted.Should().BePositive();
        (accepted + conflicts).Should().Be(1_600);
        store.ReadStream(Id).Should().HaveCount(accepted + 1);
        store.ReadStream(Id).Select(e => e.Version).Should().Equal(Enumerable.Range(1, accepted + 1).Select(v => (long)v));
        store.ReadAll().Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void ARequestWithAKeyAlreadySeenStoresNothingAndReturnsTheFirstEvents()
    {
        var store = new InMemoryEventStore(Clock);
        var reannounce = new ReannounceFunding
        {
            CommitmentId = new(Id),
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        };
        store.Submit(Pledge());
        var first = store.Submit(reannounce, "announcement:001");

        var second = store.Submit(reannounce, "announcement:001");

        first.AlreadyRecorded.Should().BeFalse();
        second.Should().BeEquivalentTo(new { AlreadyRecorded = true, first.Events });
        store.Count.Should().Be(2);
    }

    [Fact]
    public async Task ConcurrentSubmissionsWithOneKeyStoreItOnce()
    {
        var store = new InMemoryEventStore(Clock);
        store.Submit(Pledge());
        var request = new ReannounceFunding
        {
            CommitmentId = new(Id),
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        };
        var key = Domain.Serialization.IdempotencyKeys.For(request);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            try
            {
                return store.Submit(request, key);
            }
            catch (StreamConcurrencyException)
            {
                return null;
            }
        })));

        results.Count(r => r is { AlreadyRecorded: false }).Should().Be(1);
        store.ReadStream(Id).Should().HaveCount(2);
    }

    [Fact]
    public void ABlankIdempotencyKeyIsRejected()
    {
        var store = new InMemoryEventStore(Clock);

        var act = () => store.Submit(Pledge(), " ");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("key");
        store.Count.Should().Be(0);
    }
}
