using System.Diagnostics;
using System.Runtime.CompilerServices;
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
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry;

namespace BorderSecurity.Domain.Telemetry;

/// <summary>
/// Any store, measured (<see cref="BorderSecurityTelemetry"/>): what <c>services.AddBorderSecurity()</c> registers as
/// <see cref="IBorderSecurityStore"/> over the store that answers, so that each question is instrumented once for every
/// store. A new question is one line here: <c>Ask(() =&gt; inner.NewQuestionAsync(..., cancellationToken))</c>; the
/// question's tag is the member's name without <c>Async</c>. When nothing listens, no activity is created and the
/// instruments drop their measurements; a call costs an extra async step and a timestamp.
/// </summary>
internal sealed class InstrumentedBorderSecurityStore(IBorderSecurityStore inner, string storeKind) : IBorderSecurityStore
{
    /// <summary>The store that answers.</summary>
    public IBorderSecurityStore Inner { get; } = Guard.Against.Null(inner);

    /// <summary>The <see cref="BorderSecurityTelemetry.StoreTag"/> of every measurement.</summary>
    public string StoreKind { get; } = Guard.Against.NullOrWhiteSpace(storeKind);

    public async Task<SubmitResult> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        var requestName = request is null ? null : RequestCatalogue.TryGetType(request.GetType().Name, out var known) && known == request.GetType()
            ? known.Name
            : "other";
        var tags = new TagList { { StoreTag, StoreKind }, { RequestTag, requestName } };
        using var activity = Instruments.Source.StartActivity(SubmitActivity, ActivityKind.Internal, default(ActivityContext), tags);
        activity?.DisplayName = $"submit {requestName}";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await Inner.SubmitAsync(request!, expectedVersion, idempotencyKey, cancellationToken).ConfigureAwait(false);
            Instruments.Ended(activity, ref tags, result.AlreadyRecorded ? AlreadyRecorded : Ok, null);
            if (result.Events.Count > 0)
            {
                Instruments.Appended.Add(result.Events.Count, new(StoreTag, StoreKind), new(OperationTag, "submit"));
            }

