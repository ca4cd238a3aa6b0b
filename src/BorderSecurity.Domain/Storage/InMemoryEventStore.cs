namespace BorderSecurity.Domain.Storage;

/// <summary>
/// The log of <see cref="InMemoryBorderSecurityStore"/>: streams in memory, optimistic concurrency, recorded instants
/// from an injected <see cref="IClock"/>. Thread-safe. It is small on purpose; Marten is the durable store.
/// </summary>
/// <remarks>
/// Recorded instants never go backwards: if the clock reads earlier than the last recorded instant (a clock
/// stepped back), the store records the last instant again, so "known at" questions stay consistent with the
/// order the store learnt things in.
/// </remarks>
internal sealed class InMemoryEventStore
{
    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private readonly List<RecordedEvent> _log = [];
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    // Each key with the fingerprint of the request first stored under it (IdempotencyKeys.For(request)) and its events.
    private readonly Dictionary<string, (string Fingerprint, IReadOnlyList<RecordedEvent> Events)> _idempotency = new(StringComparer.Ordinal);
    private static readonly Comparer<RecordedEvent> BySequence = Comparer<RecordedEvent>.Create((a, b) => a.Sequence.CompareTo(b.Sequence));

    /// <summary>Creates an empty store.</summary>
    /// <param name="clock">The clock that stamps recorded instants.</param>
    public InMemoryEventStore(IClock clock) => _clock = Guard.Against.Null(clock);

    /// <summary>
    /// Loads events another store recorded, as they are (sequence, version and both instants kept), into an empty log:
    /// for asking the in-memory answers of another store's history (<see cref="InMemoryBorderSecurityStore.Over"/>).
    /// </summary>
    /// <param name="events">The events, in recording order.</param>
    internal void Load(IEnumerable<RecordedEvent> events)
    {
        lock (_gate)
        {
            if (_log.Count > 0)
            {
                throw new InvalidOperationException("Events can be loaded only into an empty log.");
            }

            foreach (var e in events.OrderBy(e => e.Sequence))
            {
                _log.Add(e);
                if (!_streams.TryGetValue(e.StreamId, out var stream))
                {
                    _streams[e.StreamId] = stream = [];
                }

                stream.Add(e);
            }
        }
    }

