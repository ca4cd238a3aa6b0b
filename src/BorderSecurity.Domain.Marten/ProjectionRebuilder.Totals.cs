using BorderSecurity.Domain.Projections;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// The rebuild's second part: the kept funding totals (bsd_funding_totals), from each commitment's whole stream.
public static partial class ProjectionRebuilder
{
    /// <summary>How many funding streams are read and folded at a time.</summary>
    private const int StreamsPerBatch = 2_000;

    /// <summary>
    /// Fills <c>bsd_funding_totals</c> (truncated with the other tables) from the log: each funding commitment's stream read
    /// whole, its changes at each instant they became known worked out by the model's one rule
    /// (<see cref="FundingContributions.AsKnown"/>), summed per key over every commitment and written with one
    /// COPY; then lists the database's tenants in <c>bsd_funding_totals_kept</c>. Memory holds one batch of streams and the
    /// sums (one per scope, span of valid dates and key).
    /// </summary>
    private static async Task<long> RebuildFundingTotalsAsync(MartenBorderSecurityStore store, NpgsqlConnection connection, NpgsqlTransaction transaction,
        BorderSecurityTables tables, CancellationToken cancellationToken)
    {
        var events = tables.Events;
        var streams = new List<(string Tenant, string Stream)>();
        await using (var select = new NpgsqlCommand(
            $"select distinct {events.TenantId}, {events.StreamId} from {events} where {events.Aggregate} = '{ProjectionRows.Funding}' order by 1, 2",
            connection, transaction))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                streams.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var serializer = store.Store.Options.Serializer();
        var eventsSchema = store.Store.Options.Events.DatabaseSchemaName;
        var tenantColumn = store.Store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined
            ? "tenant_id"
            : $"'{JasperFx.StorageConstants.DefaultTenantId}'::text";
        var sums = new Dictionary<(string Tenant, (string, string, string, LocalDate, Instant, string, string, string, string, string) Key), (decimal Amount, decimal Allocated)>();
        foreach (var batch in streams.Chunk(StreamsPerBatch))
        {
            var raw = new List<RawEvent>();
            await using (var select = new NpgsqlCommand(
                $"select seq_id, stream_id, version, timestamp, type, data, {tenantColumn}, headers->>'{MartenRecordedEvents.KnownFromHeader}' from {eventsSchema}.mt_events " +
                $"where ({tenantColumn}, stream_id) in (select * from unnest(@tenants, @streams)) order by 7, stream_id, version",
                connection, transaction))
            {
                select.Parameters.AddWithValue("tenants", batch.Select(b => b.Tenant).ToArray());
                select.Parameters.AddWithValue("streams", batch.Select(b => b.Stream).ToArray());
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    raw.Add(new RawEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3),
                        reader.GetString(4), reader.GetFieldValue<byte[]>(5), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(6)));
                }
            }

            // Each stream's rows worked out on every core, then summed here.
            var byStream = raw.GroupBy(r => (r.Tenant, r.StreamId)).ToArray();
            var rows = new IReadOnlyList<FundingTotalsRow>[byStream.Length];
            Parallel.For(0, byStream.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var stream = byStream[i].Where(r => EventCatalogue.TryStoredTypeOf(r.Type, out _)).Select(r => RecordedOf(r, serializer));
                rows[i] = ProjectionRows.TotalsRowsOf(byStream[i].Key.Tenant, FundingContributions.AsKnown(stream));
            });
            foreach (var row in rows.SelectMany(r => r))
            {
                var (amount, allocated) = sums.GetValueOrDefault((row.Tenant, row.Key));
                sums[(row.Tenant, row.Key)] = (amount + row.Amount, allocated + row.Allocated);
            }
        }

        var totals = tables.FundingTotals;
        long written = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(totals.CopySql, cancellationToken).ConfigureAwait(false))
        {
            // In key order, so that the rows a question reads (a scope's years, months, days) lie together on few pages.
            var rows = sums.Where(s => s.Value != (0m, 0m)).Select(s =>
            {
                var ((tenant, (scope, knownSpan, span, from, knownFrom, origin, basis, coverage, first, last)), (amount, allocated)) = (s.Key, s.Value);
                return new FundingTotalsRow(tenant, scope, knownSpan, span, from, knownFrom, origin, basis, coverage, first, last, amount, allocated);
            });
            foreach (var row in rows.Order(FundingTotalsRow.KeyOrder))
            {
                await totals.CopyRowAsync(copy, row, cancellationToken).ConfigureAwait(false);
                written++;
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // Every tenant of the database now has every funding event counted (those with none, and the store's own, too).
        var kept = tables.TotalsKept;
        await using (var list = new NpgsqlCommand(
            $"insert into {kept} ({kept.ColumnList}) select distinct {events.TenantId} from {events} union select @tenant on conflict ({kept.KeyList}) do nothing",
            connection, transaction))
        {
            list.Parameters.AddWithValue("tenant", store.TenantKey);
            await list.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return written;
    }
}
