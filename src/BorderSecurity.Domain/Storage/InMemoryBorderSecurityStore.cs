using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;

namespace BorderSecurity.Domain.Storage;

/// <summary>
/// The embedded store, and the default one <c>services.AddBorderSecurity()</c> registers: the log and the indexes that
/// answer every question without refolding whole streams, in memory, kept in step. Thread-safe; nothing survives the
/// process.
/// </summary>
/// <remarks>
/// <para>Each write decides, appends and applies its events to the projection under one lock, and every question and
/// read takes the same lock, so a question never sees half a write: either all of a write's events count or none do.</para>
/// <para>Recorded instants come from the clock given to the constructor and never go backwards: if the clock reads earlier
/// than the last recorded instant (a clock stepped back), the store records the last instant again, so "known at"
/// questions stay consistent with the order the store learnt things in. An import keeps each step's known-from instant;
/// a step known from after the clock's now is rejected.</para>
/// </remarks>
/// <example>
/// <code>
/// var store = new InMemoryBorderSecurityStore(SystemClock.Instance);
/// await store.ImportAsync(ReferenceTimeline2024.Steps);
/// var funding = await store.FundingAsync(new AsOfQuery(new LocalDate(2024, 11, 5)));
/// </code>
/// </example>
public sealed class InMemoryBorderSecurityStore : IBorderSecurityStore
{
    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly InMemoryEventStore _log;
    private readonly BorderSecurityProjection _projection = new();
    private readonly List<RecordedEvent> _byKnownFrom = [];
    private readonly Dictionary<LocalDate, List<RecordedEvent>> _byValidOn = [];

    /// <summary>Creates an empty store.</summary>
    /// <param name="clock">The clock that stamps recorded instants (and bounds imported known-from instants).</param>
    public InMemoryBorderSecurityStore(IClock clock)
    {
        _clock = Guard.Against.Null(clock);
        _log = new InMemoryEventStore(clock);
    }

    /// <summary>
    /// A store holding events another store recorded, as they were recorded (sequences, versions and both instants kept):
    /// the in-memory answers to that store's history, for checking one store's answers against this one's.
    /// </summary>
    /// <param name="events">The events, in recording order.</param>
    /// <returns>The store, on the system clock.</returns>
    internal static InMemoryBorderSecurityStore Over(IEnumerable<RecordedEvent> events)
    {
        Guard.Against.Null(events);
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);
        var all = events.ToList();
        store._log.Load(all);
        foreach (var e in all)
        {
            store._projection.Apply(e);
            store.IndexKnownFrom(e);
            store.IndexValidOn(e);
        }

        return store;
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

    /// <inheritdoc />
    public Task<SubmitResult> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        Run(() => Submit(Guard.Against.Null(request), idempotencyKey, expectedVersion, knownFrom: null), cancellationToken);

    /// <inheritdoc />
    public Task<ImportResult> ImportAsync(IEnumerable<TimelineStep> steps, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Run(() => Import(Guard.Against.Null(steps), progress, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterSequence = 0, CancellationToken cancellationToken = default) =>
        Ask(() => _log.ReadAll(Guard.Against.Negative(afterSequence)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamId streamId, CancellationToken cancellationToken = default) =>
        Ask(() => _log.ReadStream(Guard.Against.Null(streamId).Value), cancellationToken);

    /// <inheritdoc />
    public Task<long> LastSequenceAsync(CancellationToken cancellationToken = default) =>
        Ask(() => _log.LastSequence, cancellationToken);

    /// <inheritdoc />
    public Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Funding(query), cancellationToken);

    /// <inheritdoc />
    public Task<FundingPortfolio> FundingOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.FundingOf(Guard.Against.Null(recipient).Name, query), cancellationToken);

    /// <inheritdoc />
    public Task<FundingTotals> FundingTotalsAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.FundingTotals(null, Guard.Against.Null(query)), cancellationToken);

