using System.Text;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Serialization;

/// <summary>Step ids in timeline files, and a file checked whole before it is imported.</summary>
public class TimelineFileStepTests
{
    private static readonly SourceReference Cited = new("steps.txt", "Step ids", new LocalDate(2024, 1, 1));

    private static IReadOnlyList<TimelineStep> Read(string json) => TimelineFile.Read(Encoding.UTF8.GetBytes(json));

    private static TimelineStep Pledge(string id, Instant knownFrom, int millions = 5) =>
        new(knownFrom, new PledgeFunding
        {
            CommitmentId = new(id),
            Recipient = new("Border Security Command"),
            Amount = Money.FromMillions(millions),
            Basis = FundingBasis.Firm,
            Period = new FundingPeriod("not stated"),
            Purpose = "steps",
            AnnouncedBy = "tester",
            ValidOn = new LocalDate(2024, 1, 1),
            Provenance = Provenance.Of(Cited),
        });

    [Fact]
    public void AStepIdRoundTripsAndAFileWithoutIdsStillReads()
    {
        var steps = new[] { Pledge("funding:a", Instant.FromUtc(2024, 1, 1, 12, 0)) with { Id = "first" }, Pledge("funding:b", Instant.FromUtc(2024, 1, 2, 12, 0)) };

        var text = TimelineFile.Write(steps);

        text.Should().Contain("\"id\": \"first\"");
        Read(text).Should().BeEquivalentTo(steps, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        Read(TimelineFile.Write(ReferenceTimeline2024.Steps)).Should().OnlyContain(s => s.Id == null);
    }

    [Fact]
    public void ADuplicateOrInvalidStepIdNamesItsLineAndField()
    {
        var text = TimelineFile.Write([Pledge("funding:a", Instant.FromUtc(2024, 1, 1, 12, 0)) with { Id = "same" },
            Pledge("funding:b", Instant.FromUtc(2024, 1, 2, 12, 0)) with { Id = "same" }]);
        var duplicate = () => Read(text);
        var error = duplicate.Should().Throw<TimelineFileException>().Which;
        error.Field.Should().Be("$.steps[1].id");
        error.Line.Should().Be(TimelineFile.StepLines(Encoding.UTF8.GetBytes(text))[1]);
        error.Detail.Should().Contain("step 0");

        var number = () => Read(text.Replace("\"id\": \"same\"", "\"id\": 7"));
        number.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].id");
        var blank = () => Read(text.Replace("\"id\": \"same\"", "\"id\": \" \""));
        blank.Should().Throw<TimelineFileException>().Which.Field.Should().Be("$.steps[0].id");
    }

    [Fact]
    public async Task AFileCheckedInAThrowawayStoreFirstLeavesTheStoreAsItWasWhenAStepIsRejected()
    {
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);
        await store.ImportAsync([Pledge("funding:before", Instant.FromUtc(2024, 1, 1, 12, 0))]);
        var before = await store.ReadAllAsync();

        // Two good steps, then one that breaks a rule (the commitment already exists): the throwaway import stops at it.
        var steps = new[]
        {
            Pledge("funding:a", Instant.FromUtc(2024, 2, 1, 12, 0)),
            Pledge("funding:b", Instant.FromUtc(2024, 2, 2, 12, 0)),
            Pledge("funding:a", Instant.FromUtc(2024, 2, 3, 12, 0), millions: 6),
        };
        var check = () => new InMemoryBorderSecurityStore(SystemClock.Instance).ImportAsync(steps);

        var error = (await check.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Step.Should().Be(2);
        error.InnerException.Should().BeOfType<DomainRuleViolationException>().Which.Rule.Should().Be("CommitmentAlreadyExists");
        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());

        // The same file without its bad step then imports, and its steps are not taken for repeats of the rejected attempt.
        var result = await store.ImportAsync(steps[..2]);
        result.StepsAlreadyStored.Should().Be(0);
        (await store.ReadAllAsync()).Skip(before.Count).Select(e => e.StreamId).Should().Equal("funding:a", "funding:b");
    }

    [Fact]
    public async Task AnImportedStepWhoseKeyNamesADifferentRequestIsRejectedNamingTheStepAndTheKeyAndStoresNothingOfIt()
    {
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);
        var steps = new[] { Pledge("funding:a", Instant.FromUtc(2024, 2, 1, 12, 0)), Pledge("funding:b", Instant.FromUtc(2024, 2, 2, 12, 0)) with { Id = "b" } };
        var key = IdempotencyKeys.For(steps[1]);
        await store.SubmitAsync(Pledge("funding:squatter", Instant.FromUtc(2024, 1, 1, 12, 0)).Request, idempotencyKey: key);

        var import = () => store.ImportAsync(steps);

        var error = (await import.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Step.Should().Be(1);
        error.Message.Should().Contain(key);
        error.InnerException.Should().BeOfType<IdempotencyKeyConflictException>().Which.Key.Should().Be(key);
        (await store.ReadStreamAsync(new StreamId("funding:b"))).Should().BeEmpty();
    }
}
