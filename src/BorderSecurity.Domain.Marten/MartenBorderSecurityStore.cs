using System.Text.Json;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using JasperFx;
using Marten;
using Marten.Storage;
using Npgsql;
using NodaTime.Serialization.SystemTextJson;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The model on Marten: writes through the same deciders as the in-memory store, with optimistic concurrency,
/// and answers every as-of question from the inline projection tables in one indexed query each.
/// </summary>
/// <remarks>The store must be configured with <see cref="BorderSecurityStoreOptions.AddBorderSecurity(global::Marten.StoreOptions, bool)"/>.</remarks>
public sealed class MartenBorderSecurityStore
{
    private readonly IDocumentStore _store;
    private readonly string _schema;
    private readonly string _eventsSchema;
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="streamCacheCapacity"/> is negative.</exception>
    public MartenBorderSecurityStore(IDocumentStore store, int streamCacheCapacity = DefaultStreamCacheCapacity)
    {
        _store = Guard.Against.Null(store);
        Guard.Against.Negative(streamCacheCapacity);
        _schema = store.Options.DatabaseSchemaName;
        _eventsSchema = store.Options.Events.DatabaseSchemaName;
        _cache = new StreamCache(streamCacheCapacity);
    }

    /// <summary>
    /// Decides a request against its stream and appends the events, all or nothing. With
    /// <paramref name="expectedVersion"/>, the write succeeds only if the stream is still at that version; either
    /// way a concurrent writer that got there first makes this one fail rather than interleave.
    /// </summary>
    /// <remarks>
    /// A stream this store wrote recently is decided against the history it kept (see the constructor's
    /// <c>streamCacheCapacity</c>), saving the read. If that history turns out stale (the append's version check
    /// fails, or a rule is broken), the request is decided once more on a fresh read, and that answer stands.
    /// </remarks>
    /// <param name="request">The request.</param>
    /// <param name="expectedVersion">The version the caller based the request on, or <see langword="null"/> for the version read here.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The recorded events, with Marten's sequence numbers and timestamps.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was written.</exception>
    /// <exception cref="StreamConcurrencyException">Another writer changed the stream first; nothing was written.</exception>
    public async Task<IReadOnlyList<RecordedEvent>> SubmitAsync(
        IBorderSecurityRequest request, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        (await SubmitAsync(request, null, expectedVersion, cancellationToken).ConfigureAwait(false)).Events;

    /// <summary>
    /// Like <see cref="SubmitAsync(IBorderSecurityRequest, long?, CancellationToken)"/>, but stores the request at most
    /// once per idempotency key. The key is inserted into <c>bsd_idempotency</c> in the same transaction as the
    /// events, so of two concurrent submissions with one key exactly one stores anything; the other (and any later
    /// one) gets the first one's events back with <see cref="SubmitResult.AlreadyRecorded"/> set.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="idempotencyKey">The key (for example <c>IdempotencyKeys.For(request)</c>), or <see langword="null"/>.</param>
    /// <param name="expectedVersion">The version the caller based the request on, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was stored.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="ArgumentException">An argument (or the key) is invalid; nothing was written.</exception>
    /// <exception cref="StreamConcurrencyException">Another writer changed the stream first; nothing was written.</exception>
    public async Task<SubmitResult> SubmitAsync(
        IBorderSecurityRequest request, string? idempotencyKey, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        if (idempotencyKey is not null)
        {
            IdempotencyKeys.Validate(idempotencyKey);
            if (await EarlierAsync(idempotencyKey, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }
        }

        Guard.Against.InvalidStreamId(request.StreamId, nameof(request.StreamId));
        if (_cache.TryGet(request.StreamId, out var cached) && (expectedVersion is null || expectedVersion == cached.Version))
        {
            try
            {
                return await AttemptAsync(request, idempotencyKey, expectedVersion, cached, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StreamConcurrencyException or DomainRuleViolationException)
            {
                // The kept history may be stale (another writer appended since): decide again on a fresh read. A conflict
                // or a broken rule found on the fresh read is the caller's answer.
                _cache.Remove(request.StreamId);
            }
        }

        return await AttemptAsync(request, idempotencyKey, expectedVersion, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SubmitResult> AttemptAsync(IBorderSecurityRequest request, string? idempotencyKey, long? expectedVersion,
        StreamCache.Entry? cached, CancellationToken cancellationToken)
    {
        await using var session = _store.LightweightSession();
        IReadOnlyList<IBorderSecurityEvent> history;
        long version;
        if (cached is not null)
        {
            (history, version) = (cached.Events, cached.Version);
        }
        else
        {
            var fetched = await session.Events.FetchStreamAsync(request.StreamId, token: cancellationToken).ConfigureAwait(false);
            (history, version) = ([.. fetched.Select(e => (IBorderSecurityEvent)e.Data)], fetched.Count == 0 ? 0 : fetched[^1].Version);
        }

        if (expectedVersion is { } expected && expected != version)
        {
            throw new StreamConcurrencyException(request.StreamId, expected, version);
        }

        var referenced = BorderSecurityDecider.ReferencedStreamOf(request) is { } referencedId
            ? await session.Events.FetchStreamAsync(referencedId, token: cancellationToken).ConfigureAwait(false)
            : [];
        IReadOnlyList<IBorderSecurityEvent> decided;
        try
        {
            decided = BorderSecurityDecider.Decide(history, request, referenced.Select(e => (IBorderSecurityEvent)e.Data));
        }
        catch (DomainRuleViolationException) when (idempotencyKey is not null)
        {
            // A concurrent submission with the same key may have won the race: then this one is a repeat, not an error.
            if (await EarlierAsync(idempotencyKey, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            throw;
        }

        if (idempotencyKey is not null)
        {
            session.QueueSqlCommand($"insert into {_schema}.bsd_idempotency (key, stream_id, from_version, to_version) values (?, ?, ?, ?)",
                idempotencyKey, request.StreamId, version + 1, version + decided.Count);
        }

        var action = version == 0
            ? session.Events.StartStream(request.StreamId, decided.Cast<object>().ToArray())
            : session.Events.Append(request.StreamId, version + decided.Count, decided.Cast<object>().ToArray());
        try
        {
            await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (idempotencyKey is not null && IsUniqueViolation(e))
        {
            return await EarlierAsync(idempotencyKey, cancellationToken).ConfigureAwait(false)
                   ?? throw new StreamConcurrencyException(request.StreamId, version, version);
        }
        catch (Exception e) when (e is ConcurrencyException or global::Marten.Exceptions.ExistingStreamIdCollisionException
                                      or JasperFx.Events.ExistingStreamIdCollisionException)
        {
            if (idempotencyKey is not null && await EarlierAsync(idempotencyKey, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            var actual = (await session.Events.FetchStreamStateAsync(request.StreamId, cancellationToken).ConfigureAwait(false))?.Version ?? 0;
            throw new StreamConcurrencyException(request.StreamId, version, actual);
        }

        _cache.Set(request.StreamId, version + decided.Count, [.. history, .. decided]);
        return new SubmitResult([.. action.Events.Select(MartenRecordedEvents.ToRecorded)], AlreadyRecorded: false);
    }

    private static bool IsUniqueViolation(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: var name } && name?.Contains("bsd_idempotency") == true)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<SubmitResult?> EarlierAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"select stream_id, from_version, to_version from {_schema}.bsd_idempotency where key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        string streamId;
        long from, to;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (streamId, from, to) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        await using var session = _store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, to, token: cancellationToken).ConfigureAwait(false);
        return new SubmitResult([.. events.Where(e => e.Version >= from).Select(MartenRecordedEvents.ToRecorded)], AlreadyRecorded: true);
    }

    /// <summary>
    /// Imports timeline steps, each at most once (its idempotency key is its content), so an import that stopped half
    /// way (the database went away) is resumed by running it again: committed steps are skipped, nothing is doubled.
    /// Each step is one transaction; recorded instants are the database's, not the steps' known-from instants.
    /// </summary>
    /// <param name="steps">The steps, in order.</param>
    /// <param name="progress">Told of each step once stored or skipped, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import between steps.</param>
    /// <returns>How many events were stored and how many steps had been stored before.</returns>
    /// <exception cref="TimelineImportException">A step was rejected or the database failed; the message says which step and whether to resume.</exception>
    public async Task<ImportResult> ImportAsync(IEnumerable<ReferenceTimeline.TimelineStep> steps, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(steps);
        int index = 0, stored = 0, skipped = 0;
        foreach (var step in steps)
        {
            try
            {
                var result = await SubmitAsync(step.Request, IdempotencyKeys.For(step.Request), null, cancellationToken).ConfigureAwait(false);
                if (result.AlreadyRecorded)
                {
                    skipped++;
                }
                else
                {
                    stored += result.Events.Count;
                }
            }
            catch (Exception e) when (e is NpgsqlException or global::Marten.Exceptions.MartenCommandException)
            {
                throw new TimelineImportException(index, stored, skipped,
                    $"the database failed at step {index} ({step.Request.GetType().Name} {step.Request.StreamId}): {e.Message}. " +
                    "Steps before it are stored; nothing of this step is. Run the import again to resume: stored steps are skipped.", e);
            }
            catch (Exception e) when (e is DomainRuleViolationException or ArgumentException)
            {
                throw new TimelineImportException(index, stored, skipped, $"step {index} ({step.Request.GetType().Name} {step.Request.StreamId}) was rejected: {e.Message}", e);
            }

            progress?.Report(++index);
        }

        return new ImportResult(stored, skipped);
    }

    /// <summary>Reads every event of the model in recording order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var session = _store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. events.Where(e => e.Data is IBorderSecurityEvent).Select(MartenRecordedEvents.ToRecorded)];
    }

    /// <summary>All funding as of a question (see <see cref="IBorderSecurityQueries.Funding"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The portfolio.</returns>
    public async Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await FiguresAsync(ProjectionRows.Funding, query, cancellationToken).ConfigureAwait(false);
        return FundingPortfolio.Of(query, rows.Streams.Select(s => CommitmentOf(s, rows)).OfType<CommitmentPosition>());
    }

    /// <summary>
    /// One recipient's funding as of a question (see <see cref="IBorderSecurityQueries.FundingOf"/>): the same query as
    /// <see cref="FundingAsync"/>, narrowed through <c>bsd_commitment_recipients</c> to that recipient's commitments.
    /// </summary>
    /// <param name="recipient">The recipient, matched exactly.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The recipient's portfolio.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    public async Task<FundingPortfolio> FundingOfAsync(string recipient, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(recipient);
        var rows = await FiguresAsync(ProjectionRows.Funding, query, cancellationToken, recipient).ConfigureAwait(false);
        return FundingPortfolio.Of(query, rows.Streams.Select(s => CommitmentOf(s, rows)).OfType<CommitmentPosition>().Where(c => c.Recipient == recipient));
    }

    /// <summary>
    /// The funding totals as of a question ("what was pledged by 1 Oct 2024, as we knew it on 5 Nov?"), summed inside
    /// PostgreSQL: the same figures as <see cref="FundingAsync"/>'s <see cref="FundingPortfolio.Totals"/> (or, with a
    /// recipient, <see cref="FundingOfAsync"/>'s), without sending every commitment, allocation and source to the client.
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="recipient">One recipient (matched exactly), or <see langword="null"/> for the whole portfolio.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The totals; <see cref="FundingTotals.None"/> if nothing counts.</returns>
    public async Task<FundingTotals> FundingTotalsAsync(AsOfQuery query, string? recipient = null, CancellationToken cancellationToken = default)
    {
        var known = KnownAtClause(query, "");
        var latest = LatestFigures(recipient, known, "stream_id, figure, value", " and figure <> 'created'");
        var created = CreationRows(recipient, known, "stream_id, detail");

        // One aggregation per commitment over its latest figures and its creation row, then one per (origin, basis):
        // no join, so no row estimate can turn it into a nested loop.
        var sql = $"""
            with figures as (
              select l.stream_id, l.figure, l.value, null as origin, null as basis, null as recipient from ({latest}) l
              union all
              select c.stream_id, 'created', null, c.detail->>'OriginKind', c.detail->>'Basis', c.detail->>'Recipient' from ({created}) c
            ), per_commitment as (
              select stream_id,
                     max(value) filter (where figure = 'amount') as amount,
                     bool_or(figure = 'withdrawn') as withdrawn,
                     coalesce(sum(value) filter (where figure = 'allocation' and value > 0), 0) as allocated,
                     max(origin) as origin, max(basis) as basis, max(recipient) as recipient
              from figures
              group by stream_id
            )
            select origin, basis,
                   sum(case when withdrawn then 0 else amount end),
                   sum(case when withdrawn then 0 else allocated end)
            from per_commitment
            where amount is not null and origin is not null{(recipient is null ? "" : " and recipient = @recipient")}
            group by origin, basis
            """;
        await using var connection = OpenConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command, query, ProjectionRows.Funding);
        if (recipient is not null)
        {
            command.Parameters.AddWithValue("recipient", recipient);
        }

        var shares = new List<FundingShare>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            shares.Add(new FundingShare(Enum.Parse<FundingOriginKind>(reader.GetString(0)), Enum.Parse<FundingBasis>(reader.GetString(1)),
                Money.FromPounds(reader.GetDecimal(2)), Money.FromPounds(reader.GetDecimal(3))));
        }

        return FundingTotals.Of(shares);
    }

    /// <summary>All recruitment as of a question (see <see cref="IBorderSecurityQueries.Recruitment"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The summary.</returns>
    public async Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await FiguresAsync(ProjectionRows.Recruitment, query, cancellationToken).ConfigureAwait(false);
        return RecruitmentSummary.Of(query, rows.Streams.Select(s => TargetOf(s, rows)).OfType<TargetPosition>());
    }

    /// <summary>Every piece of legislation as of a question (see <see cref="IBorderSecurityQueries.Legislation"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The legislation, in id order.</returns>
    public async Task<IReadOnlyList<Legislation>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var events = await CountingEventsAsync("b.aggregate = @aggregate", query, ProjectionRows.Legislation, cancellationToken).ConfigureAwait(false);
        return [.. events.GroupBy(e => e.StreamId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate((Legislation?)null, (s, e) => Legislative.Legislation.Evolve(s, e.Data)))
            .OfType<Legislation>()];
    }

