using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Testing;

/// <summary>
/// The generator's store: an <see cref="InMemoryBorderSecurityStore"/> asked through its contract. The in-memory store
/// completes every call before it returns, so waiting on it here never blocks.
/// </summary>
internal sealed class GeneratorStore(IClock clock)
{
    private readonly InMemoryBorderSecurityStore _store = new(clock);

    public IReadOnlyList<RecordedEvent> Submit(IBorderSecurityRequest request) => _store.SubmitAsync(request).GetAwaiter().GetResult().Events;

    public IReadOnlyList<RecordedEvent> ReadAll() => _store.ReadAllAsync().GetAwaiter().GetResult();

    public IReadOnlyList<RecordedEvent> ReadStream(string streamId) => _store.ReadStreamAsync(new StreamId(streamId)).GetAwaiter().GetResult();
}
