using System.Globalization;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using CsvHelper;

namespace BorderSecurity.Csv;

/// <summary>
/// How the CSV tables write a field: money as plain decimal pounds (headers say <c>_gbp</c>), dates ISO-8601, instants
/// ISO-8601 UTC, enum values by name, and a list (sources' URLs, headlines, kinds) in one field separated by
/// <see cref="Separator"/>.
/// </summary>
public static class CsvFields
{
    /// <summary>Between the several values of one field (sources, kinds, levels).</summary>
    public const string Separator = " | ";

    /// <summary>The sources' URLs in one field, separated by <see cref="Separator"/> (empty for a source without one).</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>The field.</returns>
    public static string Urls(IEnumerable<SourceReference> sources) =>
        string.Join(Separator, sources.Select(s => s.Url ?? string.Empty));

    /// <summary>The sources' headlines in one field, separated by <see cref="Separator"/>.</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>The field.</returns>
    public static string Headlines(IEnumerable<SourceReference> sources) =>
        string.Join(Separator, sources.Select(s => s.Headline));

    /// <summary>A date as ISO-8601 (YYYY-MM-DD).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The field.</returns>
    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as ISO-8601 UTC.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The field.</returns>
    public static string Instant(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The field.</returns>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A number, invariant; empty when not stated.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The field.</returns>
    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Yearly levels, each "label: pounds a year", separated by <see cref="Separator"/>.</summary>
    /// <param name="levels">The levels.</param>
    /// <returns>The field.</returns>
    public static string Levels(IEnumerable<YearlyLevelAmount> levels) =>
        string.Join(Separator, levels.Select(l => $"{l.Label}: {Pounds(l.PerYear)}"));

    /// <summary>Money as plain decimal pounds.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>The field.</returns>
    public static string Pounds(Money money) => money.Pounds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A table's columns in their stable order: a name and how a row gives its field.</summary>
/// <typeparam name="TRow">A row's type.</typeparam>
/// <param name="Columns">The columns, in order.</param>
public sealed record CsvTable<TRow>(IReadOnlyList<(string Name, Func<TRow, string> Field)> Columns)
{
    /// <summary>The header's names, in order.</summary>
    public IReadOnlyList<string> Header => [.. Columns.Select(c => c.Name)];

    /// <summary>The rows as RFC 4180 CSV (CsvHelper quotes; CRLF line ends), the header first.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The CSV text.</returns>
    public string Write(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column.Name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var column in Columns)
                {
                    csv.WriteField(column.Field(row));
                }

                csv.EndRecord();
            }
        }

        return text.ToString();
    }
}

