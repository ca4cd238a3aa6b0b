using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;

namespace BorderSecurity.Domain.Storage;

/// <summary>
/// A store of the model, in memory or durable: the one contract services write and ask through. Every
/// implementation decides requests with the same deciders (<see cref="BorderSecurityDecider"/>), keeps both instants
/// of every event (<see cref="RecordedEvent.KnownFrom"/> and <see cref="RecordedEvent.RecordedAt"/>), and gives the
/// same answer to the same question over the same history, field for field (the conformance suite checks it).
/// </summary>
/// <remarks>
/// <para>Writes are all or nothing: a broken rule (<see cref="DomainRuleViolationException"/>), an invalid argument
/// (<see cref="ArgumentException"/>), a stale expected version (<see cref="StreamConcurrencyException"/>) or an
/// idempotency key reused for a different request (<see cref="IdempotencyKeyConflictException"/>) stores nothing.</para>
/// <para>Register one with <c>services.AddBorderSecurity()</c> (in memory) or, with the Marten package,
/// <c>services.AddBorderSecurity().UseMarten(...)</c>.</para>
/// </remarks>
public partial interface IBorderSecurityStore
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
    /// <param name="steps">The steps, in order.</param>
    /// <param name="progress">Told of each step's 1-based count once stored or skipped, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import between steps.</param>
    /// <returns>How many events were stored and how many steps had been stored before.</returns>
    /// <exception cref="TimelineImportException">A step was rejected (a broken rule, an invalid field, a known-from after the store's clock, or its idempotency key already used for a different request: <see cref="IdempotencyKeyConflictException"/>) or the store failed; the message names the step.</exception>
    Task<ImportResult> ImportAsync(IEnumerable<TimelineStep> steps, IProgress<int>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole log in recording order.</summary>
    /// <param name="afterSequence">Only events after this sequence number (0 for all).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, with both instants.</returns>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>Reads one stream in order.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its events; empty if it does not exist.</returns>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>All funding (see <see cref="IBorderSecurityQueries.Funding"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The portfolio.</returns>
    Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>One recipient's funding (see <see cref="IBorderSecurityQueries.FundingOf"/>).</summary>
    /// <param name="recipient">The recipient, matched exactly (ordinal).</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The recipient's portfolio; empty if it had no commitments as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    Task<FundingPortfolio> FundingOfAsync(string recipient, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Only the funding totals, of one recipient or the portfolio: the same figures as
    /// <see cref="FundingPortfolio.Totals"/> of <see cref="FundingAsync"/> (or <see cref="FundingOfAsync"/>), without
    /// the commitments, allocations and sources. <see cref="FundingTotals.Total"/> sums the amounts that are not yearly
    /// levels; yearly levels are in <see cref="FundingTotals.YearlyLevels"/>, never added to it.
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="recipient">One recipient (matched exactly), or <see langword="null"/> for the whole portfolio.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The totals.</returns>
    Task<FundingTotals> FundingTotalsAsync(AsOfQuery query, string? recipient = null, CancellationToken cancellationToken = default);

    /// <summary>All recruitment (see <see cref="IBorderSecurityQueries.Recruitment"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The summary.</returns>
    Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every piece of legislation, in id order (see <see cref="IBorderSecurityQueries.Legislation"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The legislation.</returns>
    Task<IReadOnlyList<Legislation>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>A command at a glance (see <see cref="IBorderSecurityQueries.Command"/>).</summary>
    /// <param name="commandId">The command's stream id.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The overview, or <see langword="null"/> if the command was not established as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commandId"/> is null.</exception>
    Task<CommandOverview?> CommandAsync(string commandId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every event that counts, by valid date then recording order, with its sources (see <see cref="IBorderSecurityQueries.Timeline"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The timeline.</returns>
    Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Funding as a time series (see <see cref="IBorderSecurityQueries.FundingSeries"/>): from each point's date, the sum of
    /// amounts and, apart, the yearly levels.
    /// </summary>
    /// <param name="recipient">The recipient, or <see langword="null"/> for the whole portfolio.</param>
    /// <param name="knownAt">As known at this instant, or <see langword="null"/>.</param>
    /// <param name="recordedBy">As this store had recorded it at this instant, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The points, in date order.</returns>
    Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(string? recipient, Instant? knownAt = null, Instant? recordedBy = null,
        CancellationToken cancellationToken = default);

    /// <summary>Total headcount target as a time series (see <see cref="IBorderSecurityQueries.HeadcountSeries"/>).</summary>
    /// <param name="organisation">The organisation, or <see langword="null"/> for all.</param>
    /// <param name="knownAt">As known at this instant, or <see langword="null"/>.</param>
    /// <param name="recordedBy">As this store had recorded it at this instant, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The points, in date order.</returns>
    Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(string? organisation, Instant? knownAt = null, Instant? recordedBy = null,
        CancellationToken cancellationToken = default);
}

/// <summary>What an import stored.</summary>
/// <param name="EventsStored">Events stored by this import.</param>
/// <param name="StepsAlreadyStored">Steps skipped because they had been stored before (same idempotency key).</param>
public sealed record ImportResult(int EventsStored, int StepsAlreadyStored);

/// <summary>An import stopped at a step. Steps before it are stored, nothing of it is; run the import again to resume.</summary>
public sealed class TimelineImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="step">The 0-based index of the step that failed.</param>
    /// <param name="eventsStored">Events this import stored before it stopped.</param>
    /// <param name="stepsAlreadyStored">Steps this import skipped as already stored.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="inner">The underlying error.</param>
    public TimelineImportException(int step, int eventsStored, int stepsAlreadyStored, string message, Exception inner)
        : base(message, inner)
    {
        Step = step;
        EventsStored = eventsStored;
        StepsAlreadyStored = stepsAlreadyStored;
    }

    /// <summary>The 0-based index of the step that failed.</summary>
    public int Step { get; }

    /// <summary>Events this import stored before it stopped.</summary>
    public int EventsStored { get; }

    /// <summary>Steps this import skipped as already stored.</summary>
    public int StepsAlreadyStored { get; }
}