    /// <inheritdoc />
    public Task<FundingTotals> FundingTotalsOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.FundingTotals(Guard.Against.Null(recipient).Name, Guard.Against.Null(query)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.FundingSeries(null, query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesOfAsync(Organisation recipient, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        Ask(() => _projection.FundingSeries(Guard.Against.Null(recipient).Name, query), cancellationToken);

    /// <inheritdoc />
    public Task<FinancialYearFunding> FundingByFinancialYearAsync(FinancialYearRange years, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.FundingByFinancialYear(Guard.Against.Null(years).First, years.Last, query), cancellationToken);

    /// <inheritdoc />
    public Task<FinancialYearFunding> FundingByFinancialYearOfAsync(Organisation recipient, FinancialYearRange years, AsOfQuery query,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(recipient);
        Guard.Against.Null(years);
        return Ask(() => _projection.FundingByFinancialYear(years.First, years.Last, query, recipient.Name), cancellationToken);
    }

    /// <inheritdoc />
    public Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Recruitment(query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.HeadcountSeries(null, query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesOfAsync(Organisation organisation, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.HeadcountSeries(Guard.Against.Null(organisation).Name, query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<TargetProgress>>> TargetProgressSeriesAsync(RecruitmentTargetId targetId, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        Ask(() => _projection.TargetProgressSeries(Guard.Against.Null(targetId).Value, query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LegislationOverview>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.LegislationOverviews(query), cancellationToken);

    /// <inheritdoc />
    public Task<LegislationOverview?> LegislationOfAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.LegislationOverviewOf(Guard.Against.Null(legislationId).Value, query), cancellationToken);

    /// <inheritdoc />
    public Task<ProvisionsInForce?> ProvisionsInForceAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.ProvisionsInForce(Guard.Against.Null(legislationId).Value, query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<IndicatorOverview>> IndicatorsAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Indicators(query), cancellationToken);

    /// <inheritdoc />
    public Task<IndicatorOverview?> IndicatorOfAsync(IndicatorId indicatorId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.IndicatorOf(Guard.Against.Null(indicatorId).Value, query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PledgeOverview>> PledgesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Pledges(query), cancellationToken);

    /// <inheritdoc />
    public Task<PledgeOverview?> PledgeOfAsync(PledgeId pledgeId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.PledgeOf(Guard.Against.Null(pledgeId).Value, query), cancellationToken);

    /// <inheritdoc />
    public Task<CommandOverview?> CommandAsync(CommandId commandId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Command(Guard.Against.Null(commandId).Value, query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Timeline(query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Dispute>> DisputesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Disputes(query), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Dispute>> DisputesAboutAsync(StreamId subjectId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => _projection.Disputes(query, Guard.Against.Null(subjectId).Value), cancellationToken);

    /// <inheritdoc />
    public Task<ChangesPage> ChangesAsync(ChangesQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => ChangeAnswers.Of(Guard.Against.Null(query), Page(query, Window(query)), _log.ReadStream), cancellationToken);

    /// <inheritdoc />
    public Task<ChangesPage> ChangesAboutAsync(StreamId subjectId, ChangesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(subjectId);
        Guard.Against.Null(query);
        return Ask(() => ChangeAnswers.Of(query, Page(query, Window(Held(subjectId, query)).Where(e => ChangeAnswers.IsAbout(e, subjectId, _log.ReadStream))),
            _log.ReadStream, subjectId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FigureVintage>> VintagesAsync(StreamId subjectId, VintagesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(subjectId);
        Guard.Against.Null(query);
        return Ask(() => VintageAnswers.OfStream(subjectId, _log.ReadStream(subjectId.Value), query), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FigureVintage>> FundingVintagesOfAsync(Organisation recipient, VintagesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(recipient);
        Guard.Against.Null(query);

        // Every task here completes at once: the totals are asked of the projection under the lock already held.
        return Ask(() => VintageAnswers.OfAsync(RecipientEvents(recipient),
                at => Task.FromResult<decimal?>(_projection.FundingOf(recipient.Name, new AsOfQuery(query.AsOf, at)).Totals.Total.Pounds),
                query, cancellationToken).GetAwaiter().GetResult(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesAsync(VintagesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        return Ask(() => SeriesVintageAnswers.OfAsync([.. _log.ReadAll().Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == AggregateKind.FundingCommitment)],
            at => Task.FromResult(_projection.FundingSeries(null, new AsOfQuery(query.AsOf, at))), query, cancellationToken).GetAwaiter().GetResult(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesOfAsync(Organisation recipient, VintagesQuery query,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(recipient);
        Guard.Against.Null(query);
        return Ask(() => SeriesVintageAnswers.OfAsync(RecipientEvents(recipient),
            at => Task.FromResult(_projection.FundingSeries(recipient.Name, new AsOfQuery(query.AsOf, at))), query, cancellationToken).GetAwaiter().GetResult(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Change>> HappenedAsync(HappenedQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        return Ask(() => ChangeAnswers.Happened(query, ValidWindow(query), _log.ReadStream), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Change>> HappenedAboutAsync(StreamId subjectId, HappenedQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(subjectId);
        Guard.Against.Null(query);
        return Ask(() => ChangeAnswers.Happened(query, ValidWindow(Held(subjectId, query)), _log.ReadStream, subjectId), cancellationToken);
    }

    // Every event of the recipient's commitments.
    private List<RecordedEvent> RecipientEvents(Organisation recipient)
    {
        var all = _log.ReadAll();
        var streams = all.Select(e => FundingStatements.CreationOf(e.Data)).Where(c => c is not null && c.Recipient == recipient.Name)
            .Select(c => c!.CommitmentId).ToHashSet(StringComparer.Ordinal);
        return [.. all.Where(e => streams.Contains(e.StreamId))];
    }

    // The events dated in the question's window, from the valid-date index: day by day through the window, or through the
    // days that hold events when the window is longer.
    private IEnumerable<RecordedEvent> ValidWindow(HappenedQuery query)
    {
        var days = Period.Between(query.From, query.To, PeriodUnits.Days).Days + 1L;
        var dates = days <= _byValidOn.Count
            ? Enumerable.Range(0, (int)days).Select(query.From.PlusDays)
            : _byValidOn.Keys.Where(d => d >= query.From && d <= query.To);
        return dates.SelectMany(d => _byValidOn.TryGetValue(d, out var events) ? events : []);
    }

    private void IndexValidOn(RecordedEvent e)
    {
        if (!_byValidOn.TryGetValue(e.ValidOn, out var events))
        {
            _byValidOn[e.ValidOn] = events = [];
        }

        events.Add(e);
    }

    // The question, once the subject is known to be a stream this store holds (whatever the question's instants).
    private T Held<T>(StreamId subjectId, T query) =>
        _log.ReadStream(subjectId.Value).Count > 0 ? query : throw ChangeAnswers.UnknownSubject(subjectId);

    // The window's first page plus one (the window comes in known order, recorded-by filter applied here): the answer's
    // sort then orders a page, not the whole window.
    private static IEnumerable<RecordedEvent> Page(ChangesQuery query, IEnumerable<RecordedEvent> window) =>
        window.Where(query.Includes).Take(query.PageSize is { } size ? size + 1 : int.MaxValue);

    // The events known in the question's window after its continuation, from the known-from index: found by binary search,
    // read up to the window's end.
    private IEnumerable<RecordedEvent> Window(ChangesQuery query)
    {
        var (fromInstant, fromSequence) = query.ResumeAfter ?? (query.KnownAfter, long.MaxValue);
        int lo = 0, hi = _byKnownFrom.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var e = _byKnownFrom[mid];
            if (e.KnownFrom < fromInstant || (e.KnownFrom == fromInstant && e.Sequence <= fromSequence))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < _byKnownFrom.Count && _byKnownFrom[i].KnownFrom <= query.KnownBy; i++)
        {
            yield return _byKnownFrom[i];
        }
    }

    // Keeps the known-from index in (known-from, sequence) order; an ordinary write appends at the end.
    private void IndexKnownFrom(RecordedEvent e)
    {
        if (_byKnownFrom.Count == 0 || _byKnownFrom[^1].KnownFrom <= e.KnownFrom)
        {
            _byKnownFrom.Add(e);
            return;
        }

        int lo = 0, hi = _byKnownFrom.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _byKnownFrom[mid];
            if (m.KnownFrom < e.KnownFrom || (m.KnownFrom == e.KnownFrom && m.Sequence < e.Sequence))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        _byKnownFrom.Insert(lo, e);
    }

    private static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(work());
        }
        catch (OperationCanceledException e) when (e.CancellationToken == cancellationToken)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    private Task<T> Ask<T>(Func<T> answer, CancellationToken cancellationToken) =>
        Run(() =>
        {
            lock (_gate)
            {
                return answer();
            }
        }, cancellationToken);

    private ImportResult Import(IEnumerable<TimelineStep> steps, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        int index = 0, stored = 0, skipped = 0;
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step is null)
            {
                throw new TimelineImportException(index, stored, skipped, $"step {index} is null.",
                    new ArgumentNullException(nameof(steps), $"Step {index} is null."));
            }

            var name = $"{step.Request?.GetType().Name} {step.Request?.StreamId}";
            var now = _clock.GetCurrentInstant();
            if (step.KnownFrom > now)
            {
                throw new TimelineImportException(index, stored, skipped,
                    $"step {index} ({name}) is known from {step.KnownFrom}, after the store's clock ({now}): a fact cannot be known before it is recorded. " +
                    "Steps before it are stored; nothing of this step is.",
                    new ArgumentOutOfRangeException(nameof(TimelineStep.KnownFrom), step.KnownFrom, "A step cannot be known from after the store's clock."));
            }

            try
            {
                var result = Submit(Guard.Against.Null(step.Request, nameof(TimelineStep.Request)), IdempotencyKeys.For(step), null, step.KnownFrom);
                if (result.AlreadyRecorded)
                {
                    skipped++;
                }
                else
                {
                    stored += result.Events.Count;
                }
            }
            catch (Exception e) when (e is DomainRuleViolationException or ArgumentException or StreamConcurrencyException or IdempotencyKeyConflictException)
            {
                throw new TimelineImportException(index, stored, skipped,
                    $"step {index} ({name}) was rejected: {e.Message} Steps before it are stored; nothing of this step is.", e);
            }

            index++;
            progress?.Report(index);
        }

        return new ImportResult(stored, skipped);
    }

    private SubmitResult Submit(IBorderSecurityRequest request, string? idempotencyKey, long? expectedVersion, Instant? knownFrom)
    {
        lock (_gate)
        {
            var result = _log.Submit(request, idempotencyKey, expectedVersion, knownFrom);
            if (!result.AlreadyRecorded)
            {
                foreach (var e in result.Events)
                {
                    _projection.Apply(e);
                    IndexKnownFrom(e);
                    IndexValidOn(e);
                }
            }

            return result;
        }
    }
}
