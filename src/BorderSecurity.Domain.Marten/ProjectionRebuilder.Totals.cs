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
        var tenantColumn = TenantColumnOf(store);
        var sums = new Dictionary<string, FundingTotalsSums>(StringComparer.Ordinal);
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

            // Each stream's changes worked out and summed on every core (a tenant's sums per thread), then the threads' sums added here.
            var byStream = raw.GroupBy(r => (r.Tenant, r.StreamId)).ToArray();
            Parallel.For(0, byStream.Length, new ParallelOptions { CancellationToken = cancellationToken },
                () => new Dictionary<string, FundingTotalsSums>(StringComparer.Ordinal),
                (i, state, local) =>
                {
                    var stream = byStream[i].Where(r => EventCatalogue.TryStoredTypeOf(r.Type, out _)).Select(r => RecordedOf(r, serializer));
                    if (!local.TryGetValue(byStream[i].Key.Tenant, out var tenantSums))
                    {
                        local[byStream[i].Key.Tenant] = tenantSums = new FundingTotalsSums();
                    }

                    foreach (var change in FundingContributions.AsKnown(stream))
                    {
                        tenantSums.Add(change);
                    }

                    return local;
                },
                local =>
                {
                    lock (sums)
                    {
                        foreach (var (tenant, tenantSums) in local)
                        {
                            if (sums.TryGetValue(tenant, out var all))
                            {
                                all.Add(tenantSums);
                            }
                            else
                            {
                                sums[tenant] = tenantSums;
                            }
                        }
                    }
                });
        }

        var totals = tables.FundingTotals;
        long written = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(totals.CopySql, cancellationToken).ConfigureAwait(false))
        {
            // In key order, so that the rows a question reads (a scope's years, months, days) lie together on few pages.
            foreach (var tenant in sums.Keys.Order(StringComparer.Ordinal))
            {
                foreach (var row in sums[tenant].RowsOf(tenant))
                {
                    await totals.CopyRowAsync(copy, row, cancellationToken).ConfigureAwait(false);
                    written++;
                }
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
