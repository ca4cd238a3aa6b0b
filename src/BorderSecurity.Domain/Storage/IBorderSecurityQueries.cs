using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Storage;

/// <summary>
/// Every question the model answers, on both time axes. Part of <see cref="IBorderSecurityStore"/>; a service that only
/// asks may depend on this alone. Every answer is a pure function of the events and the question: the same events
/// recorded in another order give the same answer, and both stores give the same answer field for field (see
/// docs/projections.md).
/// </summary>
/// <remarks>
/// <para>One parameter order everywhere: the subject (an <see cref="Organisation"/>, a typed id), then the question
/// (<see cref="AsOfQuery"/>: as of a valid date, as known at an instant, as recorded by an instant), then the
/// cancellation token. A question about the whole portfolio and the same question about one subject are two members
/// (<see cref="FundingTotalsAsync"/>, <see cref="FundingTotalsOfAsync"/>), never an optional subject.</para>
/// <para>A series takes the same question: it runs up to <see cref="AsOfQuery.AsOf"/> (no point after it), each point
/// as known at <see cref="AsOfQuery.KnownAt"/> and as recorded by <see cref="AsOfQuery.RecordedBy"/>. Ask with
/// <see cref="LocalDate.MaxIsoValue"/> for the whole series.</para>
/// <para>Every answer that includes a commitment, target, bill, command, outcome indicator or pledge lists the disputes open about it for the
/// question (<see cref="OpenDisputes"/>).</para>
/// </remarks>
public interface IBorderSecurityQueries
{
    /// <summary>
    /// All funding: portfolio, recipients, origins, capabilities, commitments. Every figure that sums money keeps yearly
    /// levels apart from sums of amounts (<see cref="FundingTotals"/>).
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The portfolio.</returns>
    Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// One recipient's funding, in the shape of a portfolio holding only its commitments: the same answer as the
    /// portfolio narrowed to the commitments whose recipient is <paramref name="recipient"/> (names match exactly), but
    /// stores index commitments by recipient, so the cost grows with that recipient's commitments, not everyone's.
    /// </summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The recipient's portfolio; empty if it had no commitments as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    Task<FundingPortfolio> FundingOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Only the portfolio's funding totals: the same figures as <see cref="FundingPortfolio.Totals"/> of
    /// <see cref="FundingAsync"/>, without the commitments, allocations and sources. <see cref="FundingTotals.Total"/> sums
    /// the amounts that are not yearly levels; yearly levels are in <see cref="FundingTotals.YearlyLevels"/>, never added to it.
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The totals.</returns>
    Task<FundingTotals> FundingTotalsAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>Only one recipient's funding totals: the same figures as <see cref="FundingPortfolio.Totals"/> of <see cref="FundingOfAsync"/>.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The totals; zero if it had no commitments as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    Task<FundingTotals> FundingTotalsOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The portfolio's funding as a time series: each valid date up to the question's <see cref="AsOfQuery.AsOf"/> where it
    /// changes, and its value from then, the sum of amounts (<see cref="FundingTotals.Total"/>) and, apart, the yearly
    /// levels (<see cref="FundingTotals.YearlyLevels"/>), each as known at the question's instant. A yearly level never
    /// moves the sum: a point where only the yearly levels change keeps the sum it had.
    /// </summary>
    /// <param name="query">The question: the series ends at its date, as known at (and recorded by) its instants.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The points, in date order; the first is the first date with funding.</returns>
    Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>One recipient's funding as a time series, as <see cref="FundingSeriesAsync"/> does for the portfolio.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="query">The question: the series ends at its date, as known at (and recorded by) its instants.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The points, in date order; empty if the recipient had no funding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The portfolio's funding counted by UK financial year: for each year of <paramref name="years"/>, the money for that
    /// year alone, the yearly levels that apply in it, and the totals over several years that include it but are not split
    /// across years (whole, with their spans); and the money whose period is not stated. See
    /// <see cref="FinancialYearFunding.Of"/> for the one counting rule.
    /// </summary>
    /// <param name="years">The financial years asked about.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="years"/> is null.</exception>
    Task<FinancialYearFunding> FundingByFinancialYearAsync(FinancialYearRange years, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>One recipient's funding counted by UK financial year, as <see cref="FundingByFinancialYearAsync"/> does for the portfolio.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="years">The financial years asked about.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer; nothing counted if the recipient had no commitments as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> or <paramref name="years"/> is null.</exception>
    Task<FinancialYearFunding> FundingByFinancialYearOfAsync(Organisation recipient, FinancialYearRange years, AsOfQuery query,
        CancellationToken cancellationToken = default);

    /// <summary>All recruitment: targets, in post and gap per organisation.</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The summary.</returns>
    Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>The total headcount target of every organisation as a time series, up to the question's date, as known at its instant.</summary>
    /// <param name="query">The question: the series ends at its date, as known at (and recorded by) its instants.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The points, in date order.</returns>
    Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>One organisation's headcount target as a time series, as <see cref="HeadcountSeriesAsync"/> does for all.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <param name="query">The question: the series ends at its date, as known at (and recorded by) its instants.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The points, in date order; empty if it had no targets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organisation"/> is null.</exception>
    Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesOfAsync(Organisation organisation, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// People in post set against one target over valid time: each valid date up to the question's date where its headcount,
    /// people in post or status changes, and their values from then (<see cref="TargetProgress"/>), as known at the question's
    /// instant and recorded by its other.
    /// </summary>
    /// <param name="targetId">The recruitment target.</param>
    /// <param name="query">The question: the series ends at its date, as known at (and recorded by) its instants.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The points, in date order; the first is the date the target was set; empty if it was not set as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targetId"/> is null.</exception>
    Task<IReadOnlyList<SeriesPoint<TargetProgress>>> TargetProgressSeriesAsync(RecruitmentTargetId targetId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every piece of legislation as of the question, in id order: each with its House and stage, its history per House
    /// and its provisions (<see cref="LegislationOverview.Legislation"/>), and the disputes open about it.
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The legislation.</returns>
    Task<IReadOnlyList<LegislationOverview>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>One piece of legislation as of the question: the same as the entry of <see cref="LegislationAsync"/> with that id.</summary>
    /// <param name="legislationId">The legislation.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The legislation with its open disputes, or <see langword="null"/> if it did not exist as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="legislationId"/> is null.</exception>
    Task<LegislationOverview?> LegislationOfAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>Which provisions of an Act were in force on the question's date, as known at its instant, with the open disputes about it.</summary>
    /// <param name="legislationId">The legislation.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The provisions, or <see langword="null"/> if the legislation did not exist as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="legislationId"/> is null.</exception>
    Task<ProvisionsInForce?> ProvisionsInForceAsync(LegislationId legislationId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every outcome indicator defined as of the question, in id order: each with its values whose period ended by the
    /// question's date (a value is dated its period's last day), every release of each as known at the question's instant
    /// (the first release, then each revision with what changed it), and the disputes open about it.
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The indicators.</returns>
    Task<IReadOnlyList<IndicatorOverview>> IndicatorsAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>One outcome indicator as of the question: the same as the entry of <see cref="IndicatorsAsync"/> with that id.</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The indicator with its open disputes, or <see langword="null"/> if it was not defined as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicatorId"/> is null.</exception>
    Task<IndicatorOverview?> IndicatorOfAsync(IndicatorId indicatorId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every pledge made as of the question, in id order: each with what was promised, by whom, what delivers it (stream
    /// ids), its parts' whole, every verdict that counts (dated by the question's date, known at its instant) in date order,
    /// and the disputes open about it.
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The pledges.</returns>
    Task<IReadOnlyList<PledgeOverview>> PledgesAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>One pledge as of the question: the same as the entry of <see cref="PledgesAsync"/> with that id.</summary>
    /// <param name="pledgeId">The pledge.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The pledge with its verdicts and open disputes, or <see langword="null"/> if it was not made as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pledgeId"/> is null.</exception>
    Task<PledgeOverview?> PledgeOfAsync(PledgeId pledgeId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>A command at a glance: its state, the funding and targets under its name, and the disputes open about any of them.</summary>
    /// <param name="commandId">The command.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The overview, or <see langword="null"/> if the command was not established as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commandId"/> is null.</exception>
    Task<CommandOverview?> CommandAsync(CommandId commandId, AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every event that counts for the question, by valid date then recording order, with its sources.</summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The timeline.</returns>
    Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every dispute recorded by the question's date, as known at its instant, <em>open and resolved</em>, in id order: each
    /// with its sides and their sources, and its resolution when that counts for the question (resolved later, or recorded
    /// after the known-at instant, it is still open: <see cref="Dispute.IsOpen"/>).
    /// </summary>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The disputes.</returns>
    Task<IReadOnlyList<Dispute>> DisputesAsync(AsOfQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The disputes about one subject (a commitment, target, bill, command, outcome indicator or pledge), <em>open and resolved</em>, in id order: the
    /// entries of <see cref="DisputesAsync"/> whose <see cref="Dispute.SubjectId"/> is <paramref name="subjectId"/>. The open
    /// ones (<see cref="Dispute.IsOpen"/>) are those an answer including the subject lists.
    /// </summary>
    /// <param name="subjectId">The subject's stream id, of any aggregate.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The disputes about it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    Task<IReadOnlyList<Dispute>> DisputesAboutAsync(StreamId subjectId, AsOfQuery query, CancellationToken cancellationToken = default);
    /// <summary>
    /// What was learnt between two instants, for the whole portfolio: every event that became known after
    /// <see cref="ChangesQuery.KnownAfter"/> and by <see cref="ChangesQuery.KnownBy"/>, whatever its valid date, in the order
    /// it became known (then log order), each classified (<see cref="ChangeKind"/>, and whether it is a back-fill), with
    /// its subject, valid date, sources and, for a figure, the value before and after as of its valid date
    /// (<see cref="FigureChange"/>). Stores read only the events in the window (an index on the known-from instant).
    /// </summary>
    /// <param name="query">The window, and the page asked for.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The page of changes, with a continuation when more follow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    Task<ChangesPage> ChangesAsync(ChangesQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// What was learnt between two instants about one subject: the changes of <see cref="ChangesAsync"/> recorded in the
    /// subject's stream, and the disputes recorded or resolved about it.
    /// </summary>
    /// <param name="subjectId">The subject's stream id, of any aggregate.</param>
    /// <param name="query">The window, and the page asked for.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The page of changes about it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> or <paramref name="query"/> is null.</exception>
    Task<ChangesPage> ChangesAboutAsync(StreamId subjectId, ChangesQuery query, CancellationToken cancellationToken = default);
    /// <summary>
    /// Every vintage of one commitment's or target's figure for one valid date: its value as of
    /// <see cref="VintagesQuery.AsOf"/>, as known at each instant it changed, with what changed it and its sources (the first
    /// release, then each revision or correction; <see cref="VintagesQuery.Selection"/> narrows to either). A re-announcement
    /// changes no value, so it makes no vintage. For an outcome indicator, the releases of its value for one period
    /// (<see cref="VintagesQuery.Period"/>, or the one ending on <see cref="VintagesQuery.AsOf"/>): each known release, its
    /// count the value and <see cref="FigureVintage.Release"/> its qualifier, status and reason, the first release first.
    /// </summary>
    /// <param name="subjectId">The commitment, target or outcome indicator.</param>
    /// <param name="query">The valid date, the figure (or for an indicator the period) and which vintages.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The vintages, in the order they became known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The store holds no commitment, target or indicator <paramref name="subjectId"/>, it never states
    /// the figure asked for (<c>figure</c>), or an indicator has no value for the period (<c>period</c>: none or several end on the date).</exception>
    Task<IReadOnlyList<FigureVintage>> VintagesAsync(StreamId subjectId, VintagesQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every vintage of one recipient's total funding (<see cref="FundingTotals.Total"/> of <see cref="FundingTotalsOfAsync"/>, in
    /// pounds) for one valid date: its value as known at each instant it changed, with what changed it and its sources.
    /// </summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="query">The valid date and which vintages (its figure is not used).</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The vintages, in the order they became known; empty if it had no funding as of the date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> or <paramref name="query"/> is null.</exception>
    Task<IReadOnlyList<FigureVintage>> FundingVintagesOfAsync(Organisation recipient, VintagesQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every vintage of the portfolio's funding series (<see cref="FundingSeriesAsync"/>) up to one valid date: the series as
    /// known at each instant it changed, with what changed it and its sources; the data of a "what was known when" picture.
    /// </summary>
    /// <param name="query">The series' last date and which vintages (its figure is not used).</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The vintages, in the order they became known; empty if there was no funding by the date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <remarks>Stores ask the series once per instant a funding event dated by the question's date became known: the cost grows
    /// with those instants; <see cref="FundingSeriesVintagesOfAsync"/> asks about one recipient's.</remarks>
    Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesAsync(VintagesQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every vintage of one recipient's funding series (<see cref="FundingSeriesOfAsync"/>), as <see cref="FundingSeriesVintagesAsync"/> does for the portfolio.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="query">The series' last date and which vintages (its figure is not used).</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The vintages, in the order they became known; empty if the recipient had no funding by the date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> or <paramref name="query"/> is null.</exception>
    Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesOfAsync(Organisation recipient, VintagesQuery query,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// What happened in the world between two valid dates, as known at the question's instants (as we know it now, or as we
    /// knew it then): every event dated in the window that the question knows, by valid date then log order, each classified
    /// as <see cref="ChangesAsync"/> classifies it, with its sources and, for a figure, its value before and after as of the
    /// change's valid date (<see cref="FigureChange"/>); <see cref="Change.IsBackfill"/> marks what became known only after the
    /// window's last date.
    /// </summary>
    /// <param name="query">The window of valid dates and the instants.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    Task<IReadOnlyList<Change>> HappenedAsync(HappenedQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// What happened to one subject between two valid dates: the changes of <see cref="HappenedAsync"/> recorded in the
    /// subject's stream, and the disputes recorded or resolved about it.
    /// </summary>
    /// <param name="subjectId">The subject's stream id, of any aggregate.</param>
    /// <param name="query">The window of valid dates and the instants.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The changes about it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> or <paramref name="query"/> is null.</exception>
    Task<IReadOnlyList<Change>> HappenedAboutAsync(StreamId subjectId, HappenedQuery query, CancellationToken cancellationToken = default);
}
