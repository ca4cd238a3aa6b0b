using Npgsql;

namespace BorderSecurity.Domain.Marten;

/// <summary>How far a store's projection tables trail its event log (<see cref="MartenBorderSecurityStore.TablesLagAsync"/>).</summary>
/// <param name="Mode">How the tables are kept.</param>
/// <param name="HighWaterMark">The log's high-water mark: the highest event sequence number appended (0 for an empty log).</param>
/// <param name="TablesPosition">
/// The sequence number the tables are kept up to: the async daemon's recorded progress under
/// <see cref="BorderSecurityTablesMode.Async"/>; the high-water mark itself when inline (kept in the append's
/// transaction) and when not kept at all (<see cref="BorderSecurityTablesMode.None"/>: filled by a rebuild, which has no
/// position to compare).
/// </param>
public sealed record BorderSecurityTablesLag(BorderSecurityTablesMode Mode, long HighWaterMark, long TablesPosition)
{
    /// <summary>
    /// Events the tables trail the log by: <see cref="HighWaterMark"/> minus <see cref="TablesPosition"/>, never
    /// negative. Sequence numbers of appends that rolled back are counted too (they leave gaps in the log), so this is
    /// an upper bound on the events a question does not count yet.
    /// </summary>
    public long Lag => Math.Max(0, HighWaterMark - TablesPosition);
}

public sealed partial class MartenBorderSecurityStore
{
    /// <summary>Marten's name for the shard that keeps the model's tables under the async daemon.</summary>
    internal static readonly string AsyncTablesShard = $"{nameof(BorderSecurityTablesProjection)}:All";

    /// <summary>How the store's projection tables are kept.</summary>
    public BorderSecurityTablesMode TablesMode => BorderSecurityStoreOptions.TablesModeOf(_store.Options);

    /// <summary>
    /// How far the projection tables trail the event log, read from the database of this store's tenant (one round
    /// trip): the lag of the async daemon under <see cref="BorderSecurityTablesMode.Async"/>, 0 otherwise. Also
    /// reported as the gauge <see cref="BorderSecurityMartenTelemetry.TablesLag"/> and checked by
    /// <see cref="BorderSecurityTablesHealthCheck"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The high-water mark, the tables' position and the lag between them.</returns>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public async Task<BorderSecurityTablesLag> TablesLagAsync(CancellationToken cancellationToken = default)
    {
        var mode = TablesMode;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"select coalesce((select max(seq_id) from {_eventsSchema}.mt_events), 0), " +
            $"coalesce((select max(last_seq_id) from {_eventsSchema}.mt_event_progression where name = @shard), 0)", connection);
        command.Parameters.AddWithValue("shard", AsyncTablesShard);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var highWaterMark = reader.GetInt64(0);
        return new BorderSecurityTablesLag(mode, highWaterMark, mode == BorderSecurityTablesMode.Async ? reader.GetInt64(1) : highWaterMark);
    }
}