    /// <summary>A command at a glance (see <see cref="IBorderSecurityQueries.Command"/>).</summary>
    /// <param name="commandId">The command's stream id.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The overview, or <see langword="null"/> if the command was not established as of the question.</returns>
    public async Task<CommandOverview?> CommandAsync(string commandId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(commandId);
        var events = await CountingEventsAsync("b.stream_id = @aggregate", query, commandId, cancellationToken).ConfigureAwait(false);
        var command = events.Aggregate((Command?)null, (s, e) => Commands.Command.Evolve(s, e.Data));
        if (command is null)
        {
            return null;
        }

        var funding = await FundingAsync(query, cancellationToken).ConfigureAwait(false);
        var recruitment = await RecruitmentAsync(query, cancellationToken).ConfigureAwait(false);
        return new CommandOverview(query, command, funding.For(command.Name), recruitment.For(command.Name));
    }

    /// <summary>Every event that counts for a question (see <see cref="IBorderSecurityQueries.Timeline"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The timeline.</returns>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var events = await CountingEventsAsync("@aggregate = ''", query, "", cancellationToken).ConfigureAwait(false);
        return [.. events.Select(TimelineEntry.Of)];
    }

    /// <summary>Total funding as a time series (see <see cref="IBorderSecurityQueries.FundingSeries"/>).</summary>
    /// <param name="recipient">The recipient, or <see langword="null"/> for the whole portfolio.</param>
    /// <param name="knownAt">As known at, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The points.</returns>
    public async Task<IReadOnlyList<SeriesPoint<Money>>> FundingSeriesAsync(string? recipient, Instant? knownAt = null, CancellationToken cancellationToken = default)
    {
        var points = new List<SeriesPoint<Money>>();
        foreach (var date in await ValidDatesAsync(ProjectionRows.Funding, knownAt, cancellationToken).ConfigureAwait(false))
        {
            var portfolio = await FundingAsync(new AsOfQuery(date, knownAt), cancellationToken).ConfigureAwait(false);
            var value = recipient is null ? portfolio.Totals.Total : portfolio.For(recipient).Totals.Total;
            if (value != (points.Count == 0 ? Money.Zero : points[^1].Value))
            {
                points.Add(new SeriesPoint<Money>(date, value));
            }
        }

        return points;
    }

    /// <summary>Total headcount target as a time series (see <see cref="IBorderSecurityQueries.HeadcountSeries"/>).</summary>
    /// <param name="organisation">The organisation, or <see langword="null"/> for all.</param>
    /// <param name="knownAt">As known at, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The points.</returns>
    public async Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(string? organisation, Instant? knownAt = null, CancellationToken cancellationToken = default)
    {
        var points = new List<SeriesPoint<int>>();
        foreach (var date in await ValidDatesAsync(ProjectionRows.Recruitment, knownAt, cancellationToken).ConfigureAwait(false))
        {
            var summary = await RecruitmentAsync(new AsOfQuery(date, knownAt), cancellationToken).ConfigureAwait(false);
            var value = organisation is null ? summary.Target : summary.For(organisation).Target;
            if (value != (points.Count == 0 ? 0 : points[^1].Value))
            {
                points.Add(new SeriesPoint<int>(date, value));
            }
        }

        return points;
    }

    /// <summary>The Marten store underneath.</summary>
    public IDocumentStore Store => _store;

    internal NpgsqlConnection OpenConnection() => _store.Storage.Database.CreateConnection(ConnectionUsage.ReadWrite);

    /// <summary>
    /// One part of an as-of query over every stream of the aggregate, or, for one recipient, the same part run per
    /// commitment of the recipient (a lateral join from <c>bsd_commitment_recipients</c>), so that the covering indexes
    /// are entered once per commitment instead of scanned whole. <c>/*stream*/</c> in each text marks where the stream
    /// condition goes.
    /// </summary>
    private string Scoped(string? recipient, string everyStream, string oneStream) =>
        recipient is null
            ? everyStream.Replace("/*stream*/", "", StringComparison.Ordinal)
            : $"""
              select x.* from {_schema}.bsd_commitment_recipients r
              cross join lateral ({oneStream.Replace("/*stream*/", " and stream_id = r.stream_id", StringComparison.Ordinal)}) x
              where r.recipient = @recipient
              """;

    /// <summary>The same part for every stream and for one stream (an aggregate that groups by stream either way).</summary>
    private string Scoped(string? recipient, string part) => Scoped(recipient, part, part);

    /// <summary>The latest counting statement of every figure: the figure index read backwards, so no sort.</summary>
    private string LatestFigures(string? recipient, string known, string columns, string condition = "") =>
        Scoped(recipient,
            $"""
            select distinct on (stream_id, figure, dimension) {columns}
            from {_schema}.bsd_statements
            where aggregate = @aggregate{condition} and valid_on <= @asOf{known}/*stream*/
            order by stream_id desc, figure desc, dimension desc, valid_on desc, seq desc
            """,
            $"""
            select distinct on (figure, dimension) {columns}
            from {_schema}.bsd_statements
            where aggregate = @aggregate{condition} and valid_on <= @asOf{known}/*stream*/
            order by figure desc, dimension desc, valid_on desc, seq desc
            """);

    /// <summary>The latest counting creation row of every stream, with its detail: the partial covering index read backwards.</summary>
    private string CreationRows(string? recipient, string known, string columns) =>
        Scoped(recipient,
            $"""
            select distinct on (stream_id) {columns}
            from {_schema}.bsd_statements
            where figure = 'created' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by stream_id desc, valid_on desc, seq desc
            """,
            $"""
            select {columns}
            from {_schema}.bsd_statements
            where figure = 'created' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by valid_on desc, seq desc
            limit 1
            """);

    private static string KnownAtClause(AsOfQuery query, string alias) => query.KnownAt is null ? "" : $" and {alias}recorded_at <= @knownAt";

    private static void AddParameters(NpgsqlCommand command, AsOfQuery query, string aggregate)
    {
        command.Parameters.AddWithValue("aggregate", aggregate);
        command.Parameters.AddWithValue("asOf", query.AsOf.ToDateOnly());
        if (query.KnownAt is { } knownAt)
        {
            command.Parameters.AddWithValue("knownAt", knownAt.ToDateTimeUtc());
        }
    }

    private async Task<FigureRows> FiguresAsync(string aggregate, AsOfQuery query, CancellationToken cancellationToken, string? recipient = null)
    {
        // Three index-only parts, no sort: the latest statement of each figure (the figure index read backwards), the
        // latest creation row of each stream with its detail, and each distinct provenance of a stream's counting events
        // with the (valid date, sequence) of its first one, packed into one bigint for min(). Provenances come back as
        // content hashes, resolved through a process-wide cache (a hash names its content for ever).
        var known = KnownAtClause(query, "");
        var latest = LatestFigures(recipient, known, "stream_id, figure, dimension, value, valid_on, seq");
        var created = CreationRows(recipient, known, "stream_id, detail, valid_on, seq");
        var sources = Scoped(recipient,
            $"""
            select stream_id, provenance_hash, min(((valid_on - date '1900-01-01')::bigint << 40) | seq) as first
            from {_schema}.bsd_events
            where aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            group by stream_id, provenance_hash
            """);
        var sql = $"""
            select 0 as part, s.stream_id, s.figure, s.dimension, s.value, null as text, s.valid_on, s.seq
            from ({latest}) s
            union all
            select 1, c.stream_id, '', '', null, c.detail::text, c.valid_on, c.seq
            from ({created}) c
            union all
            select 2, p.stream_id, '', '', p.first::numeric, p.provenance_hash, null, null
            from ({sources}) p
            {(aggregate != ProjectionRows.Recruitment ? "" : $"""
                union all
                select 3, stream_id, '', '', count(*)::numeric, null, null, null
                from {_schema}.bsd_events
                where aggregate = @aggregate and event_type = 'recruitment.target-reannounced.v1' and valid_on <= @asOf{known}
                group by stream_id
                """)}
            """;
        await using var connection = OpenConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = new FigureRows();
        var citations = new List<(string StreamId, decimal First, string Hash)>();
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            AddParameters(command, query, aggregate);
            if (recipient is not null)
            {
                command.Parameters.AddWithValue("recipient", recipient);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var streamId = reader.GetString(1);
                switch (reader.GetInt32(0))
                {
                    case 0 when reader.GetString(2) == ProjectionRows.Created:
                        // Part 1 carries the creation rows with their detail.
                        break;
                    case 0:
                        rows.Figures(streamId)[(reader.GetString(2), reader.GetString(3))] = new Figure(
                            reader.IsDBNull(4) ? null : reader.GetDecimal(4), null, LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(6)));
                        break;
                    case 1:
                        rows.Figures(streamId)[(ProjectionRows.Created, "")] = new Figure(
                            null, reader.GetString(5), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(6)));
                        break;
                    case 2:
                        citations.Add((streamId, reader.GetDecimal(4), reader.GetString(5)));
                        break;
                    default:
                        rows.Reannouncements[streamId] = (int)reader.GetDecimal(4);
                        break;
                }
            }
        }

        var provenances = await _provenances.ResolveAsync(connection, _schema, citations.Select(c => c.Hash), cancellationToken).ConfigureAwait(false);

        // Each distinct provenance once, in the order of its first counting event: the first appearance of every source.
        foreach (var (streamId, _, hash) in citations.OrderBy(c => c.StreamId, StringComparer.Ordinal).ThenBy(c => c.First))
        {
            rows.Add(streamId, provenances[hash]);
        }

        return rows;
    }

    private static CommitmentPosition? CommitmentOf(string streamId, FigureRows rows)
    {
        var figures = rows.Figures(streamId);
        if (!figures.TryGetValue((ProjectionRows.Created, ""), out var created)
            || !figures.TryGetValue((ProjectionRows.Amount, ""), out var amount))
        {
            return null;
        }

        var detail = Details.Commitment(created.Detail!);
        var withdrawn = figures.ContainsKey((ProjectionRows.Withdrawn, ""));
        CapabilityAmount[] allocations = withdrawn
            ? []
            : [.. figures
                .Where(r => r.Key.Figure == ProjectionRows.Allocation && r.Value.Value > 0m)
                .OrderBy(r => r.Key.Dimension, StringComparer.Ordinal)
                .Select(r => new CapabilityAmount(r.Key.Dimension, Money.FromPounds(r.Value.Value!.Value)))];
        return new CommitmentPosition(streamId, detail.Recipient, new FundingOrigin(detail.OriginKind, detail.OriginName), detail.Basis,
            created.ValidOn, withdrawn ? Money.Zero : Money.FromPounds(amount.Value!.Value), allocations, withdrawn, rows.SourcesOf(streamId));
    }

    private static TargetPosition? TargetOf(string streamId, FigureRows rows)
    {
        var figures = rows.Figures(streamId);
        if (!figures.TryGetValue((ProjectionRows.Created, ""), out var created)
            || !figures.TryGetValue((ProjectionRows.Headcount, ""), out var headcount))
        {
            return null;
        }

        var detail = Details.Target(created.Detail!);
        var status = figures.ContainsKey((ProjectionRows.Abandoned, "")) ? RecruitmentStatus.Abandoned
            : figures.ContainsKey((ProjectionRows.Met, "")) ? RecruitmentStatus.Met
            : RecruitmentStatus.Active;
        var inPost = figures.TryGetValue((ProjectionRows.InPost, ""), out var count) ? (int)count.Value!.Value : 0;
        var abandoned = status == RecruitmentStatus.Abandoned;
        var reannounced = rows.Reannouncements.GetValueOrDefault(streamId);
        return new TargetPosition(streamId, detail.Organisation, detail.Role, status, abandoned ? 0 : (int)headcount.Value!.Value,
            abandoned ? 0 : inPost, detail.Deadline is null ? null : LocalDate.FromDateOnly(DateOnly.Parse(detail.Deadline, System.Globalization.CultureInfo.InvariantCulture)),
            1 + reannounced, rows.SourcesOf(streamId));
    }

    private async Task<IReadOnlyList<RecordedEvent>> CountingEventsAsync(string filter, AsOfQuery query, string aggregate, CancellationToken cancellationToken)
    {
        var sql = $"""
            select b.seq, b.stream_id, e.version, b.recorded_at, b.event_type, e.data::text
            from {_schema}.bsd_events b join {_eventsSchema}.mt_events e on e.seq_id = b.seq
            where ({filter}) and b.valid_on <= @asOf{KnownAtClause(query, "b.")}
            order by b.valid_on, b.seq
            """;
        var serializer = _store.Options.Serializer();
        await using var connection = OpenConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command, query, aggregate);
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(5)));
            var data = (IBorderSecurityEvent)serializer.FromJson(EventCatalogue.TypeOf(reader.GetString(4)), json);
            events.Add(new RecordedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)), data));
        }

        return events;
    }

    private async Task<IReadOnlyList<LocalDate>> ValidDatesAsync(string aggregate, Instant? knownAt, CancellationToken cancellationToken)
    {
        var sql = $"select distinct valid_on from {_schema}.bsd_events where aggregate = @aggregate{(knownAt is null ? "" : " and recorded_at <= @knownAt")} order by valid_on";
        await using var connection = OpenConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("aggregate", aggregate);
        if (knownAt is { } k)
        {
            command.Parameters.AddWithValue("knownAt", k.ToDateTimeUtc());
        }

        var dates = new List<LocalDate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            dates.Add(LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(0)));
        }

        return dates;
    }

    private sealed record Figure(decimal? Value, string? Detail, LocalDate ValidOn);

    private sealed class FigureRows
    {
        private readonly Dictionary<string, Dictionary<(string Figure, string Dimension), Figure>> _figures = new(StringComparer.Ordinal);

        private readonly Dictionary<string, List<Provenance>> _citations = new(StringComparer.Ordinal);

        public Dictionary<string, int> Reannouncements { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> Streams => _figures.Keys;

        public Dictionary<(string Figure, string Dimension), Figure> Figures(string streamId)
        {
            if (!_figures.TryGetValue(streamId, out var figures))
            {
                _figures[streamId] = figures = [];
            }

            return figures;
        }

        public void Add(string streamId, Provenance provenance)
        {
            if (!_citations.TryGetValue(streamId, out var list))
            {
                _citations[streamId] = list = [];
            }

            list.Add(provenance);
        }

        public IReadOnlyList<SourceReference> SourcesOf(string streamId) =>
            _citations.TryGetValue(streamId, out var list) ? [.. list.SelectMany(p => p.Sources).Distinct()] : [];
    }
}
