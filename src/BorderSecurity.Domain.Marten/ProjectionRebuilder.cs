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
public static partial class ProjectionRebuilder
{
    private const int PageSize = 10_000;

    /// <summary>How many distinct provenances a rebuild remembers the key and JSON of (beyond that, each is worked out again).</summary>
    private const int ProvenancesRemembered = 100_000;

    /// <summary>Rebuilds every projection table of the model from the event log.</summary>
    /// <param name="store">The store, configured with <see cref="BorderSecurityStoreOptions.AddBorderSecurity(global::Marten.StoreOptions, bool)"/>.</param>
    /// <param name="progress">Told after each page, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the rebuild; nothing is changed.</param>
    /// <returns>The final progress: events read and rows written.</returns>
    /// <remarks>Measured under <see cref="BorderSecurityMartenTelemetry.Name"/>: activity <see cref="BorderSecurityMartenTelemetry.RebuildActivity"/>,
    /// <see cref="BorderSecurityMartenTelemetry.RebuildDuration"/> and <see cref="BorderSecurityMartenTelemetry.RebuildEvents"/>.</remarks>
    public static async Task<RebuildProgress> RebuildProjectionsAsync(this MartenBorderSecurityStore store,
        IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        return await MartenInstruments.RebuildAsync(() => RebuildAsync(store, progress, cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<RebuildProgress> RebuildAsync(MartenBorderSecurityStore store, IProgress<RebuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tables = new BorderSecurityTables(store.Store.Options.DatabaseSchemaName);
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Secondary indexes are dropped and built again once the rows are in: one sort per index instead of a
        // b-tree insert per row. DDL is transactional, so a failed or cancelled rebuild leaves them as they were.
        var indexes = tables.SecondaryIndexes.ToArray();
        await using (var truncate = new NpgsqlCommand(
            $"lock table {tables.RebuiltTables} in access exclusive mode; truncate {tables.RebuiltTables}; " +
            string.Join(" ", indexes.Select(i => $"drop index if exists {tables.Schema}.{i.Name};")),
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
                written += await CopyAsync(connection, tables, page, stop.Token).ConfigureAwait(false);
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

        // The kept funding totals, from each commitment's whole stream (a second, smaller read: funding streams only).
        written += await RebuildFundingTotalsAsync(store, connection, transaction, tables, cancellationToken).ConfigureAwait(false);

        // COPY ... FREEZE into tables truncated in this transaction writes the rows frozen and all-visible, so the
        // as-of queries' index-only scans work at once; ANALYZE gives the planner the new tables' statistics.
        await using (var create = new NpgsqlCommand(string.Join(";\n", indexes.Select(i => i.Ddl).Append($"analyze {tables.RebuiltTables}")), connection, transaction))
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
            var tenantColumn = TenantColumnOf(store);
            await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// What <c>mt_events</c> is read with as each row's tenant: under conjoined tenancy every row goes under its event's tenant
    /// (<c>tenant_id</c>); otherwise the database is the tenant (the default tenant, as a constant).
    /// </summary>
    private static string TenantColumnOf(MartenBorderSecurityStore store) =>
        store.Store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined
            ? "tenant_id"
            : $"'{JasperFx.StorageConstants.DefaultTenantId}'::text";

    /// <summary>Deserialises a page and turns it into rows, on every core. Events of other models (unknown types) are skipped.</summary>
    private static DecodedPage Decode(List<RawEvent> raw, global::Marten.ISerializer serializer,
        ConcurrentDictionary<Provenance, (string Hash, string Json)> provenances, CancellationToken cancellationToken)
    {
        var decoded = new (EventRow Row, StatementRow[] Statements, RecipientRow? Recipient)?[raw.Count];
        Parallel.For(0, raw.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var r = raw[i];
            if (!EventCatalogue.TryStoredTypeOf(r.Type, out _))
            {
                return;
            }

            var recorded = RecordedOf(r, serializer);
            var provenance = recorded.Data.Provenance;
            if (!provenances.TryGetValue(provenance, out var stored))
            {
                stored = ProjectionRows.ProvenanceOf(provenance);
                if (provenances.Count < ProvenancesRemembered)
                {
                    provenances.TryAdd(provenance, stored);
                }
            }

            decoded[i] = (ProjectionRows.EventRowOf(r.Tenant, recorded, stored), [.. ProjectionRows.StatementsOf(r.Tenant, recorded)],
                ProjectionRows.RecipientOf(r.Tenant, recorded));
        });
        var kept = decoded.Where(d => d is not null).Select(d => d!.Value).ToArray();
        return new DecodedPage(
            [.. kept.Select(k => k.Row)],
            [.. kept.SelectMany(k => k.Statements)],
            [.. kept.Where(k => k.Recipient is not null).Select(k => k.Recipient!).Distinct()]);
    }

    /// <summary>An event of a known type as the log holds it, deserialised: recorded at its timestamp, known from its header if it has one.</summary>
    private static RecordedEvent RecordedOf(RawEvent r, global::Marten.ISerializer serializer)
    {
        var recordedAt = Instant.FromDateTimeOffset(r.Timestamp);
        var data = EventCatalogue.Read(r.Type, type => serializer.FromJson(type, new MemoryStream(r.Data, writable: false)));
        return new RecordedEvent(r.Sequence, r.StreamId, r.Version, recordedAt, data)
        {
            KnownFrom = MartenRecordedEvents.KnownFromOf(r.KnownFrom, r.Sequence) ?? recordedAt,
        };
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, BorderSecurityTables tables, DecodedPage page, CancellationToken cancellationToken)
    {
        var events = await CopyAsync(connection, tables.Events, page.Events, cancellationToken).ConfigureAwait(false);
        var statements = await CopyAsync(connection, tables.Statements, page.Statements, cancellationToken).ConfigureAwait(false);

        // Provenances and recipients repeat across pages (an event cites a provenance an earlier page's event cited): inserted
        // from arrays, skipping the ones there already. Provenances are not counted as rows written, as before.
        ProvenanceRow[] provenances = [.. page.Events.Select(e => e.Provenance).DistinctBy(p => (p.Tenant, p.Hash))];
        await InsertOrSkipAsync(connection, tables.Provenances, provenances, cancellationToken).ConfigureAwait(false);
        var recipients = page.Recipients.Length == 0
            ? 0
            : await InsertOrSkipAsync(connection, tables.Recipients, page.Recipients, cancellationToken).ConfigureAwait(false);
        return events + statements + recipients;
    }

    /// <summary>Writes rows with a binary COPY of every column of the table (<see cref="TableModel{TRow}.CopySql"/>).</summary>
    private static async Task<long> CopyAsync<TRow>(NpgsqlConnection connection, TableModel<TRow> table, TRow[] rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(table.CopySql, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await table.CopyRowAsync(copy, row, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return rows.Length;
    }

    private static async Task<int> InsertOrSkipAsync<TRow>(NpgsqlConnection connection, TableModel<TRow> table, TRow[] rows, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(table.UnnestInsertSql, connection);
        foreach (var parameter in table.ArrayParametersOf(rows))
        {
            insert.Parameters.Add(parameter);
        }

        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An event as <c>mt_events</c> holds it; <see cref="KnownFrom"/> is its known-from header, if any; <see cref="Tenant"/> the value of its rows' tenant column.</summary>
internal sealed record RawEvent(long Sequence, string StreamId, long Version, DateTimeOffset Timestamp, string Type, byte[] Data, string? KnownFrom, string Tenant);

internal sealed record DecodedPage(EventRow[] Events, StatementRow[] Statements, RecipientRow[] Recipients);
