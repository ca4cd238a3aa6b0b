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
/// Each event has two instants: recorded (Marten's own <c>mt_events.timestamp</c>, stamped from the store's one clock and
/// never rewritten) and known-from
/// (the timestamp, or for an imported step the step's <see cref="ReferenceTimeline.TimelineStep.KnownFrom"/>, kept in
/// the <see cref="MartenRecordedEvents.KnownFromHeader"/> event header). See docs/marten.md.</para>
/// <para>The class is split by responsibility: writes (<c>MartenBorderSecurityStore.Writes.cs</c>), import
/// (<c>.Import.cs</c>), reading the log (<c>.Log.cs</c>) and questions (<c>.Queries.cs</c>, with the SQL in
/// <see cref="AsOfSql"/> over the tables of <see cref="BorderSecurityTables"/>, and the rows handed to the model's position
/// function by <see cref="FigureRows"/>); the rebuild is <see cref="ProjectionRebuilder"/>.</para>
/// <para>A store answers for one Marten tenant (<see cref="TenantId"/>, the default tenant unless given): under
/// conjoined or database-per-tenant tenancy, <see cref="ForTenant"/> gives another tenant's store, and no write,
/// stream, idempotency key or answer of one tenant is seen by another (docs/marten.md, Multi-tenancy).</para>
/// </remarks>
public sealed partial class MartenBorderSecurityStore : IBorderSecurityStore
{
    private readonly IDocumentStore _store;
    private readonly IClock _clock;
    private readonly BorderSecurityTables _tables;
    private readonly string _eventsSchema;
    private readonly AsOfSql _sql;
    private readonly StreamCache _cache;
    private readonly ProvenanceCache _provenances = new();
    private readonly string _tenantId;
    private readonly string _tenantKey;
    private readonly int _streamCacheCapacity;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MartenBorderSecurityStore> _tenants;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMartenDatabase, Lazy<Task>> _schemaReady;
    private IMartenDatabase? _database;

    // Whether the kept funding totals count every funding event of the tenant (MartenBorderSecurityStore.TotalsKeptAsync).
    private volatile bool _totalsKept;

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
    /// The store's one clock, or <see langword="null"/> for the document store's own time provider (Marten's default is
    /// the system clock). Every event's recorded instant (<c>mt_events.timestamp</c>) is stamped by Marten from
    /// <c>StoreOptions.Events.TimeProvider</c>, which is fed from this clock, and an import checks each step's known-from
    /// instant against the same clock (a fact cannot be recorded before it is known). A document store whose time provider
    /// was left as Marten's default is fed from this clock from the next append on (the document store should be the
    /// model's own: see <see cref="BorderSecurityStoreOptions.AddBorderSecurity(global::Marten.StoreOptions, bool)"/>).
    /// </param>
    /// <param name="tenantId">
    /// The Marten tenant every write and question of this store is scoped to, or <see langword="null"/> for Marten's
    /// default tenant (<see cref="StorageConstants.DefaultTenantId"/>). See <see cref="ForTenant"/> and docs/marten.md.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="streamCacheCapacity"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="tenantId"/> is not the default tenant but the store has no multi-tenancy (one database, events not
    /// conjoined); or the document store was given a time provider of its own (<c>StoreOptions.Events.TimeProvider</c>) and
    /// <paramref name="clock"/> is another clock: recorded instants and the import's check would come from two clocks.
    /// </exception>
    public MartenBorderSecurityStore(IDocumentStore store, int streamCacheCapacity = DefaultStreamCacheCapacity, IClock? clock = null,
        string? tenantId = null)
        : this(Guard.Against.Null(store), streamCacheCapacity, clock, tenantId, new(StringComparer.Ordinal), new(ReferenceEqualityComparer.Instance))
    {
        if (TablesMode == BorderSecurityTablesMode.Async)
        {
            // The tenants' stores (ForTenant) share the tables' progress under conjoined tenancy: one gauge per document store.
            MartenInstruments.ObserveLag(this);
        }
    }

