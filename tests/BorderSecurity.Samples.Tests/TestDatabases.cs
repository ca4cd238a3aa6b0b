using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Samples.Tests;

/// <summary>Databases of their own on the tests' PostgreSQL server, for samples that use the default schema.</summary>
internal static class TestDatabases
{
    public static async Task<string> CreateAsync(string prefix)
    {
        var database = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"create database {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Instance.ConnectionString) { Database = database }.ConnectionString;
    }
}