/// <summary>The column maps of the CSV answers, one per table shape.</summary>
public static class CsvTables
{
    /// <summary>
    /// GET /funding as CSV, one row per commitment (the portfolio's <c>commitments</c>): commitment_id, recipient,
    /// origin, basis, committed_on, amount_gbp, allocated_gbp, is_withdrawn, source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<CommitmentPosition> Commitments = new(
    [
        ("commitment_id", c => c.CommitmentId),
        ("recipient", c => c.Recipient),
        ("origin", c => c.Origin.ToString()),
        ("basis", c => c.Basis.ToString()),
        ("committed_on", c => CsvFields.Date(c.CommittedOn)),
        ("amount_gbp", c => CsvFields.Pounds(c.Amount)),
        ("allocated_gbp", c => CsvFields.Pounds(c.Allocated)),
        ("is_withdrawn", c => CsvFields.Bool(c.IsWithdrawn)),
        ("source_urls", c => CsvFields.Urls(c.Sources)),
        ("source_headlines", c => CsvFields.Headlines(c.Sources)),
    ]);

    /// <summary>
    /// GET /timeline as CSV, one row per entry: valid_on, known_from, recorded_at, sequence, stream_id, event_name,
    /// summary, source_urls, source_headlines (instants ISO-8601 UTC).
    /// </summary>
    public static readonly CsvTable<TimelineEntry> Timeline = new(
    [
        ("valid_on", t => CsvFields.Date(t.ValidOn)),
        ("known_from", t => CsvFields.Instant(t.KnownFrom)),
        ("recorded_at", t => CsvFields.Instant(t.RecordedAt)),
        ("sequence", t => t.Sequence.ToString(CultureInfo.InvariantCulture)),
        ("stream_id", t => t.StreamId),
        ("event_name", t => t.EventName),
        ("summary", t => t.Summary),
        ("source_urls", t => CsvFields.Urls(t.Sources)),
        ("source_headlines", t => CsvFields.Headlines(t.Sources)),
    ]);

    /// <summary>
    /// GET /changes and GET /happened as CSV, one row per change: known_from, sequence, valid_on, stream_id, subject_id,
    /// kind, is_backfill, event_name, summary, figure, dimension, before, after (empty when not stated), source_urls,
    /// source_headlines.
    /// </summary>
    public static readonly CsvTable<Change> Changes = new(
    [
        ("known_from", c => CsvFields.Instant(c.KnownFrom)),
        ("sequence", c => c.Sequence.ToString(CultureInfo.InvariantCulture)),
        ("valid_on", c => CsvFields.Date(c.ValidOn)),
        ("stream_id", c => c.Stream.Value),
        ("subject_id", c => c.Subject.Value),
        ("kind", c => c.Kind.ToString()),
        ("is_backfill", c => CsvFields.Bool(c.IsBackfill)),
        ("event_name", c => c.EventName),
        ("summary", c => c.Summary),
        ("figure", c => c.Figure?.Figure ?? ""),
        ("dimension", c => c.Figure?.Dimension ?? ""),
        ("before", c => CsvFields.Number(c.Figure?.Before)),
        ("after", c => CsvFields.Number(c.Figure?.After)),
        ("source_urls", c => CsvFields.Urls(c.Sources)),
        ("source_headlines", c => CsvFields.Headlines(c.Sources)),
    ]);

    /// <summary>
    /// GET /vintages as CSV, one row per vintage: known_from, value (pounds, people or an outcome's count; empty once no
    /// longer stated), is_first_release, changed_by (kinds, separated by " | "), source_urls, source_headlines, then for an
    /// outcome value (empty otherwise) stated (with its qualifier, for example "more than 5,000"), status and reason.
    /// </summary>
    public static readonly CsvTable<FigureVintage> Vintages = new(
    [
        ("known_from", v => CsvFields.Instant(v.KnownFrom)),
        ("value", v => CsvFields.Number(v.Value)),
        ("is_first_release", v => CsvFields.Bool(v.IsFirstRelease)),
        ("changed_by", v => string.Join(CsvFields.Separator, v.ChangedBy)),
        ("source_urls", v => CsvFields.Urls(v.Sources)),
        ("source_headlines", v => CsvFields.Headlines(v.Sources)),
        ("stated", v => v.Release?.Stated ?? ""),
        ("status", v => v.Release?.Status.ToString() ?? ""),
        ("reason", v => v.Release?.Reason ?? ""),
    ]);

    /// <summary>
    /// GET /series/funding as CSV, one row per point: valid_from, total_gbp (the sum of amounts), yearly_levels (each
    /// "label: pounds a year", separated by " | "; never part of total_gbp).
    /// </summary>
    public static readonly CsvTable<SeriesPoint<FundingSeriesValue>> FundingSeries = new(
    [
        ("valid_from", p => CsvFields.Date(p.From)),
        ("total_gbp", p => CsvFields.Pounds(p.Value.Total)),
        ("yearly_levels", p => CsvFields.Levels(p.Value.YearlyLevels)),
    ]);

    /// <summary>
    /// GET /vintages/series as CSV, one row per point of each vintage (the "what was known when" picture's data):
    /// known_from, is_first_release, valid_from, total_gbp, yearly_levels (as in <see cref="FundingSeries"/>), changed_by.
    /// </summary>
    public static readonly CsvTable<SeriesVintagePoint> SeriesVintages = new(
    [
        ("known_from", r => CsvFields.Instant(r.Vintage.KnownFrom)),
        ("is_first_release", r => CsvFields.Bool(r.Vintage.IsFirstRelease)),
        ("valid_from", r => CsvFields.Date(r.Point.From)),
        ("total_gbp", r => CsvFields.Pounds(r.Point.Value.Total)),
        ("yearly_levels", r => CsvFields.Levels(r.Point.Value.YearlyLevels)),
        ("changed_by", r => string.Join(CsvFields.Separator, r.Vintage.ChangedBy)),
    ]);

    /// <summary>
    /// GET /funding/financial-years as CSV, one row per financial year, then one row <c>not stated</c> for the money whose
    /// period is not stated: financial_year, for_the_year_gbp, for_the_year_new_money_gbp, for_the_year_redirected_gbp,
    /// yearly_level_gbp (never added to for_the_year_gbp), unsplit_spans (each "first to last: pounds", separated by " | ").
    /// </summary>
    public static readonly CsvTable<FinancialYearRow> FinancialYears = new(
    [
        ("financial_year", r => r.Year),
        ("for_the_year_gbp", r => CsvFields.Pounds(r.ForTheYear.Total)),
        ("for_the_year_new_money_gbp", r => CsvFields.Pounds(r.ForTheYear.NewMoney)),
        ("for_the_year_redirected_gbp", r => CsvFields.Pounds(r.ForTheYear.Redirected)),
        ("yearly_level_gbp", r => r.YearlyLevel is { } level ? CsvFields.Pounds(level.Total) : ""),
        ("unsplit_spans", r => string.Join(CsvFields.Separator, r.UnsplitSpans.Select(x => $"{x.Label}: {CsvFields.Pounds(x.Totals.Total)}"))),
    ]);

    /// <summary>
    /// GET /recruitment as CSV, one row per target: target_id, organisation, role, status, headcount, basis (Firm, or UpTo
    /// for a ceiling), in_post, gap, deadline, announcements, source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<TargetPosition> Targets = new(
    [
        ("target_id", t => t.TargetId),
        ("organisation", t => t.Organisation),
        ("role", t => t.Role),
        ("status", t => t.Status.ToString()),
        ("headcount", t => t.Headcount.ToString(CultureInfo.InvariantCulture)),
        ("basis", t => t.Basis.ToString()),
        ("in_post", t => t.InPost.ToString(CultureInfo.InvariantCulture)),
        ("gap", t => t.Gap.ToString(CultureInfo.InvariantCulture)),
        ("deadline", t => t.Deadline is { } d ? CsvFields.Date(d) : ""),
        ("announcements", t => t.Announcements.ToString(CultureInfo.InvariantCulture)),
        ("source_urls", t => CsvFields.Urls(t.Sources)),
        ("source_headlines", t => CsvFields.Headlines(t.Sources)),
    ]);

    /// <summary>GET /recruitment/targets/{id}/progress as CSV, one row per point: valid_from, headcount, basis, in_post, gap, status.</summary>
    public static readonly CsvTable<SeriesPoint<TargetProgress>> TargetProgress = new(
    [
        ("valid_from", p => CsvFields.Date(p.From)),
        ("headcount", p => p.Value.Headcount.ToString(CultureInfo.InvariantCulture)),
        ("basis", p => p.Value.Basis.ToString()),
        ("in_post", p => p.Value.InPost.ToString(CultureInfo.InvariantCulture)),
        ("gap", p => p.Value.Gap.ToString(CultureInfo.InvariantCulture)),
        ("status", p => p.Value.Status.ToString()),
    ]);

    /// <summary>
    /// GET /legislation as CSV, one row per bill or Act: legislation_id, title, stage, originating_house, position (where
    /// a bill stands, with its House), ending, open_disputes (their ids, separated by " | "), source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<LegislationOverview> Legislation = new(
    [
        ("legislation_id", l => l.Legislation.LegislationId),
        ("title", l => l.Legislation.Title),
        ("stage", l => l.Legislation.Stage.ToString()),
        ("originating_house", l => l.Legislation.OriginatingHouse?.ToString() ?? ""),
        ("position", l => l.Legislation.Position?.Name ?? ""),
        ("ending", l => l.Legislation.Ending?.ToString() ?? ""),
        ("open_disputes", l => string.Join(CsvFields.Separator, l.OpenDisputes.Select(d => d.DisputeId))),
        ("source_urls", l => CsvFields.Urls(l.Legislation.Sources)),
        ("source_headlines", l => CsvFields.Headlines(l.Legislation.Sources)),
    ]);

    /// <summary>
    /// GET /outcomes and GET /outcomes/{id} as CSV, one row per release of a value: indicator_id, indicator, unit,
    /// period_from, period_to, release (1 for the first release, then each revision), count, qualifier, stated (as a source
    /// would say it, for example "more than 5,000"), status, reason (empty for a first release), is_latest (the value as
    /// known), open_disputes, source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<OutcomeReleaseRow> Outcomes = new(
    [
        ("indicator_id", r => r.Indicator.IndicatorId),
        ("indicator", r => r.Indicator.Indicator.Name),
        ("unit", r => r.Indicator.Indicator.Unit),
        ("period_from", r => CsvFields.Date(r.Value.Period.From)),
        ("period_to", r => CsvFields.Date(r.Value.Period.To)),
        ("release", r => r.Number.ToString(CultureInfo.InvariantCulture)),
        ("count", r => r.Release.Count.ToString(CultureInfo.InvariantCulture)),
        ("qualifier", r => r.Release.Qualifier.ToString()),
        ("stated", r => r.Release.Stated),
        ("status", r => r.Release.Status.ToString()),
        ("reason", r => r.Release.Reason ?? ""),
        ("is_latest", r => r.Number == r.Value.Releases.Count ? "true" : "false"),
        ("open_disputes", r => string.Join(CsvFields.Separator, r.Indicator.OpenDisputes.Select(d => d.DisputeId))),
        ("source_urls", r => CsvFields.Urls(r.Release.Sources)),
        ("source_headlines", r => CsvFields.Headlines(r.Release.Sources)),
    ]);

    /// <summary>
    /// GET /pledges and GET /pledges/{id} as CSV, one row per verdict (a pledge with none has one row with empty verdict
    /// columns): pledge_id, pledge, made_by, made_on, part_of, delivered_by (stream ids separated by " | "), assessor, rating,
    /// verdict_on, evidence, is_latest (the assessor's latest), open_disputes, source_urls, source_headlines (the verdict's,
    /// or the pledge's when it has none).
    /// </summary>
    public static readonly CsvTable<PledgeVerdictRow> Verdicts = new(
    [
        ("pledge_id", r => r.Pledge.PledgeId),
        ("pledge", r => r.Pledge.Pledge.Text),
        ("made_by", r => r.Pledge.Pledge.MadeBy),
        ("made_on", r => CsvFields.Date(r.Pledge.Pledge.MadeOn)),
        ("part_of", r => r.Pledge.Pledge.PartOf ?? ""),
        ("delivered_by", r => string.Join(CsvFields.Separator, r.Pledge.Pledge.DeliveredBy)),
        ("assessor", r => r.Verdict?.Assessor ?? ""),
        ("rating", r => r.Verdict?.Rating.ToString() ?? ""),
        ("verdict_on", r => r.Verdict is { } v ? CsvFields.Date(v.On) : ""),
        ("evidence", r => r.Verdict?.Evidence ?? ""),
        ("is_latest", r => r.Verdict is { } v && r.Pledge.Pledge.LatestVerdicts.Contains(v) ? "true" : "false"),
        ("open_disputes", r => string.Join(CsvFields.Separator, r.Pledge.OpenDisputes.Select(d => d.DisputeId))),
        ("source_urls", r => CsvFields.Urls(r.Verdict?.Sources ?? r.Pledge.Pledge.Sources)),
        ("source_headlines", r => CsvFields.Headlines(r.Verdict?.Sources ?? r.Pledge.Pledge.Sources)),
    ]);

    /// <summary>
    /// GET /funding/delivery as CSV, one row per commitment and financial year with reported spending (a commitment with none
    /// has one row with empty year columns): commitment_id, recipient, promised_gbp (an amount each year for a yearly level),
    /// coverage, is_withdrawn, year, promised_in_year_gbp (empty where the period does not split by year), planned_gbp,
    /// spent_gbp, spent_through, then the commitment's own spent_total_gbp, still_to_spend_gbp (empty for a yearly level),
    /// overspend_gbp, and its source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<SpendingRow> Spending = new(
    [
        ("commitment_id", r => r.Commitment.CommitmentId),
        ("recipient", r => r.Commitment.Recipient),
        ("promised_gbp", r => CsvFields.Pounds(r.Commitment.Promised)),
        ("coverage", r => r.Commitment.Period.Coverage.ToString()),
        ("is_withdrawn", r => CsvFields.Bool(r.Commitment.IsWithdrawn)),
        ("year", r => r.Year?.Year.ToString() ?? ""),
        ("promised_in_year_gbp", r => r.Year?.Promised is { } p ? CsvFields.Pounds(p) : ""),
        ("planned_gbp", r => r.Year is { } y ? CsvFields.Pounds(y.Planned) : ""),
        ("spent_gbp", r => r.Year is { } y ? CsvFields.Pounds(y.Spent) : ""),
        ("spent_through", r => r.Year?.SpentThrough is { } d ? CsvFields.Date(d) : ""),
        ("spent_total_gbp", r => CsvFields.Pounds(r.Commitment.Spent)),
        ("still_to_spend_gbp", r => r.Commitment.StillToSpend is { } m ? CsvFields.Pounds(m) : ""),
        ("overspend_gbp", r => CsvFields.Pounds(r.Commitment.Overspend)),
        ("source_urls", r => CsvFields.Urls(r.Commitment.Sources)),
        ("source_headlines", r => CsvFields.Headlines(r.Commitment.Sources)),
    ]);

    /// <summary>
    /// GET /legislation/sessions as CSV, one row per bill and session it was in (sessions oldest first, then the bills whose
    /// session was not stated, with an empty session): session, legislation_id, title, outcome, from, outcome_on,
    /// source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<SessionRow> Sessions = new(
    [
        ("session", r => r.Session ?? ""),
        ("legislation_id", r => r.Bill.LegislationId),
        ("title", r => r.Bill.Title),
        ("outcome", r => r.Bill.Outcome.ToString()),
        ("from", r => CsvFields.Date(r.Bill.From)),
        ("outcome_on", r => r.Bill.On is { } d ? CsvFields.Date(d) : ""),
        ("source_urls", r => CsvFields.Urls(r.Bill.Sources)),
        ("source_headlines", r => CsvFields.Headlines(r.Bill.Sources)),
    ]);

    /// <summary>GET /legislation/{id}/provisions as CSV, one row per provision in force: provision, in_force_since, source_urls, source_headlines.</summary>
    public static readonly CsvTable<ProvisionInForce> Provisions = new(
    [
        ("provision", p => p.Provision),
        ("in_force_since", p => CsvFields.Date(p.Since)),
        ("source_urls", p => CsvFields.Urls(p.Sources)),
        ("source_headlines", p => CsvFields.Headlines(p.Sources)),
    ]);

    /// <summary>
    /// GET /disputes as CSV, one row per dispute: dispute_id, subject_ids (every subject it concerns, separated by "; "), fact, recorded_on, is_open, sides (what each
    /// side says, separated by " | "), resolution (empty while open), source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<Dispute> Disputes = new(
    [
        ("dispute_id", d => d.DisputeId),
        ("subject_ids", d => string.Join("; ", d.SubjectIds)),
        ("fact", d => d.Fact),
        ("recorded_on", d => CsvFields.Date(d.RecordedOn)),
        ("is_open", d => CsvFields.Bool(d.IsOpen)),
        ("sides", d => string.Join(CsvFields.Separator, d.Sides.Select(x => x.Says))),
        ("resolution", d => d.Resolution?.Resolution ?? ""),
        ("source_urls", d => CsvFields.Urls(d.Sources)),
        ("source_headlines", d => CsvFields.Headlines(d.Sources)),
    ]);
}