    private MartenBorderSecurityStore(IDocumentStore store, int streamCacheCapacity, IClock? clock, string? tenantId,
        System.Collections.Concurrent.ConcurrentDictionary<string, MartenBorderSecurityStore> tenants,
        System.Collections.Concurrent.ConcurrentDictionary<IMartenDatabase, Lazy<Task>> schemaReady)
    {
        _store = store;
        Guard.Against.Negative(streamCacheCapacity);
        if (tenantId is not null)
        {
            Guard.Against.NullOrWhiteSpace(tenantId);
        }

        _clock = StoreClock.Of(store, clock);
        _tables = new BorderSecurityTables(store.Options.DatabaseSchemaName);
        _eventsSchema = store.Options.Events.DatabaseSchemaName;
        _sql = new AsOfSql(_tables, _eventsSchema);
        _streamCacheCapacity = streamCacheCapacity;
        _cache = new StreamCache(streamCacheCapacity);
        _tenantId = tenantId ?? StorageConstants.DefaultTenantId;
        if (_tenantId != StorageConstants.DefaultTenantId && store.Options.Events.TenancyStyle != JasperFx.MultiTenancy.TenancyStyle.Conjoined
            && (store.Options as StoreOptions)?.Tenancy.Cardinality == JasperFx.Descriptors.DatabaseCardinality.Single)
        {
            // One database and events not keyed by tenant: nothing would keep this tenant's streams from another's.
            throw new InvalidOperationException(
                $"Tenant '{_tenantId}' needs Marten multi-tenancy: set Events.TenancyStyle = TenancyStyle.Conjoined, or give each tenant a database " +
                "(MultiTenantedDatabases, MultiTenantedWithSingleServer). See docs/marten.md, Multi-tenancy.");
        }

        _tenantKey = BorderSecurityTables.TenantKeyOf(store.Options, _tenantId);
        _tenants = tenants;
        _schemaReady = schemaReady;
        _tenants.TryAdd(_tenantId, this);
    }

    /// <summary>The Marten store underneath.</summary>
    public IDocumentStore Store => _store;

    /// <summary>The Marten tenant this store's writes and questions are scoped to.</summary>
    public string TenantId => _tenantId;

    /// <summary>
    /// The same model scoped to another Marten tenant: its sessions are opened for that tenant, its SQL runs on the
    /// tenant's database (database-per-tenant) and reads and writes only the tenant's rows (conjoined tenancy). Stores
    /// of different tenants share no stream history or idempotency key. One store per tenant is kept, so asking twice
    /// gives the same store (and its stream cache).
    /// </summary>
    /// <param name="tenantId">The tenant id, as Marten knows it.</param>
    /// <returns>The store of that tenant, with this store's stream cache capacity and clock.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="tenantId"/> is not the default tenant but the store has no multi-tenancy: with one database and
    /// events not conjoined, Marten would not keep the tenants' streams apart.
    /// </exception>
    public MartenBorderSecurityStore ForTenant(string tenantId)
    {
        Guard.Against.NullOrWhiteSpace(tenantId);
        return _tenants.GetOrAdd(tenantId, id => new MartenBorderSecurityStore(_store, _streamCacheCapacity, _clock, id, _tenants, _schemaReady));
    }

    /// <summary>A session of this store's tenant for writing (after checking the tenant's database keeps it apart).</summary>
    private async ValueTask<IDocumentSession> WriteSessionAsync()
    {
        await DatabaseAsync().ConfigureAwait(false);
        return _store.LightweightSession(_tenantId);
    }

    /// <summary>A session of this store's tenant for reading (after checking the tenant's database keeps it apart).</summary>
    private async ValueTask<IQuerySession> ReadSessionAsync()
    {
        await DatabaseAsync().ConfigureAwait(false);
        return _store.QuerySession(_tenantId);
    }

    /// <summary>
    /// The database holding this store's tenant (the one database unless each tenant has its own). Every session and
    /// connection of the store comes through here, so the schema is made ready before the first command
    /// (<see cref="EnsureSchemaAsync"/>), and a tenant whose database also holds other tenants while events are not
    /// conjoined is refused before anything is read or written.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The tenant shares its database with other tenants and events are not conjoined; or the schema is missing and
    /// <see cref="StoreOptions.AutoCreateSchemaObjects"/> is <see cref="AutoCreate.None"/>.
    /// </exception>
    internal async ValueTask<IMartenDatabase> DatabaseAsync()
    {
        if (_database is not null)
        {
            return _database;
        }

        var database = await _store.Storage.FindOrCreateDatabase(_tenantId).ConfigureAwait(false);
        await EnsureSchemaAsync(database).ConfigureAwait(false);
        if (_store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined
            || (_store.Options as StoreOptions)?.Tenancy.Cardinality == JasperFx.Descriptors.DatabaseCardinality.Single)
        {
            // Conjoined: every row carries the tenant. One database, not conjoined: only the default tenant (constructor).
            await ListTotalsKeptAsync(database).ConfigureAwait(false);
            return _database = database;
        }

        // A database per tenant, as far as the tenancy says; but Marten lets several tenants share one database
        // (MultiTenantedWithSingleServer's InDatabaseNamed, AddMultipleTenantDatabase). The database itself records
        // which tenants' models have used it, so a second tenant is refused whichever process meets it first.
        var others = await OtherTenantsOfAsync(database).ConfigureAwait(false);
        if (others.Count > 0)
        {
            // Several tenants in one database and events not keyed by tenant: their streams would be one and the same.
            throw new InvalidOperationException(
                $"Tenant '{_tenantId}' shares its database with {string.Join(", ", others.Select(o => $"'{o}'"))} and events are not conjoined: " +
                "nothing would keep their streams apart. Set Events.TenancyStyle = TenancyStyle.Conjoined, or give each tenant a database of its own. " +
                "See docs/marten.md, Multi-tenancy.");
        }

        await ListTotalsKeptAsync(database).ConfigureAwait(false);
        return _database = database;
    }

