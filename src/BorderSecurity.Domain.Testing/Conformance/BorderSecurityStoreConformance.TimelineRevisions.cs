using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

// A revised timeline (a step's sources changed) imported into a store holding the earlier revision: what docs/events.md
// ("Sources you can check") promises.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>A revised step is a new step and the import stops there storing nothing twice.</summary>
    [Fact]
    public async Task ARevisedStepIsANewStepAndTheImportStopsThereStoringNothingTwice()
    {
        var store = await NewStoreAsync();
        var first = (RecordEnactedLegislation)ReferenceTimeline2024.Steps[0].Request;
        var earlierRevision = ReferenceTimeline2024.Steps.ToList();
        earlierRevision[0] = earlierRevision[0] with { Request = first with { Provenance = Provenance.Of(Sources2024.CheckedFacts) } };
        await store.ImportAsync(earlierRevision);
        var stored = await store.ReadAllAsync();

        var refused = await FluentActions.Awaiting(() => store.ImportAsync(ReferenceTimeline2024.Steps))
            .Should().ThrowAsync<TimelineImportException>();
        refused.Which.Step.Should().Be(0, "the first step's sources changed, so it is a new step about a stream that exists");
        refused.Which.EventsStored.Should().Be(0);
        (await store.ReadAllAsync()).Should().HaveCount(stored.Count, "the earlier revision's history is left as it was");
    }
}