/// <summary>One point of one vintage of a series: a row of <see cref="CsvTables.SeriesVintages"/>.</summary>
/// <param name="Vintage">The vintage.</param>
/// <param name="Point">One of its points.</param>
public sealed record SeriesVintagePoint(SeriesVintage<FundingSeriesValue> Vintage, SeriesPoint<FundingSeriesValue> Point)
{
    /// <summary>Every point of every vintage, in order.</summary>
    /// <param name="vintages">The vintages.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<SeriesVintagePoint> Of(IEnumerable<SeriesVintage<FundingSeriesValue>> vintages) =>
        vintages.SelectMany(v => v.Points.Select(p => new SeriesVintagePoint(v, p)));
}

/// <summary>One row of <see cref="CsvTables.FinancialYears"/>: a financial year's money, or the money whose period is not stated.</summary>
/// <param name="Year">The year (for example 2024/25), or <c>not stated</c>.</param>
/// <param name="ForTheYear">The money for that year alone (or not stated).</param>
/// <param name="YearlyLevel">The yearly levels that apply in the year; <see langword="null"/> on the not-stated row.</param>
/// <param name="UnsplitSpans">The totals over several years that include it, not split.</param>
public sealed record FinancialYearRow(string Year, YearTotals ForTheYear, YearTotals? YearlyLevel, IReadOnlyList<SpanAmount> UnsplitSpans)
{
    /// <summary>The rows of an answer: each year, then the money whose period is not stated.</summary>
    /// <param name="funding">The answer.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<FinancialYearRow> Of(FinancialYearFunding funding) =>
        funding.Years.Select(y => new FinancialYearRow(y.Year.ToString(), y.ForTheYear, y.YearlyLevel, y.UnsplitSpans))
            .Append(new FinancialYearRow("not stated", funding.NotStated, null, []));
}


