using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenRebuildTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    [Fact]
    public async Task ARebuildFromTheLogRestoresTheTablesAndIsSafeToRunTwice()
    {
        for (var seed = 100; seed < 104; seed++)
        {
            foreach (var request in HistoryGenerator.Generate(seed, requests: 40).Requests)
            {
                try
                {
                    await factory.Model.SubmitAsync(request);
                }
                catch (DomainRuleViolationException)
                {
                    // Histories share stream ids here; a request that clashes with an earlier history is rejected as usual.
                }
            }
        }

        var events = await factory.Model.ReadAllAsync();
        var memory = InMemoryBorderSecurityStore.Over(events);
        await using (var connection = await factory.Model.OpenConnectionAsync())
        {
            await using var damage = new Npgsql.NpgsqlCommand(
                $"delete from {factory.Schema}.bsd_statements where seq % 3 = 0; update {factory.Schema}.bsd_events set valid_on = valid_on + 1000; delete from {factory.Schema}.bsd_commitment_recipients where stream_id like '%1%'", connection);
            await damage.ExecuteNonQueryAsync();
        }

        var reports = new List<RebuildProgress>();
        var first = await factory.Model.RebuildProjectionsAsync(new SynchronousProgress(reports));
        var second = await factory.Model.RebuildProjectionsAsync();

        first.EventsRead.Should().Be(events.Count);
        second.Should().BeEquivalentTo(first, o => o.Excluding(p => p.Elapsed));
        reports.Should().NotBeEmpty().And.BeInAscendingOrder(p => p.EventsRead);
        foreach (var query in MartenEquivalenceTests.Questions(events, 7))
        {
            await MartenEquivalenceTests.AssertSameAnswersAsync(factory.Model, memory, query, query.ToString());
        }

        // The rebuild drops the secondary indexes while it loads and builds them again: all are back.
        (await IndexesAsync()).Should().Contain(["ix_bsd_events_aggregate_valid", "ix_bsd_events_stream_valid",
            "ix_bsd_statements_figure_valid", "ix_bsd_statements_created"]);
    }

    [Fact]
    public async Task ACancelledRebuildChangesNothing()
    {
        foreach (var request in HistoryGenerator.Generate(seed: 120, requests: 60).Requests)
        {
            try
            {
                await factory.Model.SubmitAsync(request);
            }
            catch (DomainRuleViolationException)
            {
                // Other tests of the class share the schema; a clashing request is rejected as usual.
            }
        }

        // Start from tables a rebuild would change: stale and damaged rows.
        await ExecuteAsync($"delete from {factory.Schema}.bsd_statements where seq % 2 = 0; update {factory.Schema}.bsd_events set valid_on = valid_on + 7");
        var damaged = await TablesAsync();
        var indexes = await IndexesAsync();
        using var cancel = new CancellationTokenSource();

        var rebuild = () => factory.Model.RebuildProjectionsAsync(new CancelOnReport(cancel), cancel.Token);

        await rebuild.Should().ThrowAsync<OperationCanceledException>();
        (await IndexesAsync()).Should().BeEquivalentTo(indexes);
        (await TablesAsync()).Should().Equal(damaged, "a cancelled rebuild leaves every table as it found it, damage included");

        // The damage was real: a rebuild that runs to the end changes the tables, and answers as the log says.
        await factory.Model.RebuildProjectionsAsync();
        (await TablesAsync()).Should().NotEqual(damaged);
        var events = await factory.Model.ReadAllAsync();
        var memory = InMemoryBorderSecurityStore.Over(events);
        foreach (var query in MartenEquivalenceTests.Questions(events, 11))
        {
            await MartenEquivalenceTests.AssertSameAnswersAsync(factory.Model, memory, query, query.ToString());
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await factory.Model.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of every bsd_ table of the schema, as text, table by table in a fixed order.</summary>
    private async Task<List<string>> TablesAsync()
    {
        await using var connection = await factory.Model.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand(
                         "select table_name from information_schema.tables where table_schema = @schema and table_name like 'bsd\\_%' order by table_name", connection))
        {
            list.Parameters.AddWithValue("schema", factory.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain(["bsd_events", "bsd_statements"]);
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new Npgsql.NpgsqlCommand($"select t::text from {factory.Schema}.{table} t order by 1", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add($"{table}: {reader.GetString(0)}");
            }
        }

        return rows;
    }

    private async Task<List<string>> IndexesAsync()
    {
        await using var connection = await factory.Model.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("select indexname from pg_indexes where schemaname = @schema order by indexname", connection);
        command.Parameters.AddWithValue("schema", factory.Schema);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => cancel.Cancel();
    }

    private sealed class SynchronousProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }
}