    /// <summary>
    /// Makes the store's schema ready in <paramref name="database"/> once, before the first command of any of the
    /// tenant stores of this store: a host that starts its hosted services has applied it already
    /// (<c>ApplyAllDatabaseChangesOnStartup</c>, which <c>UseMarten</c> registers), but a plain
    /// <c>ServiceCollection</c>, a console or a test never starts them. Lazy and thread-safe: concurrent first
    /// commands wait for one application; a failed one is tried again by the next command.
    /// </summary>
    /// <remarks>
    /// Under <see cref="StoreOptions.AutoCreateSchemaObjects"/> <see cref="AutoCreate.None"/> (schema changes managed
    /// outside the application) nothing is changed: the model's tables are only looked for, and their absence is
    /// reported with what to run. Otherwise Marten applies every configured change (the event tables and the model's
    /// own), as its hosted service would, under the store's own <see cref="AutoCreate"/> setting.
    /// </remarks>
    private async Task EnsureSchemaAsync(IMartenDatabase database)
    {
        var ready = _schemaReady.GetOrAdd(database, d => new Lazy<Task>(() => MakeSchemaReadyAsync(d)));
        try
        {
            await ready.Value.ConfigureAwait(false);
        }
        catch
        {
            _schemaReady.TryRemove(new KeyValuePair<IMartenDatabase, Lazy<Task>>(database, ready));
            throw;
        }
    }

    private async Task MakeSchemaReadyAsync(IMartenDatabase database)
    {
        if (_store.Options is StoreOptions { AutoCreateSchemaObjects: AutoCreate.None })
        {
            await AssertTablesExistAsync(database).ConfigureAwait(false);
            return;
        }

        await database.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
    }

    private async Task AssertTablesExistAsync(IMartenDatabase database)
    {
        await using var connection = database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync().ConfigureAwait(false);
        var tables = _tables.Names.Append($"{_eventsSchema}.mt_events").Append($"{_eventsSchema}.mt_streams").ToArray();
        await using var command = new NpgsqlCommand("select t from unnest(@tables) as t where to_regclass(t) is null order by t", connection);
        command.Parameters.AddWithValue("tables", tables);
        var missing = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                missing.Add(reader.GetString(0));
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The BorderSecurity model's tables are missing from database '{connection.Database}' ({string.Join(", ", missing)}) " +
                "and AutoCreateSchemaObjects is None, so the store does not create them. Apply the schema before the first command: " +
                "start the host (UseMarten registers ApplyAllDatabaseChangesOnStartup), call store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(), " +
                "or run the SQL of Marten's db-patch command. See docs/marten.md.");
        }
    }

    private async Task<IReadOnlyList<string>> OtherTenantsOfAsync(IMartenDatabase database)
    {
        await using var connection = database.CreateConnection(ConnectionUsage.ReadWrite);
        await connection.OpenAsync().ConfigureAwait(false);
        // Under a table lock, so two tenants meeting an empty database at once cannot both take it; a refused tenant
        // is not recorded, so it never locks out the tenant that owns the database.
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var tenants = _tables.DatabaseTenants;
        await using var command = new NpgsqlCommand(
            $"lock table {tenants} in share row exclusive mode; " +
            $"insert into {tenants} ({tenants.ColumnList}) select @tenant " +
            $"where not exists (select 1 from {tenants} where {tenants.Tenant} <> @tenant) on conflict ({tenants.KeyList}) do nothing; " +
            $"select {tenants.Tenant} from {tenants} where {tenants.Tenant} <> @tenant order by {tenants.Tenant}", connection, transaction);
        command.Parameters.AddWithValue("tenant", _tenantId);
        var others = new List<string>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        do
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                others.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync().ConfigureAwait(false));

        await reader.DisposeAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        return others;
    }

    /// <summary>The value of the <c>tenant_id</c> column for this store's tenant.</summary>
    internal string TenantKey => _tenantKey;

    /// <summary>An open connection to this store's tenant's database (after its schema is ready); the caller disposes of it.</summary>
    internal async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = (await DatabaseAsync().ConfigureAwait(false)).CreateConnection(ConnectionUsage.ReadWrite);
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
