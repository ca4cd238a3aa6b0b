using BorderSecurity.Domain.Testing;
using Marten;
using JasperFx;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>A Marten store on the tests' PostgreSQL server, in a schema of its own so test classes run in parallel without sharing state.</summary>
public sealed class MartenStoreFactory : IAsyncLifetime
{
    private static int _counter;

    public DocumentStore Store { get; private set; } = null!;

    public MartenBorderSecurityStore Model { get; private set; } = null!;

    public string Schema { get; } = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        Store = Create(Schema);
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Model = new MartenBorderSecurityStore(Store);
    }

    /// <summary>Deletes every event and every projection row, leaving the schema in place.</summary>
    public async Task ResetAsync()
    {
        await Store.Advanced.Clean.DeleteAllEventDataAsync();
        await using var connection = await Model.OpenConnectionAsync();
        await using var truncate = new Npgsql.NpgsqlCommand($"truncate {Schema}.bsd_events, {Schema}.bsd_statements, {Schema}.bsd_idempotency, {Schema}.bsd_provenances, {Schema}.bsd_commitment_recipients, {Schema}.bsd_funding_totals", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    public static DocumentStore Create(string schema) => DocumentStore.For(options =>
    {
        options.Connection(PostgresServer.Instance.ConnectionString);
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.All;
        options.AddBorderSecurity();
    });

    public async Task DisposeAsync()
    {
        await using (var connection = await Model.OpenConnectionAsync())
        {
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {Schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Store.Dispose();
    }
}