/// <summary>One release of one indicator's value: a row of <see cref="CsvTables.Outcomes"/>.</summary>
/// <param name="Indicator">The indicator, as answered.</param>
/// <param name="Value">The value for one period.</param>
/// <param name="Number">The release's number: 1 for the first release, then each revision.</param>
/// <param name="Release">The release.</param>
public sealed record OutcomeReleaseRow(IndicatorOverview Indicator, OutcomeValue Value, int Number, OutcomeRelease Release)
{
    /// <summary>Every release of every value of the indicators, in indicator, period and release order.</summary>
    /// <param name="indicators">The indicators.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<OutcomeReleaseRow> Of(IEnumerable<IndicatorOverview> indicators) =>
        indicators.SelectMany(i => i.Indicator.Values.SelectMany(v => v.Releases.Select((r, n) => new OutcomeReleaseRow(i, v, n + 1, r))));
}

/// <summary>One verdict on one pledge, or a pledge without one: a row of <see cref="CsvTables.Verdicts"/>.</summary>
/// <param name="Pledge">The pledge, as answered.</param>
/// <param name="Verdict">The verdict, or <see langword="null"/> for a pledge with none.</param>
public sealed record PledgeVerdictRow(PledgeOverview Pledge, Verdict? Verdict)
{
    /// <summary>Every verdict of every pledge, in pledge then verdict order; a pledge with no verdict gives one row.</summary>
    /// <param name="pledges">The pledges.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<PledgeVerdictRow> Of(IEnumerable<PledgeOverview> pledges) =>
        pledges.SelectMany(p => p.Pledge.Verdicts.Count == 0 ? [new PledgeVerdictRow(p, null)] : p.Pledge.Verdicts.Select(v => new PledgeVerdictRow(p, v)));
}

