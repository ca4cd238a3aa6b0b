using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace BorderSecurity.Domain.Marten;

/// <summary>How far a rebuild has got.</summary>
/// <param name="EventsRead">Events read from the log so far.</param>
/// <param name="RowsWritten">Rows written to the projection tables so far.</param>
/// <param name="Elapsed">Time since the rebuild started.</param>
public sealed record RebuildProgress(long EventsRead, long RowsWritten, TimeSpan Elapsed);

/// <summary>
/// Rebuilds the projection tables from the event log and writes them with PostgreSQL's binary COPY, all in one
/// transaction. Safe to run twice, and safe while writers are appending: the tables are locked for the rebuild's
/// duration, so an append either is read by the rebuild or waits for it.
/// </summary>
/// <remarks>
/// <para>Under multi-tenancy a rebuild rebuilds the database of the store's tenant: under conjoined tenancy (tenants
/// sharing a database and its tables) that is every tenant of the database, each row under its event's tenant; with a
/// database per tenant, run it from each tenant's store (<see cref="MartenBorderSecurityStore.ForTenant"/>).</para>
/// </remarks>
/// <remarks>
/// A pipeline: a reader connection fetches pages of raw events and decodes them into rows on every core (JSON
/// deserialisation and provenance hashing are most of the CPU), while the locked transaction's connection COPYs
/// the previous page. At most two decoded pages wait in between, so memory stays flat however long the log.
/// </remarks>
public static class ProjectionRebuilder
{
    private const int PageSize = 10_000;

    /// <summary>How many distinct provenances a rebuild remembers the key and JSON of (beyond that, each is worked out again).</summary>
    private const int ProvenancesRemembered = 100_000;

    /// <summary>Rebuilds every projection table of the model from the event log.</summary>
    /// <param name="store">The store, configured with <see cref="BorderSecurityStoreOptions.AddBorderSecurity(global::Marten.StoreOptions, bool)"/>.</param>
    /// <param name="progress">Told after each page, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the rebuild; nothing is changed.</param>
    /// <returns>The final progress: events read and rows written.</returns>
    public static async Task<RebuildProgress> RebuildProjectionsAsync(this MartenBorderSecurityStore store,
        IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        var clock = Stopwatch.StartNew();
        var schema = store.Store.Options.DatabaseSchemaName;
        await using var connection = store.OpenConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Secondary indexes are dropped and built again once the rows are in: one sort per index instead of a
        // b-tree insert per row. DDL is transactional, so a failed or cancelled rebuild leaves them as they were.
        var tables = new BorderSecurityTables(schema);
        var indexes = tables.SecondaryIndexes.ToArray();
        await using (var truncate = new NpgsqlCommand(
            $"lock table {Tables(schema)} in access exclusive mode; truncate {Tables(schema)}; " +
            string.Join(" ", indexes.Select(i => $"drop index if exists {schema}.{i.Name};")),
            connection, transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<DecodedPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(() => ReadPagesAsync(store, pages.Writer, stop.Token), stop.Token);
        long read = 0, written = 0;
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                written += await CopyAsync(connection, schema, page, stop.Token).ConfigureAwait(false);
                read += page.Events.Length;
                progress?.Report(new RebuildProgress(read, written, clock.Elapsed));
            }
        }
        finally
        {
            // Stop the reader if the writer failed, and surface the reader's own failure (it completes the channel with it).
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reader.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The writer failed first; its exception is the one in flight.
            }
        }

        // COPY ... FREEZE into tables truncated in this transaction writes the rows frozen and all-visible, so the
        // as-of queries' index-only scans work at once; ANALYZE gives the planner the new tables' statistics.
        await using (var create = new NpgsqlCommand(string.Join(";\n", indexes.Select(i => i.Ddl).Append($"analyze {Tables(schema)}")), connection, transaction))
        {
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var done = new RebuildProgress(read, written, clock.Elapsed);
        progress?.Report(done);
        return done;
    }

