using System.Diagnostics;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Testing;
using JasperFx;
using Marten;
using Npgsql;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// <c>rebuild-profile [--sizes 100000] [--shapes wide] [--rounds 4]</c>: where the package's rebuild spends its time. Bulk-loads the
/// generated history, rebuilds it several times (reporting the page loop and the tail: the kept funding totals, index builds and ANALYZE of
/// each), then times each server-side part on its own, each in a transaction that is rolled back: reading the log
/// pages as the rebuild reads them, writing the rows again (with primary keys), building each secondary index,
/// ANALYZE; the size of each table and index, and how many kept-totals rows a totals question known now sums (the
/// portfolio's, and a recipient's on average and at most). Uses only the package's public API and SQL, so the same file runs
/// against an older commit of the package for a before/after profile.
/// </summary>
internal static class RebuildProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault() is { } s ? int.Parse(s.Split(',')[0]) : 100_000;
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() is { } r ? int.Parse(r) : 4;
        var shape = args.SkipWhile(a => a != "--shapes").Skip(1).FirstOrDefault() is { } named ? DataShape.Parse(named.Split(',')[0]) : DataShape.Default;
        var events = GeneratedEvents.Of(size, shape).Events;
        var schema = $"profile_{size}_{Environment.ProcessId}";
        using var raw = Store(schema, BorderSecurityTablesMode.None);
        await raw.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await raw.Advanced.Clean.DeleteAllEventDataAsync();
        var clock = Stopwatch.StartNew();
        // Loaded as the scenario runner loads it (an import: each event with its known-from header), so the kept totals'
        // known-at cells are those of a real log, not of events all known within the seconds of the load.
        await MartenScenarios.BulkAppendAsync(raw, events);

        Console.WriteLine($"bulk load of {events.Count:#,0} events: {clock.Elapsed.TotalSeconds:0.0} s");
        using var store = Store(schema, BorderSecurityTablesMode.Inline);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var model = new MartenBorderSecurityStore(store);
        for (var round = 0; round < rounds; round++)
        {
            var reports = new List<RebuildProgress>();
            var done = await model.RebuildProjectionsAsync(new SyncProgress(reports.Add));
            var lastPage = reports.Count > 1 ? reports[^2].Elapsed : TimeSpan.Zero;
            Console.WriteLine($"rebuild {round + 1}: {done.Elapsed.TotalMilliseconds:0} ms = {done.EventsRead / done.Elapsed.TotalSeconds:#,0} events/s; " +
                $"pages {lastPage.TotalMilliseconds:0} ms, kept totals + indexes + analyze + commit {(done.Elapsed - lastPage).TotalMilliseconds:0} ms; {done.RowsWritten:#,0} rows");
        }

        await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString);
        await connection.OpenAsync();
        var headers = await HasHeadersAsync(connection, schema);
        foreach (var select in new[]
                 {
                     "seq_id, stream_id, version, timestamp, type, data",
                     headers ? "seq_id, stream_id, version, timestamp, type, data, headers->>'known-from', 'DEFAULT'::text" : null,
                 }.OfType<string>())
        {
            clock.Restart();
            long after = 0, bytes = 0;
            while (true)
            {
                await using var command = new NpgsqlCommand($"select {select} from {schema}.mt_events where seq_id > @after order by seq_id limit 10000", connection);
                command.Parameters.AddWithValue("after", after);
                await using var reader = await command.ExecuteReaderAsync();
                var n = 0;
                while (await reader.ReadAsync())
                {
                    after = reader.GetInt64(0);
                    bytes += reader.GetFieldValue<byte[]>(5).Length;
                    for (var i = 6; i < reader.FieldCount; i++)
                    {
                        _ = reader.IsDBNull(i) ? null : reader.GetString(i);
                    }

                    n++;
                }

                if (n == 0)
                {
                    break;
                }
            }

            Console.WriteLine($"read the log ({select}): {clock.Elapsed.TotalMilliseconds:0} ms, {bytes / 1024 / 1024} MiB of data");
        }

        var indexes = new List<(string Name, string Ddl)>();
        await using (var list = new NpgsqlCommand(
            $"select indexname, indexdef from pg_indexes where schemaname = '{schema}' and tablename like 'bsd_%' and indexname like 'ix_%' order by indexname", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, ddl) in indexes)
        {
            await TimeAsync(connection, $"build {name}", $"drop index {schema}.{name}", ddl);
        }

        foreach (var table in new[] { "bsd_events", "bsd_statements" })
        {
            await TimeAsync(connection, $"write the rows of {table} again (primary key kept, secondary indexes dropped)",
                $"create temp table copy_rows as select * from {schema}.{table}; truncate {schema}.{table}; " +
                string.Join(" ", indexes.Select(i => $"drop index if exists {schema}.{i.Name};")),
                $"insert into {schema}.{table} select * from copy_rows");
        }

        await TimeAsync(connection, "analyze the four tables", "select 1",
            $"analyze {schema}.bsd_events, {schema}.bsd_statements, {schema}.bsd_provenances, {schema}.bsd_commitment_recipients");
        await using (var sizes = new NpgsqlCommand(
            $"select c.relname, pg_relation_size(c.oid), c.reltuples::bigint from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '{schema}' and c.relname like any (array['bsd_%', 'ix_bsd_%', 'pk_bsd_%']) order by 1", connection))
        await using (var reader = await sizes.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Console.WriteLine($"size {reader.GetString(0)}: {reader.GetInt64(1) / 1024} KiB, {reader.GetInt64(2):#,0} rows");
            }
        }

        // A totals question known now sums its scope's rows on or before the date: at most these many.
        await using (var scopes = new NpgsqlCommand(
            $"with per_scope as (select scope, count(*) as n from {schema}.bsd_funding_totals group by scope) " +
            "select coalesce(max(n) filter (where scope = ''), 0), coalesce(avg(n) filter (where scope <> ''), 0)::bigint, " +
            "coalesce(max(n) filter (where scope <> ''), 0), count(*) filter (where scope <> '') from per_scope", connection))
        await using (var reader = await scopes.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine($"kept totals rows: {reader.GetInt64(0):#,0} for the portfolio; {reader.GetInt64(1):#,0} on average and " +
                $"{reader.GetInt64(2):#,0} at most for one of {reader.GetInt64(3)} recipients");
        }

        if (headers && args.Contains("--decode"))
        {
            await DecodeAsync(store, connection, schema, rounds);
        }

        if (headers && !args.Contains("--no-ab"))
        {
            await SchemaVariantsAsync(connection, schema, rounds);
        }

        PostgresServer.Instance.Dispose();
        return 0;
    }

    /// <summary>
    /// The server-side cost of the columns added since the before commit, on the same rows, alternating: each table
    /// written again (with its primary key), its secondary indexes built and analysed, as it is now (tenant_id and
    /// known_from), as before (neither), and with one of them.
    /// </summary>
    private static async Task SchemaVariantsAsync(NpgsqlConnection connection, string schema, int rounds)
    {
        await using (var copy = new NpgsqlCommand(
            $"create temp table src_events as select * from {schema}.bsd_events; create temp table src_statements as select * from {schema}.bsd_statements; " +
            "analyze src_events; analyze src_statements", connection))
        {
            await copy.ExecuteNonQueryAsync();
        }

        var variants = new (string Name, bool Tenant, bool Known)[] { ("before (no tenant_id, no known_from)", false, false), ("now (tenant_id, known_from)", true, true),
            ("tenant_id only", true, false), ("known_from only", false, true) };
        var times = variants.ToDictionary(v => v.Name, _ => new List<(double Write, double Index, double Analyze)>());
        for (var round = 0; round < Math.Max(rounds, 3) + 2; round++)
        {
            foreach (var v in round % 2 == 0 ? variants : variants.Reverse())
            {
                string T(string rest) => v.Tenant ? $"tenant_id, {rest}" : rest;
                string K(string rest) => v.Known ? $"known_from, {rest}" : rest;
                var eventColumns = T($"seq, stream_id, aggregate, event_type, valid_on, {K("recorded_at")}, provenance_hash");
                var statementColumns = T($"seq, stream_id, aggregate, figure, dimension, valid_on, {K("recorded_at")}, value, detail");
                var create =
                    $"create table ab_events as select {eventColumns} from src_events with no data; " +
                    $"alter table ab_events add primary key ({T("seq")}); " +
                    $"create table ab_statements as select {statementColumns} from src_statements with no data; " +
                    $"alter table ab_statements add primary key ({T("seq, figure, dimension")});";
                var write = $"insert into ab_events select {eventColumns} from src_events; insert into ab_statements select {statementColumns} from src_statements";
                var index =
                    $"create index on ab_events ({T("aggregate, valid_on, seq")}) include ({K("recorded_at")}, stream_id, provenance_hash); " +
                    $"create index on ab_events ({T("stream_id, valid_on, seq")}) include (aggregate, {K("recorded_at")}, provenance_hash); " +
                    $"create index on ab_statements ({T("aggregate, stream_id, figure, dimension, valid_on, seq")}) include ({K("recorded_at")}, value); " +
                    $"create index on ab_statements ({T("aggregate, stream_id, valid_on, seq")}) include ({K("recorded_at")}, detail) where figure = 'created';";
                await using var transaction = await connection.BeginTransactionAsync();
                await using (var c = new NpgsqlCommand(create, connection, transaction))
                {
                    await c.ExecuteNonQueryAsync();
                }

                var w = await TimedAsync(connection, transaction, write);
                var i = await TimedAsync(connection, transaction, index);
                var a = await TimedAsync(connection, transaction, "analyze ab_events; analyze ab_statements");
                await transaction.RollbackAsync();
                if (round > 0)
                {
                    times[v.Name].Add((w, i, a));
                }
            }
        }

        foreach (var (name, list) in times)
        {
            static double Median(IEnumerable<double> xs) => xs.Order().ElementAt(xs.Count() / 2);
            Console.WriteLine($"variant {name}: write with primary key {Median(list.Select(x => x.Write)):0} ms, indexes {Median(list.Select(x => x.Index)):0} ms, " +
                $"analyze {Median(list.Select(x => x.Analyze)):0} ms, total {Median(list.Select(x => x.Write + x.Index + x.Analyze)):0} ms (medians of {list.Count})");
        }
    }

    /// <summary>
    /// The client side of a rebuild, one thread, on the log's rows: Marten's deserialisation, the event row (provenance
    /// serialised and hashed), the statement rows and recipient, and the known-from header, each timed on its own.
    /// </summary>
    private static async Task DecodeAsync(IDocumentStore store, NpgsqlConnection connection, string schema, int rounds)
    {
        var rows = new List<(long Seq, string Stream, long Version, DateTimeOffset Timestamp, string Type, byte[] Data, string? KnownFrom)>();
        await using (var command = new NpgsqlCommand($"select seq_id, stream_id, version, timestamp, type, data, headers->>'known-from' from {schema}.mt_events order by seq_id", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                    reader.GetFieldValue<byte[]>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        var serializer = store.Options.Serializer();
        var times = new Dictionary<string, List<double>>();
        for (var round = 0; round < rounds + 1; round++)
        {
            var clock = Stopwatch.StartNew();
            var decoded = new RecordedEvent[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                using var json = new MemoryStream(r.Data, writable: false);
                decoded[i] = new RecordedEvent(r.Seq, r.Stream, r.Version, Instant.FromDateTimeOffset(r.Timestamp),
                    (IBorderSecurityEvent)serializer.FromJson(EventCatalogue.TypeOf(r.Type), json));
            }

            var deserialise = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var known = 0L;
            foreach (var r in rows)
            {
                known += MartenRecordedEvents.KnownFromOf(r.KnownFrom, r.Seq)?.ToUnixTimeTicks() ?? 0;
            }

            var header = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var hashes = 0;
            foreach (var e in decoded)
            {
                hashes += ProjectionRows.EventRowOf(JasperFx.StorageConstants.DefaultTenantId, e).ProvenanceHash.Length;
            }

            var eventRows = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var statements = 0;
            foreach (var e in decoded)
            {
                statements += ProjectionRows.StatementsOf(JasperFx.StorageConstants.DefaultTenantId, e).Count() + (ProjectionRows.RecipientOf(JasperFx.StorageConstants.DefaultTenantId, e) is null ? 0 : 1);
            }

            var statementRows = clock.Elapsed.TotalMilliseconds;
            if (round > 0)
            {
                foreach (var (name, ms) in new[] { ("deserialise (Marten's serializer)", deserialise), ("known-from header", header),
                             ("event row (provenance serialised + SHA-256)", eventRows), ("statement rows + recipient (the domain's mapping)", statementRows) })
                {
                    (times.TryGetValue(name, out var list) ? list : times[name] = []).Add(ms);
                }
            }

            GC.KeepAlive((known, hashes, statements));
        }

        foreach (var (name, list) in times)
        {
            Console.WriteLine($"decode, one thread, {rows.Count:#,0} events: {name}: {list.Order().ElementAt(list.Count / 2):0} ms (median of {list.Count})");
        }
    }

    private static async Task<double> TimedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<bool> HasHeadersAsync(NpgsqlConnection connection, string schema)
    {
        await using var command = new NpgsqlCommand(
            $"select count(*) from information_schema.columns where table_schema = '{schema}' and table_name = 'mt_events' and column_name = 'headers'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task TimeAsync(NpgsqlConnection connection, string what, string setup, string timed)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var before = new NpgsqlCommand(setup, connection, transaction))
        {
            await before.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand(timed, connection, transaction) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"{what}: {clock.Elapsed.TotalMilliseconds:0} ms");
        await transaction.RollbackAsync();
    }

    private static DocumentStore Store(string schema, BorderSecurityTablesMode mode) => DocumentStore.For(options =>
    {
        options.Connection(PostgresServer.Instance.ConnectionString);
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.All;
        options.AddBorderSecurity(mode);
    });

    private sealed class SyncProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
