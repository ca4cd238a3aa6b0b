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
        var memory = BorderSecurityProjection.Of(events);
        foreach (var query in MartenEquivalenceTests.Questions(events, 31))
        {
            await MartenEquivalenceTests.AssertSameAnswersAsync(model, memory, query, query.ToString());
        }
    }

    [Fact]
    public void AnUndefinedTablesModeIsRejected()
    {
        var configure = () => new StoreOptions().AddBorderSecurity((BorderSecurityTablesMode)7);

        configure.Should().Throw<ArgumentException>().WithParameterName("tables");
    }
}
