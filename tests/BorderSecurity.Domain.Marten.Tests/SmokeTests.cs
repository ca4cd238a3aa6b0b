using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;

namespace BorderSecurity.Domain.Marten.Tests;

public class SmokeTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    [Fact]
    public async Task TheTimelineReplaysAndTheTablesMatchTheEvents()
    {
        foreach (var step in ReferenceTimeline2024.Steps)
        {
            await factory.Model.SubmitAsync(step.Request);
        }

        var events = await factory.Model.ReadAllAsync();
        var memory = BorderSecurityProjection.Of(events);
        var query = new AsOfQuery(new LocalDate(2024, 11, 5));
        (await factory.Model.FundingAsync(query)).Should().BeEquivalentTo(memory.Funding(query), o => o.WithStrictOrdering());
        (await factory.Model.TimelineAsync(query)).Should().BeEquivalentTo(memory.Timeline(query), o => o.WithStrictOrdering());
    }
}
