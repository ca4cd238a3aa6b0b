using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;
using JasperFx;
using Marten;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenAsyncTablesTests
{
    [Fact]
    public async Task TablesKeptByTheAsyncDaemonAnswerLikeTheInMemoryFoldOnceCaughtUp()
    {
        var schema = $"async_{Guid.NewGuid():N}"[..24];
        using var store = DocumentStore.For(options =>
        {
            options.Connection(PostgresServer.Instance.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.AddBorderSecurity(BorderSecurityTablesMode.Async);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var model = new MartenBorderSecurityStore(store);
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();

        foreach (var request in HistoryGenerator.Generate(seed: 31, requests: 120).Requests)
        {
            await model.SubmitAsync(request);
        }

        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(60));
        await daemon.StopAllAsync();

        var events = await model.ReadAllAsync();
        events.Should().NotBeEmpty();
        var memory = InMemoryBorderSecurityStore.Over(events);
        foreach (var query in MartenEquivalenceTests.Questions(events, 31))
        {
            await MartenEquivalenceTests.AssertSameAnswersAsync(model, memory, query, query.ToString());
        }
    }

    [Fact]
    public async Task UnderConjoinedTenancyTheDaemonKeepsEachTenantsTablesApart()
    {
        var schema = $"async_{Guid.NewGuid():N}"[..24];
        using var store = DocumentStore.For(options =>
        {
            options.Connection(PostgresServer.Instance.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.AddBorderSecurity(BorderSecurityTablesMode.Async);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var a = new MartenBorderSecurityStore(store, tenantId: "a");
        var b = a.ForTenant("b");
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();

        // The same stream ids in both tenants, from different histories.
        foreach (var request in HistoryGenerator.Generate(seed: 41, requests: 80).Requests)
        {
            await a.SubmitAsync(request);
        }

        foreach (var request in HistoryGenerator.Generate(seed: 42, requests: 60).Requests)
        {
            await b.SubmitAsync(request);
        }

        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(60));
        await daemon.StopAllAsync();

        foreach (var (tenant, seed) in new[] { (a, 41), (b, 42) })
        {
            var events = await tenant.ReadAllAsync();
            events.Should().NotBeEmpty();
            var memory = InMemoryBorderSecurityStore.Over(events);
            foreach (var query in MartenEquivalenceTests.Questions(events, seed))
            {
                await MartenEquivalenceTests.AssertSameAnswersAsync(tenant, memory, query, $"tenant {tenant.TenantId}, {query}");
            }
        }

        (await a.ReadAllAsync()).Should().NotBeEquivalentTo(await b.ReadAllAsync());
    }

    [Fact]
    public void AnUndefinedTablesModeIsRejected()
    {
        var configure = () => new StoreOptions().AddBorderSecurity((BorderSecurityTablesMode)7);

        configure.Should().Throw<ArgumentException>().WithParameterName("tables");
    }
}