    private static async Task ReadPagesAsync(MartenBorderSecurityStore store, ChannelWriter<DecodedPage> pages, CancellationToken cancellationToken)
    {
        try
        {
            var serializer = store.Store.Options.Serializer();
            var eventsSchema = store.Store.Options.Events.DatabaseSchemaName;
            // Under conjoined tenancy every row goes under its event's tenant; otherwise the database is the tenant.
            var tenantColumn = store.Store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined
                ? "tenant_id"
                : $"'{JasperFx.StorageConstants.DefaultTenantId}'::text";
            await using var connection = store.OpenConnection();
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Serialising and hashing an event's provenance cost almost as much as deserialising the event, and most
            // events cite a provenance an earlier event cited: each distinct provenance is worked out once.
            var provenances = new ConcurrentDictionary<Provenance, (string Hash, string Json)>();
            long after = 0;
            while (true)
            {
                var raw = new List<RawEvent>(PageSize);
                await using (var select = new NpgsqlCommand(
                    $"select seq_id, stream_id, version, timestamp, type, data, headers->>'{MartenRecordedEvents.KnownFromHeader}', {tenantColumn} from {eventsSchema}.mt_events where seq_id > @after order by seq_id limit {PageSize}",
                    connection))
                {
                    select.Parameters.AddWithValue("after", after);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        after = reader.GetInt64(0);
                        raw.Add(new RawEvent(after, reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3),
                            reader.GetString(4), reader.GetFieldValue<byte[]>(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7)));
                    }
                }

                if (raw.Count == 0)
                {
                    break;
                }

                await pages.WriteAsync(Decode(raw, serializer, provenances, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            pages.Complete();
        }
        catch (Exception e)
        {
            pages.Complete(e);
            throw;
        }
    }

    /// <summary>Deserialises a page and turns it into rows, on every core. Events of other models (unknown types) are skipped.</summary>
    private static DecodedPage Decode(List<RawEvent> raw, global::Marten.ISerializer serializer,
        ConcurrentDictionary<Provenance, (string Hash, string Json)> provenances, CancellationToken cancellationToken)
    {
        var decoded = new (string Tenant, EventRow Row, StatementRow[] Statements, string? Recipient)?[raw.Count];
        Parallel.For(0, raw.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var r = raw[i];
            if (!EventCatalogue.TryStoredTypeOf(r.Type, out _))
            {
                return;
            }

            var recordedAt = Instant.FromDateTimeOffset(r.Timestamp);
            var data = EventCatalogue.Read(r.Type, type => serializer.FromJson(type, new MemoryStream(r.Data, writable: false)));
            var recorded = new RecordedEvent(r.Sequence, r.StreamId, r.Version, recordedAt, data)
            {
                KnownFrom = MartenRecordedEvents.KnownFromOf(r.KnownFrom, r.Sequence) ?? recordedAt,
            };
            var provenance = recorded.Data.Provenance;
            if (!provenances.TryGetValue(provenance, out var stored))
            {
                stored = ProjectionRows.ProvenanceOf(provenance);
                if (provenances.Count < ProvenancesRemembered)
                {
                    provenances.TryAdd(provenance, stored);
                }
            }

            decoded[i] = (r.Tenant, ProjectionRows.EventRowOf(recorded, stored), [.. ProjectionRows.StatementsOf(recorded)], ProjectionRows.RecipientOf(recorded));
        });
        var kept = decoded.Where(d => d is not null).Select(d => d!.Value).ToArray();
        return new DecodedPage(
            [.. kept.Select(k => (k.Tenant, k.Row))],
            [.. kept.SelectMany(k => k.Statements.Select(s => (k.Tenant, s)))],
            [.. kept.Where(k => k.Recipient is not null).Select(k => (k.Tenant, k.Recipient!, k.Row.StreamId)).Distinct()]);
    }

    private static string Tables(string schema) =>
        $"{schema}.bsd_events, {schema}.bsd_statements, {schema}.bsd_provenances, {schema}.bsd_commitment_recipients";

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string schema, DecodedPage page, CancellationToken cancellationToken)
    {
        long rows = 0;
        var provenances = new Dictionary<(string Tenant, string Hash), string>();
        await using (var events = await connection.BeginBinaryImportAsync(
            $"copy {schema}.bsd_events (tenant_id, seq, stream_id, aggregate, event_type, valid_on, known_from, recorded_at, provenance_hash) from stdin (format binary, freeze)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (tenant, row) in page.Events)
            {
                await events.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(tenant, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.StreamId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.Aggregate, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.EventType, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.ValidOn.ToDateOnly(), NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.KnownFrom.ToDateTimeOffset(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.RecordedAt.ToDateTimeOffset(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.ProvenanceHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                provenances.TryAdd((tenant, row.ProvenanceHash), row.ProvenanceJson);
                rows++;
            }

            await events.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var statements = await connection.BeginBinaryImportAsync(
            $"copy {schema}.bsd_statements (tenant_id, seq, stream_id, aggregate, figure, dimension, valid_on, known_from, recorded_at, value, detail) from stdin (format binary, freeze)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (tenant, s) in page.Statements)
            {
                await statements.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(tenant, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.StreamId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Aggregate, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Figure, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Dimension, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.ValidOn.ToDateOnly(), NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.KnownFrom.ToDateTimeOffset(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.RecordedAt.ToDateTimeOffset(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                if (s.Value is { } value)
                {
                    await statements.WriteAsync(value, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await statements.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                if (s.Detail is { } detail)
                {
                    await statements.WriteAsync(detail, NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await statements.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                rows++;
            }

            await statements.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var insert = new NpgsqlCommand(
            $"insert into {schema}.bsd_provenances (tenant_id, hash, provenance) select * from unnest(@tenants, @hashes, @jsons::jsonb[]) on conflict (tenant_id, hash) do nothing", connection))
        {
            insert.Parameters.AddWithValue("tenants", provenances.Keys.Select(k => k.Tenant).ToArray());
            insert.Parameters.AddWithValue("hashes", provenances.Keys.Select(k => k.Hash).ToArray());
            insert.Parameters.AddWithValue("jsons", provenances.Values.ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var recipients = page.Recipients;
        if (recipients.Length > 0)
        {
            await using var insert = new NpgsqlCommand(
                $"insert into {schema}.bsd_commitment_recipients (tenant_id, recipient, stream_id) select * from unnest(@tenants, @recipients, @streams) on conflict do nothing", connection);
            insert.Parameters.AddWithValue("tenants", recipients.Select(r => r.Tenant).ToArray());
            insert.Parameters.AddWithValue("recipients", recipients.Select(r => r.Recipient).ToArray());
            insert.Parameters.AddWithValue("streams", recipients.Select(r => r.StreamId).ToArray());
            rows += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }
}

/// <summary>An event as <c>mt_events</c> holds it; <see cref="KnownFrom"/> is its known-from header, if any; <see cref="Tenant"/> the value of its rows' tenant column.</summary>
internal sealed record RawEvent(long Sequence, string StreamId, long Version, DateTimeOffset Timestamp, string Type, byte[] Data, string? KnownFrom, string Tenant);

internal sealed record DecodedPage((string Tenant, EventRow Row)[] Events, (string Tenant, StatementRow Row)[] Statements,
    (string Tenant, string Recipient, string StreamId)[] Recipients);
