using BorderSecurity.Domain.ReferenceTimeline;

namespace BorderSecurity.Domain.Storage;

/// <summary>
/// Writing to a store: deciding one request, or importing timeline steps. Part of <see cref="IBorderSecurityStore"/>;
/// a service that only writes may depend on this alone.
/// </summary>
/// <remarks>
/// Writes are all or nothing: a broken rule (<see cref="DomainRuleViolationException"/>), an invalid argument
/// (<see cref="ArgumentException"/>), a stale expected version (<see cref="StreamConcurrencyException"/>) or an
/// idempotency key reused for a different request (<see cref="IdempotencyKeyConflictException"/>) stores nothing.
/// A timeline file becomes steps with <see cref="Serialization.TimelineFile.Read"/>; <see cref="ImportAsync"/> stores them.
/// </remarks>
public interface IBorderSecurityWriter
{
    /// <summary>
    /// Decides a request against its stream and stores the events, known from the moment they are recorded.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="expectedVersion">The stream version the caller based the request on (0 for a new stream), or <see langword="null"/> to decide against the version read here.</param>
    /// <param name="idempotencyKey">
    /// A key stored atomically with the events and the request's fingerprint
    /// (<see cref="Serialization.IdempotencyKeys.For(IBorderSecurityRequest)"/>), or <see langword="null"/>: a second
    /// submission of the same request with the same key stores nothing and gets the first one's events back with
    /// <see cref="SubmitResult.AlreadyRecorded"/> set; a different request with the same key is refused with
    /// <see cref="IdempotencyKeyConflictException"/>. Only a write that stored events keeps its key: a refused one
    /// (a broken rule, a stale version) leaves the key unused.
    /// </param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="DomainRuleViolationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="ArgumentException">An argument (or the key) is invalid; nothing was written.</exception>
    /// <exception cref="StreamConcurrencyException">The stream is not at <paramref name="expectedVersion"/>, or another writer changed it first; nothing was written.</exception>
    /// <exception cref="IdempotencyKeyConflictException">
    /// <paramref name="idempotencyKey"/> was used before for a different request; nothing was written, and the key still
    /// names the first request.
    /// </exception>
    Task<SubmitResult> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports timeline steps in order, each as one all-or-nothing write known from its step's
    /// <see cref="TimelineStep.KnownFrom"/> and recorded now. Each step is stored at most once (its idempotency key is
    /// <see cref="Serialization.IdempotencyKeys.For(TimelineStep)"/>: its step id, if any, and its request's content; two
    /// identical requests with different step ids are two steps), so an import that stopped half way is resumed
    /// by running it again: stored steps are skipped and counted, nothing is doubled.
    /// </summary>
    /// <remarks>
    /// Steps come from <see cref="ReferenceTimeline2024.Steps"/>, from a file (<see cref="Serialization.TimelineFile.Read"/>)
    /// or from code. To check a whole file before storing any of it, import it into a throwaway
    /// <see cref="InMemoryBorderSecurityStore"/> first: a step it rejects stops the import there.
    /// </remarks>
    /// <param name="steps">The steps, in order.</param>
    /// <param name="progress">Told of each step's 1-based count once stored or skipped, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import between steps.</param>
    /// <returns>How many events were stored and how many steps had been stored before.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null.</exception>
    /// <exception cref="TimelineImportException">A step was rejected (a broken rule, an invalid field, a known-from after the store's clock, or its idempotency key already used for a different request: <see cref="IdempotencyKeyConflictException"/>) or the store failed; the message names the step.</exception>
    Task<ImportResult> ImportAsync(IEnumerable<TimelineStep> steps, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}
