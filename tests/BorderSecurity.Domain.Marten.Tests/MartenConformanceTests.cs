using BorderSecurity.Domain.Conformance;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using Marten;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// The store conformance suite against the Marten store: each test gets an empty store in a schema of its own on
/// the tests' PostgreSQL server, dropped when the test class is done.
/// </summary>
public sealed class MartenConformanceTests : BorderSecurityStoreConformance, IAsyncLifetime
{
    private readonly List<(DocumentStore Store, string Schema)> _stores = [];

    /// <inheritdoc />
    protected override async Task<IBorderSecurityStore> NewStoreAsync(IClock clock)
    {
        var schema = $"conf_{Guid.NewGuid():N}"[..24];
        var store = MartenStoreFactory.Create(schema);
        _stores.Add((store, schema));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new MartenBorderSecurityStore(store, clock: clock);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var (store, schema) in _stores)
        {
            await using (var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString))
            {
                await connection.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
                await drop.ExecuteNonQueryAsync();
            }

            store.Dispose();
        }
    }
}
