using BorderSecurity.Domain.Storage;
using JasperFx;
using Marten;
using Marten.Storage;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The model on Marten (<see cref="IBorderSecurityStore"/>): writes through the same deciders as the in-memory store,
/// with optimistic concurrency, and answers every as-of question from the projection tables in one indexed query each.
/// </summary>
/// <remarks>
/// <para>The store must be configured with <see cref="BorderSecurityStoreOptions.AddBorderSecurity(global::Marten.StoreOptions, bool)"/>.
/// Each event has two instants: recorded (Marten's own <c>mt_events.timestamp</c>, never rewritten) and known-from
/// (the timestamp, or for an imported step the step's <see cref="ReferenceTimeline.TimelineStep.KnownFrom"/>, kept in
/// the <see cref="MartenRecordedEvents.KnownFromHeader"/> event header). See docs/marten.md.</para>
/// <para>The class is split by responsibility: writes (<c>MartenBorderSecurityStore.Writes.cs</c>), import
/// (<c>.Import.cs</c>), reading the log (<c>.Log.cs</c>) and questions (<c>.Queries.cs</c>, with the SQL in
/// <see cref="AsOfSql"/> and the row assembly in <see cref="FigureRows"/>); the rebuild is <see cref="ProjectionRebuilder"/>.</para>
/// </remarks>
public sealed partial class MartenBorderSecurityStore : IBorderSecurityStore
{
    private readonly IDocumentStore _store;
    private readonly IClock _clock;
    private readonly string _schema;
    private readonly string _eventsSchema;
    private readonly AsOfSql _sql;
    private readonly StreamCache _cache;
    private readonly ProvenanceCache _provenances = new();

    /// <summary>The default number of stream histories a store keeps to decide writes without reading the stream first.</summary>
    public const int DefaultStreamCacheCapacity = 10_000;

    /// <summary>Creates the facade over a Marten store.</summary>
    /// <param name="store">A store configured with <see cref="BorderSecurityStoreOptions.AddBorderSecurity(global::Marten.StoreOptions, bool)"/>.</param>
    /// <param name="streamCacheCapacity">
    /// How many recently written streams to keep in memory (least recently used evicted first), so that the next write
    /// to one of them decides against the kept history instead of reading the stream back: one round trip instead of
    /// two. Correctness does not depend on it: every append carries the expected version, and a history made stale by
    /// another writer is detected, dropped and the request decided again on a fresh read. 0 turns the cache off.
    /// </param>
    /// <param name="clock">
    /// The clock an import checks each step's known-from instant against (a fact cannot be recorded before it is
    /// known), or <see langword="null"/> for <see cref="SystemClock.Instance"/>. Recorded instants are always Marten's
    /// own <c>mt_events.timestamp</c> (stamped by Marten in Rich append mode from <c>StoreOptions.Events.TimeProvider</c>),
    /// never this clock's.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="streamCacheCapacity"/> is negative.</exception>
    public MartenBorderSecurityStore(IDocumentStore store, int streamCacheCapacity = DefaultStreamCacheCapacity, IClock? clock = null)
    {
        _store = Guard.Against.Null(store);
        Guard.Against.Negative(streamCacheCapacity);
        _clock = clock ?? SystemClock.Instance;
        _schema = store.Options.DatabaseSchemaName;
        _eventsSchema = store.Options.Events.DatabaseSchemaName;
        _sql = new AsOfSql(_schema, _eventsSchema);
        _cache = new StreamCache(streamCacheCapacity);
    }

    /// <summary>The Marten store underneath.</summary>
    public IDocumentStore Store => _store;

    internal NpgsqlConnection OpenConnection() => _store.Storage.Database.CreateConnection(ConnectionUsage.ReadWrite);

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = OpenConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
