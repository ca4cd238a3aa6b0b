using BorderSecurity.Domain.Conformance;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Conformance;

/// <summary>The store conformance suite against the embedded in-memory store.</summary>
public sealed class InMemoryConformanceTests : BorderSecurityStoreConformance
{
    /// <inheritdoc />
    protected override Task<IBorderSecurityStore> NewStoreAsync(IClock clock) =>
        Task.FromResult<IBorderSecurityStore>(new InMemoryBorderSecurityStore(clock));
}
