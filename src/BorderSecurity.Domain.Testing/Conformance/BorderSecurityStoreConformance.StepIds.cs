using System.Text;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

// Idempotency of imports by step: what makes two import steps the same (docs/timeline-format.md, "Step ids").
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly Instant Morning = Instant.FromUtc(2024, 11, 4, 9, 0);

    private static IReadOnlyList<TimelineStep> TwoIdenticalReannouncements(string? firstId, string? secondId)
    {
        var pledge = Pledge("funding:steps", Money.FromMillions(75), new LocalDate(2024, 11, 4));
        var reannounce = new ReannounceFunding
        {
            CommitmentId = new("funding:steps"),
            AnnouncedBy = "Home Secretary",
            ValidOn = new LocalDate(2024, 11, 4),
            Provenance = Provenance.Of(Source("steps")),
        };
        return
        [
            new TimelineStep(Morning, pledge) { Id = "pledge" },
            new TimelineStep(Morning + Duration.FromHours(2), reannounce) { Id = firstId },
            new TimelineStep(Morning + Duration.FromHours(5), reannounce) { Id = secondId },
        ];
    }

    /// <summary>An identical request that is a distinct step is stored.</summary>
    [Fact]
    public async Task AnIdenticalRequestThatIsADistinctStepIsStored()
    {
        var store = await NewStoreAsync();
        var steps = TwoIdenticalReannouncements("reannounce-morning", "reannounce-evening");

        var imported = await store.ImportAsync(steps);

        imported.Should().Be(new ImportResult(3, 0));
        var stream = await store.ReadStreamAsync(new StreamId("funding:steps"));
        stream.Select(e => e.EventName).Should().Equal("funding.pledged.v2", "funding.reannounced.v1", "funding.reannounced.v1");
        stream.Select(e => e.KnownFrom).Should().Equal(steps.Select(s => s.KnownFrom));
        ConformanceReference.Of(steps).Events.Should().HaveCount(3, "the reference log keys steps the same way");
        await AssertMatchesOracleAsync(store, new AsOfQuery(new LocalDate(2024, 11, 5)));
    }

    /// <summary>Importing the same file again stores nothing.</summary>
    [Fact]
    public async Task ImportingTheSameFileAgainStoresNothing()
    {
        var store = await NewStoreAsync();
        var file = Encoding.UTF8.GetBytes(TimelineFile.Write(TwoIdenticalReannouncements("reannounce-morning", "reannounce-evening")));
        var steps = TimelineFile.Read(file);
        steps.Select(s => s.Id).Should().Equal("pledge", "reannounce-morning", "reannounce-evening");

        (await store.ImportAsync(steps)).Should().Be(new ImportResult(3, 0));
        var before = await store.ReadAllAsync();
        (await store.ImportAsync(TimelineFile.Read(file))).Should().Be(new ImportResult(0, 3));

        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    /// <summary>Without step ids an identical request is taken for a repeat.</summary>
    [Fact]
    public async Task WithoutStepIdsAnIdenticalRequestIsTakenForARepeat()
    {
        // Files written before step ids existed keep their meaning: the request's content is the step.
        var store = await NewStoreAsync();

        var imported = await store.ImportAsync(TwoIdenticalReannouncements(null, null));

        imported.Should().Be(new ImportResult(2, 1));
        (await store.ReadStreamAsync(new StreamId("funding:steps"))).Select(e => e.EventName).Should().Equal("funding.pledged.v2", "funding.reannounced.v1");
        (await store.ImportAsync(TwoIdenticalReannouncements(null, null))).Should().Be(new ImportResult(0, 3));
    }

    /// <summary>The same step id on the same request is one step.</summary>
    [Fact]
    public async Task TheSameStepIdOnTheSameRequestIsOneStep()
    {
        var store = await NewStoreAsync();

        var imported = await store.ImportAsync(TwoIdenticalReannouncements("reannounce", "reannounce"));

        imported.Should().Be(new ImportResult(2, 1));
        (await store.ReadStreamAsync(new StreamId("funding:steps"))).Should().HaveCount(2);
    }

    /// <summary>An invalid step id is rejected before anything is stored.</summary>
    [Fact]
    public async Task AnInvalidStepIdIsRejectedBeforeAnythingIsStored()
    {
        var store = await NewStoreAsync();
        var blank = () => new TimelineStep(Morning, Pledge("funding:blank", Money.FromMillions(1), new LocalDate(2024, 1, 1))) { Id = " " };
        blank.Should().Throw<ArgumentException>().WithParameterName(nameof(TimelineStep.Id));
        var tooLong = () => new TimelineStep(Morning, Pledge("funding:long", Money.FromMillions(1), new LocalDate(2024, 1, 1))) { Id = new string('x', 101) };
        tooLong.Should().Throw<ArgumentException>().WithParameterName(nameof(TimelineStep.Id));
        (await store.ReadAllAsync()).Should().BeEmpty();
    }
}
