using System.Text;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

// An idempotency key names one request: the same key with a different request is an error, never a silent repeat.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>A key reused for a different request is a conflict naming the key and stores nothing.</summary>
    [Fact]
    public async Task AKeyReusedForADifferentRequestIsAConflictNamingTheKeyAndStoresNothing()
    {
        var store = await NewStoreAsync();
        var pledge = Pledge("funding:key-a", Money.FromMillions(3), new LocalDate(2024, 1, 1));
        var first = await store.SubmitAsync(pledge, idempotencyKey: "client-key-1");
        var before = await store.ReadAllAsync();

        // Another stream, the same stream with another amount, the same stream with another request type.
        IBorderSecurityRequest[] others =
        [
            Pledge("funding:key-b", Money.FromMillions(3), new LocalDate(2024, 1, 1)),
            pledge with { Amount = Money.FromMillions(4) },
            new ReannounceFunding
            {
                CommitmentId = new("funding:key-a"),
                AnnouncedBy = "Home Secretary",
                ValidOn = new LocalDate(2024, 2, 1),
                Provenance = Provenance.Of(Source("key-a-again")),
            },
        ];
        foreach (var other in others)
        {
            var reuse = () => store.SubmitAsync(other, idempotencyKey: "client-key-1");
            var conflict = (await reuse.Should().ThrowAsync<IdempotencyKeyConflictException>()).Which;
            conflict.Key.Should().Be("client-key-1");
            conflict.StreamId.Should().Be(other.StreamId.Value);
            conflict.Message.Should().Contain("'client-key-1'");
        }

        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        (await store.ReadStreamAsync(new StreamId("funding:key-b"))).Should().BeEmpty();

        // The key still names the first request, and a new key stores the new one.
        var repeat = await store.SubmitAsync(pledge, idempotencyKey: "client-key-1");
        repeat.AlreadyRecorded.Should().BeTrue();
        repeat.Events.Select(e => (e.Sequence, e.Data)).Should().Equal(first.Events.Select(e => (e.Sequence, e.Data)));
        (await store.SubmitAsync(others[0], idempotencyKey: "client-key-2")).AlreadyRecorded.Should().BeFalse();
        (await store.ReadStreamAsync(new StreamId("funding:key-b"))).Should().ContainSingle();
    }

    /// <summary>Of concurrent different requests with one key one is stored and every other is a conflict.</summary>
    [Fact]
    public async Task OfConcurrentDifferentRequestsWithOneKeyOneIsStoredAndEveryOtherIsAConflict()
    {
        var store = await NewStoreAsync();
        IBorderSecurityRequest[] requests =
        [
            Pledge("funding:race-a", Money.FromMillions(1), new LocalDate(2024, 1, 1)),
            Pledge("funding:race-b", Money.FromMillions(2), new LocalDate(2024, 1, 1)),
            Pledge("funding:race-a", Money.FromMillions(3), new LocalDate(2024, 1, 1)),
        ];

        var outcomes = await Task.WhenAll(requests.Select(request => Task.Run(async () =>
        {
            try
            {
                return (Request: request, Stored: (await store.SubmitAsync(request, idempotencyKey: "race-key")).AlreadyRecorded ? "repeat" : "stored");
            }
            catch (IdempotencyKeyConflictException e) when (e.Key == "race-key")
            {
                return (Request: request, Stored: "conflict");
            }
        })));

        outcomes.Count(o => o.Stored == "stored").Should().Be(1);
        outcomes.Count(o => o.Stored == "conflict").Should().Be(requests.Length - 1);
        var winner = outcomes.Single(o => o.Stored == "stored").Request;
        (await store.ReadAllAsync()).Should().ContainSingle().Which.StreamId.Should().Be(winner.StreamId.Value);
        (await store.SubmitAsync(winner, idempotencyKey: "race-key")).AlreadyRecorded.Should().BeTrue();
    }

    /// <summary>An import step whose key was used for a different request stops the import naming the step and the key.</summary>
    [Fact]
    public async Task AnImportStepWhoseKeyWasUsedForADifferentRequestStopsTheImportNamingTheStepAndTheKey()
    {
        var store = await NewStoreAsync();
        var pledge = Pledge("funding:import-key", Money.FromMillions(5), new LocalDate(2024, 3, 1));
        TimelineStep[] steps =
        [
            new(Morning, Pledge("funding:import-first", Money.FromMillions(1), new LocalDate(2024, 3, 1))) { Id = "first" },
            new(Morning + Duration.FromHours(1), pledge) { Id = "pledge" },
        ];

        // Another request took the second step's key first (a key copied by hand, say).
        var squatter = Pledge("funding:squatter", Money.FromMillions(9), new LocalDate(2024, 3, 1));
        var key = IdempotencyKeys.For(steps[1]);
        await store.SubmitAsync(squatter, idempotencyKey: key);

        var import = () => store.ImportAsync(steps);

        var stopped = (await import.Should().ThrowAsync<TimelineImportException>()).Which;
        stopped.Step.Should().Be(1);
        stopped.EventsStored.Should().Be(1);
        stopped.Message.Should().Contain("step 1").And.Contain(key);
        stopped.InnerException.Should().BeOfType<IdempotencyKeyConflictException>().Which.Key.Should().Be(key);
        (await store.ReadStreamAsync(new StreamId("funding:import-key"))).Should().BeEmpty();
        (await store.ReadStreamAsync(new StreamId("funding:import-first"))).Should().ContainSingle();

        // Through a timeline file: the file's steps import the same way, and the failed step's line is found by its index.
        var file = Encoding.UTF8.GetBytes(TimelineFile.Write(steps));
        var fromFile = () => store.ImportAsync(TimelineFile.Read(file));
        var rejected = (await fromFile.Should().ThrowAsync<TimelineImportException>()).Which;
        rejected.Step.Should().Be(1);
        TimelineFile.StepLines(file).Should().HaveCount(2, "a reader finds the failed step's line by its index");
        rejected.Message.Should().Contain(key);
        (await store.ReadStreamAsync(new StreamId("funding:import-key"))).Should().BeEmpty();
    }
}
