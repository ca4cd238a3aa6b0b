using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;

namespace BorderSecurity.Domain.Conformance;

// The log's newest sequence number (IBorderSecurityLog.LastSequenceAsync): what versions every answer.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>The last sequence is 0 on an empty store and the newest event's after every write and import, and a repeat moves it not.</summary>
    [Fact]
    public async Task TheLastSequenceIsTheNewestEventsAndMovesOnlyWhenSomethingIsStored()
    {
        var store = await NewStoreAsync();
        (await store.LastSequenceAsync()).Should().Be(0, "nothing is stored yet");

        var pledge = Pledge("funding:last-sequence", Money.FromMillions(75), new LocalDate(2024, 11, 4));
        await store.SubmitAsync(pledge, idempotencyKey: "last-sequence-pledge");
        var afterSubmit = await store.LastSequenceAsync();
        afterSubmit.Should().Be((await store.ReadAllAsync())[^1].Sequence);

        (await store.SubmitAsync(pledge, idempotencyKey: "last-sequence-pledge")).AlreadyRecorded.Should().BeTrue();
        (await store.LastSequenceAsync()).Should().Be(afterSubmit, "a repeat stores nothing, so every answer is unchanged");

        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var afterImport = await store.LastSequenceAsync();
        afterImport.Should().BeGreaterThan(afterSubmit).And.Be((await store.ReadAllAsync())[^1].Sequence);
    }
}