    /// <summary>The number of events in the store.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _log.Count;
            }
        }
    }

    /// <summary>A stream's version: the number of events in it, 0 for a stream that does not exist.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The version.</returns>
    public long VersionOf(string streamId)
    {
        lock (_gate)
        {
            return _streams.TryGetValue(Guard.Against.Null(streamId), out var stream) ? stream.Count : 0;
        }
    }

    /// <summary>Reads one stream.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>Its events in order; empty if it does not exist.</returns>
    public IReadOnlyList<RecordedEvent> ReadStream(string streamId)
    {
        lock (_gate)
        {
            return _streams.TryGetValue(Guard.Against.Null(streamId), out var stream) ? [.. stream] : [];
        }
    }

    /// <summary>The newest event's sequence number, or 0 when the log is empty.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _log.Count == 0 ? 0 : _log[^1].Sequence;
            }
        }
    }

    /// <summary>Reads the whole log in recording order.</summary>
    /// <param name="afterSequence">Only events after this sequence number (0 for all).</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<RecordedEvent> ReadAll(long afterSequence = 0)
    {
        Guard.Against.Negative(afterSequence);
        lock (_gate)
        {
            // Sequences rise through the log; they are its positions from 1 unless it was loaded from another store.
            var first = _log.BinarySearch(new RecordedEvent(afterSequence, "", 0, default, null!), BySequence);
            first = first >= 0 ? first + 1 : ~first;
            return first >= _log.Count ? [] : _log.GetRange(first, _log.Count - first);
        }
    }

    /// <summary>Appends events to a stream if it is still at <paramref name="expectedVersion"/>; all or nothing.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="expectedVersion">The version the writer read (0 for a new stream).</param>
    /// <param name="events">The events; at least one, all of this stream and of one aggregate.</param>
    /// <returns>The recorded events.</returns>
    /// <exception cref="StreamConcurrencyException">The stream is not at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="ArgumentException">No events, an event of another stream, or of another aggregate than the stream's.</exception>
    public IReadOnlyList<RecordedEvent> Append(string streamId, long expectedVersion, IReadOnlyList<IBorderSecurityEvent> events) =>
        Append(streamId, expectedVersion, events, null, knownFrom: null).Events;

    /// <summary>
    /// The earlier submission under the key of <paramref name="idempotency"/>, or <see langword="null"/> if there is no key or it is unused. Call under the lock.
    /// </summary>
    /// <exception cref="IdempotencyKeyConflictException">The key was used for a request with another fingerprint.</exception>
    private SubmitResult? EarlierUnderLock((string Key, string Fingerprint)? idempotency, string streamId)
    {
        if (idempotency is not { } keyed || !_idempotency.TryGetValue(keyed.Key, out var earlier))
        {
            return null;
        }

        return earlier.Fingerprint == keyed.Fingerprint
            ? new SubmitResult(earlier.Events, AlreadyRecorded: true)
            : throw new IdempotencyKeyConflictException(keyed.Key, streamId);
    }

    private SubmitResult Append(string streamId, long expectedVersion, IReadOnlyList<IBorderSecurityEvent> events,
        (string Key, string Fingerprint)? idempotency, Instant? knownFrom)
    {
        Guard.Against.InvalidStreamId(streamId);
        Guard.Against.Negative(expectedVersion);
        Guard.Against.NullOrEmpty(events);
        var kind = EventCatalogue.AggregateOf(events[0].GetType());
        foreach (var e in events)
        {
            Guard.Against.Null(e, nameof(events));
            if (e.StreamId != streamId)
            {
                throw new ArgumentException($"An event of stream '{e.StreamId}' cannot be appended to stream '{streamId}'.", nameof(events));
            }

            if (EventCatalogue.AggregateOf(e.GetType()) != kind)
            {
                throw new ArgumentException($"Events of one append must belong to one aggregate; {e.GetType().Name} is not a {kind} event.", nameof(events));
            }
        }

        lock (_gate)
        {
            if (EarlierUnderLock(idempotency, streamId) is { } earlier)
            {
                return earlier;
            }

            _streams.TryGetValue(streamId, out var stream);
            var actual = stream?.Count ?? 0;
            if (actual != expectedVersion)
            {
                throw new StreamConcurrencyException(streamId, expectedVersion, actual);
            }

            if (stream is { Count: > 0 } && EventCatalogue.AggregateOf(stream[0].Data.GetType()) != kind)
            {
                throw new ArgumentException($"Stream '{streamId}' holds a {EventCatalogue.AggregateOf(stream[0].Data.GetType())}, not a {kind}.", nameof(events));
            }

            var now = _clock.GetCurrentInstant();
            if (_log.Count > 0 && now < _log[^1].RecordedAt)
            {
                now = _log[^1].RecordedAt;
            }

            stream ??= _streams[streamId] = [];
            var recorded = new RecordedEvent[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                recorded[i] = new RecordedEvent((_log.Count == 0 ? 0 : _log[^1].Sequence) + 1, streamId, stream.Count + 1, now, events[i]) { KnownFrom = knownFrom ?? now };
                _log.Add(recorded[i]);
                stream.Add(recorded[i]);
            }

            if (idempotency is { } keyed)
            {
                _idempotency[keyed.Key] = (keyed.Fingerprint, recorded);
            }

            return new SubmitResult(recorded, AlreadyRecorded: false);
        }
    }

    /// <summary>
    /// Decides a request against its stream's current state and appends the events. With
    /// <paramref name="expectedVersion"/>, the write succeeds only if the stream is still at that version.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="expectedVersion">The version the caller based the request on, or <see langword="null"/> to use the version read here.</param>
    /// <returns>The recorded events.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was written.</exception>
    /// <exception cref="StreamConcurrencyException">Another writer changed the stream first; nothing was written.</exception>
    public IReadOnlyList<RecordedEvent> Submit(IBorderSecurityRequest request, long? expectedVersion = null) =>
        Submit(request, null, expectedVersion).Events;

    /// <summary>
    /// Like <see cref="Submit(IBorderSecurityRequest, long?)"/>, but stores the request at most once per idempotency key:
    /// the same key with the same request stores nothing and returns the events the first submission recorded, with
    /// <see cref="SubmitResult.AlreadyRecorded"/> set; the same key with a different request (another
    /// <see cref="Serialization.IdempotencyKeys.For(IBorderSecurityRequest)"/> fingerprint) is refused with
    /// <see cref="IdempotencyKeyConflictException"/>. The key is checked and recorded atomically with the append.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="idempotencyKey">The key (for example <c>IdempotencyKeys.For(request)</c>), or <see langword="null"/> for none.</param>
    /// <param name="expectedVersion">The version the caller based the request on, or <see langword="null"/>.</param>
    /// <returns>What was stored.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="ArgumentException">An argument (or the key) is invalid; nothing was written.</exception>
    /// <exception cref="StreamConcurrencyException">Another writer changed the stream first; nothing was written.</exception>
    /// <exception cref="IdempotencyKeyConflictException">The key was used before for a different request; nothing was written.</exception>
    public SubmitResult Submit(IBorderSecurityRequest request, string? idempotencyKey, long? expectedVersion = null) =>
        Submit(request, idempotencyKey, expectedVersion, knownFrom: null);

    /// <summary>
    /// Like <see cref="Submit(IBorderSecurityRequest, string?, long?)"/>, but the events are known from
    /// <paramref name="knownFrom"/> (an imported fact that became public before this store recorded it) rather than
    /// from the instant they are recorded.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/> for none.</param>
    /// <param name="expectedVersion">The version the caller based the request on, or <see langword="null"/>.</param>
    /// <param name="knownFrom">When the fact became known; at or before the store's clock. <see langword="null"/> for the recorded instant.</param>
    /// <returns>What was stored.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="ArgumentException">An argument (or the key) is invalid, or <paramref name="knownFrom"/> is after the clock's now; nothing was written.</exception>
    /// <exception cref="StreamConcurrencyException">Another writer changed the stream first; nothing was written.</exception>
    /// <exception cref="IdempotencyKeyConflictException">The key was used before for a different request; nothing was written.</exception>
    public SubmitResult Submit(IBorderSecurityRequest request, string? idempotencyKey, long? expectedVersion, Instant? knownFrom)
    {
        if (knownFrom is { } known && known > _clock.GetCurrentInstant())
        {
            throw new ArgumentOutOfRangeException(nameof(knownFrom), known,
                $"A fact cannot be known from {known}, after the store's clock ({_clock.GetCurrentInstant()}): it would be known before it was recorded.");
        }

        Guard.Against.Null(request);
        var streamId = Guard.Against.Null(request.StreamId, nameof(request.StreamId)).Value;
        (string Key, string Fingerprint)? idempotency = null;
        if (idempotencyKey is not null)
        {
            Serialization.IdempotencyKeys.Validate(idempotencyKey);
            idempotency = (idempotencyKey, Serialization.IdempotencyKeys.For(request));
            lock (_gate)
            {
                if (EarlierUnderLock(idempotency, streamId) is { } earlier)
                {
                    return earlier;
                }
            }
        }

        var history = ReadStream(streamId);
        var version = history.Count;
        if (expectedVersion is { } expected && expected != version)
        {
            throw new StreamConcurrencyException(streamId, expected, version);
        }

        try
        {
            var referenced = BorderSecurityDecider.ReferencedStreamsOf(request).SelectMany(referencedId => ReadStream(referencedId.Value));
            var events = BorderSecurityDecider.Decide(history.Select(e => e.Data), request, referenced.Select(e => e.Data));
            return Append(streamId, version, events, idempotency, knownFrom);
        }
        catch (Exception e) when (idempotency is not null && e is DomainRuleViolationException or StreamConcurrencyException)
        {
            // A concurrent submission with the same key may have won the race: then this one is a repeat (or, for a
            // different request, a conflict), not this error.
            lock (_gate)
            {
                if (EarlierUnderLock(idempotency, streamId) is { } earlier)
                {
                    return earlier;
                }
            }

            throw;
        }
    }
}
