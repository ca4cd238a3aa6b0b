using System.Diagnostics;
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
/// Rebuilds the projection tables from the event log: folds events into rows in memory and writes them with
/// PostgreSQL's binary COPY, all in one transaction. Safe to run twice, and safe while writers are appending: the
/// tables are locked for the rebuild's duration, so an append either is read by the rebuild or waits for it.
/// </summary>
public static class ProjectionRebuilder
{
    private const int PageSize = 20_000;

    /// <summary>Rebuilds every projection table of the model from the event log.</summary>
    /// <param name="store">The store, configured with <see cref="BorderSecurityStoreOptions.AddBorderSecurity"/>.</param>
    /// <param name="progress">Told after each page, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the rebuild; nothing is changed.</param>
    /// <returns>The final progress: events read and rows written.</returns>
    public static async Task<RebuildProgress> RebuildProjectionsAsync(this MartenBorderSecurityStore store,
        IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        var clock = Stopwatch.StartNew();
        var serializer = store.Store.Options.Serializer();
        var schema = store.Store.Options.DatabaseSchemaName;
        var eventsSchema = store.Store.Options.Events.DatabaseSchemaName;
        await using var connection = store.OpenConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var truncate = new NpgsqlCommand(
            $"lock table {Tables(schema)} in access exclusive mode; truncate {Tables(schema)}",
            connection, transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long read = 0, written = 0, after = 0;
        while (true)
        {
            var page = new List<RecordedEvent>(PageSize);
            var fetched = 0;
            await using (var select = new NpgsqlCommand(
                $"select seq_id, stream_id, version, timestamp, type, data from {eventsSchema}.mt_events where seq_id > @after order by seq_id limit {PageSize}",
                connection, transaction))
            {
                select.Parameters.AddWithValue("after", after);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    after = reader.GetInt64(0);
                    fetched++;
                    Type type;
                    try
                    {
                        type = EventCatalogue.TypeOf(reader.GetString(4));
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }

                    var data = (IBorderSecurityEvent)serializer.FromJson(type, reader, 5);
                    page.Add(new RecordedEvent(after, reader.GetString(1), reader.GetInt64(2),
                        Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(3)), data));
                }
            }

            if (fetched == 0)
            {
                break;
            }

            written += await CopyAsync(connection, schema, page, cancellationToken).ConfigureAwait(false);
            read += page.Count;
            progress?.Report(new RebuildProgress(read, written, clock.Elapsed));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var done = new RebuildProgress(read, written, clock.Elapsed);
        progress?.Report(done);
        return done;
    }

    private static string Tables(string schema) =>
        $"{schema}.bsd_events, {schema}.bsd_statements, {schema}.bsd_provenances, {schema}.bsd_commitment_recipients";

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string schema, List<RecordedEvent> page, CancellationToken cancellationToken)
    {
        long rows = 0;
        var provenances = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var events = await connection.BeginBinaryImportAsync(
            $"copy {schema}.bsd_events (seq, stream_id, aggregate, event_type, valid_on, recorded_at, provenance_hash) from stdin (format binary)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var e in page)
            {
                var row = ProjectionRows.EventRowOf(e);
                await events.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.StreamId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.Aggregate, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.EventType, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.ValidOn.ToDateOnly(), NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.RecordedAt.ToDateTimeOffset(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(row.ProvenanceHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                provenances.TryAdd(row.ProvenanceHash, row.ProvenanceJson);
                rows++;
            }

            await events.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var statements = await connection.BeginBinaryImportAsync(
            $"copy {schema}.bsd_statements (seq, stream_id, aggregate, figure, dimension, valid_on, recorded_at, value, detail) from stdin (format binary)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var s in page.SelectMany(ProjectionRows.StatementsOf))
            {
                await statements.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.StreamId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Aggregate, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Figure, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.Dimension, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await statements.WriteAsync(s.ValidOn.ToDateOnly(), NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
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
            $"insert into {schema}.bsd_provenances (hash, provenance) select * from unnest(@hashes, @jsons::jsonb[]) on conflict (hash) do nothing", connection))
        {
            insert.Parameters.AddWithValue("hashes", provenances.Keys.ToArray());
            insert.Parameters.AddWithValue("jsons", provenances.Values.ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var recipients = page.Select(e => (Recipient: ProjectionRows.RecipientOf(e), e.StreamId)).Where(r => r.Recipient is not null).Distinct().ToArray();
        if (recipients.Length > 0)
        {
            await using var insert = new NpgsqlCommand(
                $"insert into {schema}.bsd_commitment_recipients (recipient, stream_id) select * from unnest(@recipients, @streams) on conflict do nothing", connection);
            insert.Parameters.AddWithValue("recipients", recipients.Select(r => r.Recipient!).ToArray());
            insert.Parameters.AddWithValue("streams", recipients.Select(r => r.StreamId).ToArray());
            rows += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }
}