/// <summary>One commitment's spending in one financial year, or a commitment with none: a row of <see cref="CsvTables.Spending"/>.</summary>
/// <param name="Commitment">The commitment's delivery.</param>
/// <param name="Year">The year, or <see langword="null"/> for a commitment with no spending reported.</param>
public sealed record SpendingRow(CommitmentDelivery Commitment, SpendingYear? Year)
{
    /// <summary>Every commitment's years, in commitment then year order; a commitment with none gives one row.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<SpendingRow> Of(FundingDelivery delivery) =>
        delivery.Commitments.SelectMany(c => c.Years.Count == 0 ? [new SpendingRow(c, null)] : c.Years.Select(y => new SpendingRow(c, y)));
}

/// <summary>One bill in one session: a row of <see cref="CsvTables.Sessions"/>.</summary>
/// <param name="Session">The session, or <see langword="null"/> where the bill's introduction named none.</param>
/// <param name="Bill">The bill in that session.</param>
public sealed record SessionRow(string? Session, SessionBill Bill)
{
    /// <summary>Every session's bills, oldest session first, then the bills whose session was not stated.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<SessionRow> Of(BillsBySession answer) =>
        answer.Sessions.SelectMany(s => s.Bills.Select(b => new SessionRow(s.Session, b)))
            .Concat(answer.SessionNotStated.Select(b => new SessionRow(null, b)));
}