            return result;
        }
        catch (Exception e)
        {
            var (outcome, errorType) = Instruments.OutcomeOf(e);
            Instruments.Ended(activity, ref tags, outcome, errorType);
            throw;
        }
        finally
        {
            Instruments.Submits.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    public async Task<ImportResult> ImportAsync(IEnumerable<TimelineStep> steps, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var tags = new TagList { { StoreTag, StoreKind } };
        using var activity = Instruments.Source.StartActivity(ImportActivity, ActivityKind.Internal, default(ActivityContext), tags);
        activity?.DisplayName = "import";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await Inner.ImportAsync(steps, progress, cancellationToken).ConfigureAwait(false);
            Instruments.Ended(activity, ref tags, Ok, null);
            activity?.SetTag(EventsAppended, result.EventsStored);
            activity?.SetTag(StepsAlreadyStored, result.StepsAlreadyStored);
            if (result.EventsStored > 0)
            {
                Instruments.Appended.Add(result.EventsStored, new(StoreTag, StoreKind), new(OperationTag, "import"));
            }

            if (result.StepsAlreadyStored > 0)
            {
                Instruments.AlreadyStored.Add(result.StepsAlreadyStored, new KeyValuePair<string, object?>(StoreTag, StoreKind));
            }

            return result;
        }
        catch (Exception e)
        {
            var (outcome, errorType) = Instruments.OutcomeOf(e);
            Instruments.Ended(activity, ref tags, outcome, errorType);
            throw;
        }
        finally
        {
            Instruments.Imports.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterSequence = 0, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.ReadAllAsync(afterSequence, cancellationToken));

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamId streamId, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.ReadStreamAsync(streamId, cancellationToken));

    /// <inheritdoc />
    public Task<long> LastSequenceAsync(CancellationToken cancellationToken = default) =>
        Ask(() => Inner.LastSequenceAsync(cancellationToken));

    /// <inheritdoc />
    public Task<ChangesPage> ChangesAsync(ChangesQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.ChangesAsync(query, cancellationToken));

    /// <inheritdoc />
    public Task<ChangesPage> ChangesAboutAsync(StreamId subjectId, ChangesQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.ChangesAboutAsync(subjectId, query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<FigureVintage>> VintagesAsync(StreamId subjectId, VintagesQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.VintagesAsync(subjectId, query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<FigureVintage>> FundingVintagesOfAsync(Organisation recipient, VintagesQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingVintagesOfAsync(recipient, query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesAsync(VintagesQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingSeriesVintagesAsync(query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesOfAsync(Organisation recipient, VintagesQuery query,
        CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingSeriesVintagesOfAsync(recipient, query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<Change>> HappenedAsync(HappenedQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.HappenedAsync(query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<Change>> HappenedAboutAsync(StreamId subjectId, HappenedQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.HappenedAboutAsync(subjectId, query, cancellationToken));

    /// <inheritdoc />
    public Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingAsync(query, cancellationToken));

    public Task<FundingPortfolio> FundingOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingOfAsync(recipient, query, cancellationToken));

    public Task<FundingTotals> FundingTotalsAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingTotalsAsync(query, cancellationToken));

    public Task<FundingTotals> FundingTotalsOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingTotalsOfAsync(recipient, query, cancellationToken));

    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingSeriesAsync(query, cancellationToken));

    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesOfAsync(Organisation recipient, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingSeriesOfAsync(recipient, query, cancellationToken));

    public Task<FinancialYearFunding> FundingByFinancialYearAsync(FinancialYearRange years, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingByFinancialYearAsync(years, query, cancellationToken));

    public Task<FinancialYearFunding> FundingByFinancialYearOfAsync(Organisation recipient, FinancialYearRange years, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        Ask(() => Inner.FundingByFinancialYearOfAsync(recipient, years, query, cancellationToken));

    public Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.RecruitmentAsync(query, cancellationToken));

    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.HeadcountSeriesAsync(query, cancellationToken));

    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesOfAsync(Organisation organisation, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.HeadcountSeriesOfAsync(organisation, query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<TargetProgress>>> TargetProgressSeriesAsync(RecruitmentTargetId targetId, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        Ask(() => Inner.TargetProgressSeriesAsync(targetId, query, cancellationToken));

    public Task<IReadOnlyList<LegislationOverview>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.LegislationAsync(query, cancellationToken));

    public Task<LegislationOverview?> LegislationOfAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.LegislationOfAsync(legislationId, query, cancellationToken));

    public Task<IReadOnlyList<IndicatorOverview>> IndicatorsAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.IndicatorsAsync(query, cancellationToken));

    public Task<IndicatorOverview?> IndicatorOfAsync(IndicatorId indicatorId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.IndicatorOfAsync(indicatorId, query, cancellationToken));

    public Task<IReadOnlyList<PledgeOverview>> PledgesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.PledgesAsync(query, cancellationToken));

    public Task<PledgeOverview?> PledgeOfAsync(PledgeId pledgeId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.PledgeOfAsync(pledgeId, query, cancellationToken));

    public Task<ProvisionsInForce?> ProvisionsInForceAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.ProvisionsInForceAsync(legislationId, query, cancellationToken));

    public Task<CommandOverview?> CommandAsync(CommandId commandId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.CommandAsync(commandId, query, cancellationToken));

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.TimelineAsync(query, cancellationToken));

    public Task<IReadOnlyList<Dispute>> DisputesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.DisputesAsync(query, cancellationToken));

    public Task<IReadOnlyList<Dispute>> DisputesAboutAsync(StreamId subjectId, AsOfQuery query, CancellationToken cancellationToken = default) =>
        Ask(() => Inner.DisputesAboutAsync(subjectId, query, cancellationToken));

    /// <summary>Asks the inner store, measuring the question named after the calling member.</summary>
    private async Task<T> Ask<T>(Func<Task<T>> ask, [CallerMemberName] string member = "")
    {
        var question = QuestionName(member);
        var tags = new TagList { { StoreTag, StoreKind }, { QuestionTag, question } };
        using var activity = Instruments.Source.StartActivity(QuestionActivity, ActivityKind.Internal, default(ActivityContext), tags);
        activity?.DisplayName = $"question {question}";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await ask().ConfigureAwait(false);
            Instruments.Ended(activity, ref tags, Ok, null);
            return answer;
        }
        catch (Exception e)
        {
            var (outcome, errorType) = Instruments.OutcomeOf(e);
            Instruments.Ended(activity, ref tags, outcome, errorType);
            throw;
        }
        finally
        {
            Instruments.Questions.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>The question's tag: the member's name without <c>Async</c>.</summary>
    internal static string QuestionName(string member) =>
        member.EndsWith("Async", StringComparison.Ordinal) ? member[..^"Async".Length] : member;
}
