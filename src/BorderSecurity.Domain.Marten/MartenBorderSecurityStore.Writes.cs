using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using JasperFx;
using Marten;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// Writes: deciding a request against its stream, appending with optimistic concurrency, and idempotency keys.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    /// <remarks>
    /// <para>With <paramref name="expectedVersion"/>, the write succeeds only if the stream is still at that version;
    /// either way a concurrent writer that got there first makes this one fail rather than interleave. The events are
    /// recorded at Marten's timestamp (from the store's clock) and known from it (no known-from header).</para>
    /// <para>The idempotency key is inserted into <c>bsd_idempotency</c> with the request's fingerprint
    /// (<see cref="IdempotencyKeys.For(IBorderSecurityRequest)"/>) in the same transaction as the events, so of two
    /// concurrent submissions with one key exactly one stores anything; the other (and any later one) gets the first
    /// one's events back with <see cref="SubmitResult.AlreadyRecorded"/> set if it is the same request, and
    /// <see cref="IdempotencyKeyConflictException"/> if it is not. A key written by a version before fingerprints (no
    /// <c>fingerprint</c> in its row) is checked by deciding the request again against the history the first write was
    /// decided on: the same events are a repeat (and the row gets its fingerprint), anything else is a conflict.</para>
    /// <para>A stream this store wrote recently is decided against the history it kept (see the constructor's
    /// <c>streamCacheCapacity</c>), saving the read. If that history turns out stale (the append's version check
    /// fails, or a rule is broken), the request is decided once more on a fresh read, and that answer stands.</para>
    /// </remarks>
    public Task<SubmitResult> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        SubmitAsync(request, expectedVersion, idempotencyKey, knownFrom: null, cancellationToken);

    // The write behind SubmitAsync and the import. knownFrom: the instant the events became known (stored as their
    // known-from header), or null for their recorded instant.
    private async Task<SubmitResult> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion, string? idempotencyKey,
        Instant? knownFrom, CancellationToken cancellationToken)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        Keyed? keyed = null;
        if (idempotencyKey is not null)
        {
            IdempotencyKeys.Validate(idempotencyKey);
            keyed = new Keyed(idempotencyKey, IdempotencyKeys.For(request));
            if (await EarlierAsync(keyed, request, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }
        }

        var write = new Write(request, keyed, expectedVersion, knownFrom);
        if (_cache.TryGet(request.StreamId.Value, out var cached) && (expectedVersion is null || expectedVersion == cached.Version))
        {
            try
            {
                return await AttemptAsync(write, cached, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StreamConcurrencyException or DomainRuleViolationException)
            {
                // The kept history may be stale (another writer appended since): decide again on a fresh read. A conflict
                // or a broken rule found on the fresh read is the caller's answer.
                _cache.Remove(request.StreamId.Value);
            }
        }

        return await AttemptAsync(write, null, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Write(IBorderSecurityRequest Request, Keyed? Idempotency, long? ExpectedVersion, Instant? KnownFrom);

    /// <summary>An idempotency key and the fingerprint of the request submitted with it.</summary>
    private sealed record Keyed(string Key, string Fingerprint);

    private async Task<SubmitResult> AttemptAsync(Write write, StreamCache.Entry? cached, CancellationToken cancellationToken)
    {
        var (request, keyed, expectedVersion, knownFrom) = write;
        await using var session = await WriteSessionAsync().ConfigureAwait(false);
        IReadOnlyList<IBorderSecurityEvent> history;
        long version;
        if (cached is not null)
        {
            (history, version) = (cached.Events, cached.Version);
        }
        else
        {
            var fetched = await session.Events.FetchStreamAsync(request.StreamId.Value, token: cancellationToken).ConfigureAwait(false);
            (history, version) = ([.. fetched.Select(e => (IBorderSecurityEvent)e.Data)], fetched.Count == 0 ? 0 : fetched[^1].Version);
        }

        if (expectedVersion is { } expected && expected != version)
        {
            throw new StreamConcurrencyException(request.StreamId.Value, expected, version);
        }

        var referenced = await ReferencedAsync(session, request, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<IBorderSecurityEvent> decided;
        try
        {
            decided = BorderSecurityDecider.Decide(history, request, referenced);
        }
        catch (DomainRuleViolationException) when (keyed is not null)
        {
            // A concurrent submission with the same key may have won the race: then this one is a repeat (or, for a
            // different request, a conflict), not this error.
            if (await EarlierAsync(keyed, request, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            throw;
        }

        if (keyed is not null)
        {
            // No "on conflict": a concurrent submission with the same key that got there first fails this one (IsUniqueViolation).
            session.QueueSqlCommand(_tables.Idempotency.InsertSql, _tables.Idempotency.ParametersOf(
                new IdempotencyRow(_tenantKey, keyed.Key, request.StreamId.Value, version + 1, version + decided.Count, keyed.Fingerprint)));
        }

        var action = version == 0
            ? session.Events.StartStream(request.StreamId.Value, decided.Cast<object>().ToArray())
            : session.Events.Append(request.StreamId.Value, version + decided.Count, decided.Cast<object>().ToArray());
        if (knownFrom is { } known)
        {
            // On each event, not the session: the header lands in mt_events.headers, where reads, the inline projection
            // and a rebuild all find it.
            var header = MartenRecordedEvents.Format(known);
            foreach (var e in action.Events)
            {
                e.SetHeader(MartenRecordedEvents.KnownFromHeader, header);
            }
        }

        try
        {
            // The inline projection's kept totals need the stream's history: the one this write was decided against.
            using (WrittenStreams.Writing(request.StreamId.Value, history))
            {
                await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (keyed is not null && IsUniqueViolation(e))
        {
            return await EarlierAsync(keyed, request, cancellationToken).ConfigureAwait(false)
                   ?? throw new StreamConcurrencyException(request.StreamId.Value, version, version);
        }
        catch (Exception e) when (e is ConcurrencyException or global::Marten.Exceptions.ExistingStreamIdCollisionException
                                      or JasperFx.Events.ExistingStreamIdCollisionException)
        {
            if (keyed is not null && await EarlierAsync(keyed, request, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            var actual = (await session.Events.FetchStreamStateAsync(request.StreamId.Value, cancellationToken).ConfigureAwait(false))?.Version ?? 0;
            throw new StreamConcurrencyException(request.StreamId.Value, version, actual);
        }

        _cache.Set(request.StreamId.Value, version + decided.Count, [.. history, .. decided]);
        return new SubmitResult([.. action.Events.Select(MartenRecordedEvents.ToRecorded)], AlreadyRecorded: false);
    }

    private bool IsUniqueViolation(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: var table } && table == _tables.Idempotency.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What an earlier submission with this idempotency key stored, or <see langword="null"/> if none did.
    /// </summary>
    /// <exception cref="IdempotencyKeyConflictException">The key was used for a different request.</exception>
    private async Task<SubmitResult?> EarlierAsync(Keyed keyed, IBorderSecurityRequest request, CancellationToken cancellationToken)
    {
        string streamId;
        long from, to;
        string? fingerprint;
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var keys = _tables.Idempotency;
            await using var command = new NpgsqlCommand(
                $"select {keys.StreamId}, {keys.FromVersion}, {keys.ToVersion}, {keys.Fingerprint} from {keys} where {keys.TenantId} = @tenant and {keys.Key} = @key",
                connection);
            command.Parameters.AddWithValue("tenant", _tenantKey);
            command.Parameters.AddWithValue("key", keyed.Key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (streamId, from, to) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
            fingerprint = reader.IsDBNull(3) ? null : reader.GetString(3);
        }

        if (fingerprint is not null && fingerprint != keyed.Fingerprint)
        {
            throw new IdempotencyKeyConflictException(keyed.Key, request.StreamId.Value);
        }

        await using var session = await ReadSessionAsync().ConfigureAwait(false);
        var events = await session.Events.FetchStreamAsync(streamId, to, token: cancellationToken).ConfigureAwait(false);
        var earlier = new SubmitResult([.. events.Where(e => e.Version >= from).Select(MartenRecordedEvents.ToRecorded)], AlreadyRecorded: true);
        if (fingerprint is null)
        {
            // A row from before fingerprints: the same request decided against the same history gives the same events.
            if (streamId != request.StreamId.Value || !await DecidesTheSameAsync(session, request, events, from, cancellationToken).ConfigureAwait(false))
            {
                throw new IdempotencyKeyConflictException(keyed.Key, request.StreamId.Value);
            }

            await RememberFingerprintAsync(keyed, cancellationToken).ConfigureAwait(false);
        }

        return earlier;
    }

    /// <summary>The events of every stream the request refers to besides its own (<see cref="BorderSecurityDecider.ReferencedStreamsOf"/>), one stream after another.</summary>
    private static async Task<IReadOnlyList<IBorderSecurityEvent>> ReferencedAsync(IQuerySession session, IBorderSecurityRequest request, CancellationToken cancellationToken)
    {
        var referenced = new List<IBorderSecurityEvent>();
        foreach (var id in BorderSecurityDecider.ReferencedStreamsOf(request))
        {
            var stream = await session.Events.FetchStreamAsync(id.Value, token: cancellationToken).ConfigureAwait(false);
            referenced.AddRange(stream.Select(e => (IBorderSecurityEvent)e.Data));
        }

        return referenced;
    }

    /// <summary>
    /// Whether <paramref name="request"/>, decided against the stream's history before version <paramref name="from"/>,
    /// gives exactly the events stored from that version on (compared by type and JSON).
    /// </summary>
    private static async Task<bool> DecidesTheSameAsync(IQuerySession session, IBorderSecurityRequest request,
        IReadOnlyList<JasperFx.Events.IEvent> stream, long from, CancellationToken cancellationToken)
    {
        var history = stream.Where(e => e.Version < from).Select(e => (IBorderSecurityEvent)e.Data).ToList();
        var stored = stream.Where(e => e.Version >= from).Select(e => (IBorderSecurityEvent)e.Data).ToList();
        var referenced = await ReferencedAsync(session, request, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<IBorderSecurityEvent> decided;
        try
        {
            decided = BorderSecurityDecider.Decide(history, request, referenced);
        }
        catch (Exception e) when (e is DomainRuleViolationException or ArgumentException)
        {
            return false;
        }

        return decided.Count == stored.Count && decided.Zip(stored).All(pair => pair.First.GetType() == pair.Second.GetType()
            && System.Text.Json.JsonSerializer.Serialize(pair.First, pair.First.GetType(), TimelineFile.JsonOptions)
            == System.Text.Json.JsonSerializer.Serialize(pair.Second, pair.Second.GetType(), TimelineFile.JsonOptions));
    }

    /// <summary>Gives a row written before fingerprints the fingerprint of the request it was just shown to be.</summary>
    private async Task RememberFingerprintAsync(Keyed keyed, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var keys = _tables.Idempotency;
        await using var command = new NpgsqlCommand(
            $"update {keys} set {keys.Fingerprint} = @fingerprint where {keys.TenantId} = @tenant and {keys.Key} = @key and {keys.Fingerprint} is null", connection);
        command.Parameters.AddWithValue("fingerprint", keyed.Fingerprint);
        command.Parameters.AddWithValue("tenant", _tenantKey);
        command.Parameters.AddWithValue("key", keyed.Key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
