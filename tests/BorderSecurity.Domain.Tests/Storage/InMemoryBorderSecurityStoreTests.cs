using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using NodaTime.Testing;
using static BorderSecurity.Domain.Tests.Support.Facts;

namespace BorderSecurity.Domain.Tests.Storage;

public class InMemoryBorderSecurityStoreTests
{
    private const string Id = "funding:test";
    private const string Bsc = "Border Security Command";

    private static readonly Instant Later = Instant.FromUtc(2025, 6, 1, 9, 0);

    private static PledgeFunding Pledge(string id = Id, decimal millions = 75) =>
        new PledgeFunding
        {
            CommitmentId = new(id),
            Recipient = new(Bsc),
            Amount = M(millions),
            Basis = FundingBasis.Firm,
            OriginName = "Autumn Budget 2024",
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        };

    private static AsOfQuery AsOf(int month, int day, Instant? knownAt = null, Instant? recordedBy = null) => new(On(month, day), knownAt, recordedBy);

    [Fact]
    public async Task ASubmittedRequestIsStoredKnownFromItsRecordingAndCountsAtOnce()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0));
        var store = new InMemoryBorderSecurityStore(clock);

        var result = await store.SubmitAsync(Pledge());

        result.AlreadyRecorded.Should().BeFalse();
        result.Events.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Sequence = 1L, StreamId = Id, Version = 1L, RecordedAt = clock.GetCurrentInstant(), KnownFrom = clock.GetCurrentInstant(),
        });
        (await store.ReadAllAsync()).Should().Equal(result.Events);
        (await store.ReadStreamAsync(new StreamId(Id))).Should().Equal(result.Events);
        (await store.FundingAsync(AsOf(11, 5))).Totals.Total.Should().Be(M(75));
        (await store.FundingTotalsAsync(AsOf(11, 5))).Total.Should().Be(M(75));
        (await store.FundingTotalsOfAsync(new Organisation(Bsc), AsOf(11, 5))).Total.Should().Be(M(75));
        (await store.FundingOfAsync(new Organisation(Bsc), AsOf(11, 5))).Totals.Total.Should().Be(M(75));
        (await store.FundingAsync(AsOf(11, 3))).Totals.Total.Should().Be(Money.Zero);
        (await store.FundingAsync(AsOf(11, 5, knownAt: Instant.FromUtc(2024, 11, 4, 11, 0)))).Totals.Total.Should().Be(Money.Zero);
    }

    [Fact]
    public async Task AnIdempotencyKeyStoresARequestOnceAndTheProjectionCountsItOnce()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0)));
        var first = await store.SubmitAsync(Pledge(), idempotencyKey: "pledge:1");

        var second = await store.SubmitAsync(Pledge(), idempotencyKey: "pledge:1");

        second.Should().BeEquivalentTo(new { AlreadyRecorded = true, first.Events });
        store.Count.Should().Be(1);
        (await store.FundingTotalsAsync(AsOf(11, 5))).Total.Should().Be(M(75));
    }

    [Fact]
    public async Task AStaleExpectedVersionBrokenRuleOrInvalidArgumentStoresNothing()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0)));
        await store.SubmitAsync(Pledge());

        await FluentActions.Awaiting(() => store.SubmitAsync(new ReannounceFunding
        {
            CommitmentId = new(Id),
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        }, expectedVersion: 0))
            .Should().ThrowAsync<StreamConcurrencyException>();
        await FluentActions.Awaiting(() => store.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new(Id),
            Capability = "Cameras",
            Amount = M(80),
            ValidOn = On(11, 5),
            Provenance = Cited,
        }))
            .Should().ThrowAsync<DomainRuleViolationException>();
        (await FluentActions.Awaiting(() => store.SubmitAsync(Pledge("funding:other") with { Purpose = "" }))
            .Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("Purpose");

        store.Count.Should().Be(1);
        (await store.TimelineAsync(AsOf(12, 31))).Should().ContainSingle();
    }

    [Fact]
    public async Task EveryMemberHonoursACancelledToken()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ct = cancelled.Token;
        var q = AsOf(11, 5);

        Func<Task>[] calls =
        [
            () => store.SubmitAsync(Pledge(), cancellationToken: ct),
            () => store.ImportAsync(ReferenceTimeline2024.Steps, cancellationToken: ct),
            () => store.ReadAllAsync(cancellationToken: ct),
            () => store.ReadStreamAsync(new StreamId(Id), ct),
            () => store.FundingAsync(q, ct),
            () => store.FundingOfAsync(new Organisation(Bsc), q, ct),
            () => store.FundingTotalsAsync(q, cancellationToken: ct),
            () => store.RecruitmentAsync(q, ct),
            () => store.LegislationAsync(q, ct),
            () => store.CommandAsync(new CommandId("command:bsc"), q, ct),
            () => store.TimelineAsync(q, ct),
            () => store.FundingSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue), cancellationToken: ct),
            () => store.HeadcountSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue), cancellationToken: ct),
        ];

        foreach (var call in calls)
        {
            await call.Should().ThrowAsync<OperationCanceledException>();
        }

        store.Count.Should().Be(0);
    }

    [Fact]
    public async Task AnImportKeepsEachStepsKnownFromAndRecordsItNow()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Later));
        var counts = new List<int>();

        var result = await store.ImportAsync(ReferenceTimeline2024.Steps, new SyncProgress(counts.Add));

        var events = await store.ReadAllAsync();
        result.Should().Be(new ImportResult(events.Count, 0));
        counts.Should().Equal(Enumerable.Range(1, ReferenceTimeline2024.Steps.Count));
        events.Should().OnlyContain(e => e.RecordedAt == Later);
        events.Select(e => e.KnownFrom).Should().BeSubsetOf(ReferenceTimeline2024.Steps.Select(s => s.KnownFrom));

        // Known at 1 October 2024 (before the Budget), as known then: the September redirect only.
        var known = Instant.FromUtc(2024, 10, 1, 0, 0);
        (await store.FundingTotalsOfAsync(new Organisation(Bsc), AsOf(11, 5, known))).Total.Should().Be(M(75));
        (await store.FundingTotalsOfAsync(new Organisation(Bsc), AsOf(11, 5))).Total.Should().Be(M(150));

        // The audit view: recorded by an instant before the import, this store knew nothing.
        (await store.FundingTotalsOfAsync(new Organisation(Bsc), AsOf(11, 5, recordedBy: Later - Duration.FromSeconds(1)))).Total.Should().Be(Money.Zero);
        (await store.FundingSeriesOfAsync(new Organisation(Bsc), new AsOfQuery(LocalDate.MaxIsoValue, RecordedBy: Later - Duration.FromSeconds(1)))).Should().BeEmpty();
        (await store.FundingSeriesOfAsync(new Organisation(Bsc), new AsOfQuery(LocalDate.MaxIsoValue, known))).Should().ContainSingle();
        (await store.HeadcountSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue, RecordedBy: Later))).Should().NotBeEmpty();
    }

    [Fact]
    public async Task ImportingTwiceStoresNothingNewAndCountsTheStepsAlreadyStored()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Later));
        var first = await store.ImportAsync(ReferenceTimeline2024.Steps);

        var second = await store.ImportAsync(ReferenceTimeline2024.Steps);

        second.Should().Be(new ImportResult(0, ReferenceTimeline2024.Steps.Count));
        store.Count.Should().Be(first.EventsStored);
    }

    [Fact]
    public async Task AStepKnownFromAfterTheClocksNowIsRejectedAndTheStepsBeforeStayStored()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0));
        var store = new InMemoryBorderSecurityStore(clock);
        TimelineStep[] steps =
        [
            new(Instant.FromUtc(2024, 11, 4, 9, 0), Pledge("funding:a")),
            new(Instant.FromUtc(2024, 11, 4, 13, 0), Pledge("funding:b")),
        ];

        var act = () => store.ImportAsync(steps);

        var error = (await act.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Should().BeEquivalentTo(new { Step = 1, EventsStored = 1, StepsAlreadyStored = 0 });
        error.Message.Should().Contain("step 1").And.Contain("PledgeFunding").And.Contain("funding:b");
        (await store.ReadAllAsync()).Should().ContainSingle().Which.StreamId.Should().Be("funding:a");
        (await store.FundingTotalsAsync(AsOf(12, 31))).Total.Should().Be(M(75));

        clock.Reset(Instant.FromUtc(2024, 11, 5, 0, 0));
        (await store.ImportAsync(steps)).Should().Be(new ImportResult(1, 1));
    }

    [Fact]
    public async Task ARejectedStepNamesItsIndexAndKeepsTheStepsBefore()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Later));
        var known = Instant.FromUtc(2024, 11, 4, 9, 0);
        TimelineStep[] steps =
        [
            new(known, Pledge()),
            new(known, new AllocateFunding
            {
                CommitmentId = new(Id),
                Capability = "Cameras",
                Amount = M(10),
                ValidOn = On(11, 5),
                Provenance = Cited,
            }),
            new(known, new AllocateFunding
            {
                CommitmentId = new(Id),
                Capability = "Boats",
                Amount = M(80),
                ValidOn = On(11, 5),
                Provenance = Cited,
            }),
            new(known, Pledge("funding:never")),
        ];

        var act = () => store.ImportAsync(steps);

        var error = (await act.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Should().BeEquivalentTo(new { Step = 2, EventsStored = 2, StepsAlreadyStored = 0 });
        error.InnerException.Should().BeOfType<DomainRuleViolationException>();
        error.Message.Should().Contain("step 2");
        store.Count.Should().Be(2);

        var invalid = () => store.ImportAsync([new TimelineStep(known, Pledge("funding:c") with { Purpose = "" })]);
        (await invalid.Should().ThrowAsync<TimelineImportException>()).Which.Should().BeEquivalentTo(new { Step = 0, EventsStored = 0 });
    }

    [Fact]
    public async Task TimelineFileStepsImportThroughTheContractAndARejectionNamesTheStepAndField()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Later));
        var text = TimelineFile.Write(ReferenceTimeline2024.Steps.Take(3));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);

        var result = await store.ImportAsync(TimelineFile.Read(bytes));

        result.EventsStored.Should().Be(3);
        var future = new[] { ReferenceTimeline2024.Steps[3] with { KnownFrom = Later + Duration.FromDays(1) } };
        var act = () => store.ImportAsync(future);
        var error = (await act.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Step.Should().Be(0);
        error.InnerException.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(TimelineStep.KnownFrom));
    }

    [Fact]
    public async Task AQuestionNeverSeesHalfAWrite()
    {
        // The log is read first and the timeline after: had a write reached the log before the projection, a reader
        // could see more events in the log than the projection answers with.
        var store = new InMemoryBorderSecurityStore(new FakeClock(Later));
        var known = Instant.FromUtc(2024, 11, 4, 9, 0);
        var steps = Enumerable.Range(0, 300).Select(i => new TimelineStep(known, Pledge($"funding:p{i}", 1))).ToArray();
        using var done = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            var checks = 0;
            while (!done.IsCancellationRequested || checks == 0)
            {
                var events = await store.ReadAllAsync();
                var timeline = await store.TimelineAsync(AsOf(12, 31));
                timeline.Count.Should().BeGreaterThanOrEqualTo(events.Count);
                checks++;
            }

            return checks;
        });
        await store.ImportAsync(steps);
        await done.CancelAsync();

        (await reader).Should().BePositive();
        (await store.FundingTotalsAsync(AsOf(12, 31))).Total.Should().Be(M(300));
        (await store.ReadAllAsync()).Should().HaveCount(300);
    }

    [Fact]
    public async Task ConcurrentWritersAndReadersKeepTheProjectionInStepWithTheLog()
    {
        var store = new InMemoryBorderSecurityStore(new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0)));
        await store.SubmitAsync(Pledge(millions: 1000));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await store.SubmitAsync(new AllocateFunding
                {
                    CommitmentId = new(Id),
                    Capability = $"unit {writer}-{i}",
                    Amount = M(1),
                    ValidOn = On(11, 5),
                    Provenance = Cited,
                });
                var log = await store.ReadStreamAsync(new StreamId(Id));
                var portfolio = await store.FundingAsync(AsOf(12, 31));
                portfolio.Totals.Allocated.Should().BeGreaterThanOrEqualTo(M(log.Count - 1));
            }
        })));

        (await store.FundingTotalsAsync(AsOf(12, 31))).Allocated.Should().Be(M(400));
        store.Count.Should().Be(401);
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
