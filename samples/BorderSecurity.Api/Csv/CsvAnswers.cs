using System.Globalization;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BorderSecurity.Api.Csv;

/// <summary>
/// CSV (RFC 4180, written by CsvHelper) as well as JSON for a question whose answer is a table: when the client sends
/// <c>Accept: text/csv</c> the answer's rows are written as <c>text/csv; charset=utf-8; header=present</c>; JSON stays
/// the default. Money is plain decimal pounds (the header says <c>_gbp</c>), dates ISO-8601, enum values by name, and
/// sources' URLs and headlines each in one column, separated by <see cref="SourceSeparator"/>.
/// </summary>
public static class CsvAnswers
{
    /// <summary>The media type of a CSV answer.</summary>
    public const string MediaType = "text/csv";

    /// <summary>The full content type of a CSV answer.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    /// <summary>Between the several sources of one row, in the source columns.</summary>
    public const string SourceSeparator = " | ";

    /// <summary>
    /// Serves the rows <paramref name="rows"/> picks from the JSON answer as CSV, with the columns of
    /// <paramref name="table"/>, when the request accepts <c>text/csv</c>; lists <c>text/csv</c> in the OpenAPI document.
    /// </summary>
    /// <typeparam name="TAnswer">The JSON answer's type.</typeparam>
    /// <typeparam name="TRow">A row's type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="table">The column map (one per table shape).</param>
    /// <param name="rows">The table's rows in the answer.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static RouteHandlerBuilder WithCsv<TAnswer, TRow>(this RouteHandlerBuilder builder, CsvTable<TRow> table, Func<TAnswer, IEnumerable<TRow>> rows)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        builder.WithMetadata(CsvMarker.Instance);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            return Wants(context.HttpContext.Request) && result is Ok<TAnswer> { Value: { } answer }
                ? Results.Text(table.Write(rows(answer)), ContentType)
                : result;
        });
        return builder;
    }

    /// <summary>Marks an endpoint that also answers CSV: the OpenAPI document lists <c>text/csv</c> beside JSON for its 200.</summary>
    public sealed class CsvMarker
    {
        /// <summary>The one marker.</summary>
        public static readonly CsvMarker Instance = new();

        private CsvMarker()
        {
        }
    }

    private static bool Wants(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => string.Equals(a.MediaType.Value, MediaType, StringComparison.OrdinalIgnoreCase));

    /// <summary>The sources' URLs in one field, separated by <see cref="SourceSeparator"/> (empty for a source without one).</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>The field.</returns>
    public static string Urls(IEnumerable<SourceReference> sources) =>
        string.Join(SourceSeparator, sources.Select(s => s.Url ?? string.Empty));

    /// <summary>The sources' headlines in one field, separated by <see cref="SourceSeparator"/>.</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>The field.</returns>
    public static string Headlines(IEnumerable<SourceReference> sources) =>
        string.Join(SourceSeparator, sources.Select(s => s.Headline));

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

    /// <summary>Yearly levels, each "label: pounds a year", separated by <see cref="SourceSeparator"/>.</summary>
    /// <param name="levels">The levels.</param>
    /// <returns>The field.</returns>
    public static string Levels(IEnumerable<YearlyLevelAmount> levels) =>
        string.Join(SourceSeparator, levels.Select(l => $"{l.Label}: {Pounds(l.PerYear)}"));

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
        ("committed_on", c => CsvAnswers.Date(c.CommittedOn)),
        ("amount_gbp", c => CsvAnswers.Pounds(c.Amount)),
        ("allocated_gbp", c => CsvAnswers.Pounds(c.Allocated)),
        ("is_withdrawn", c => CsvAnswers.Bool(c.IsWithdrawn)),
        ("source_urls", c => CsvAnswers.Urls(c.Sources)),
        ("source_headlines", c => CsvAnswers.Headlines(c.Sources)),
    ]);

    /// <summary>
    /// GET /timeline as CSV, one row per entry: valid_on, known_from, recorded_at, sequence, stream_id, event_name,
    /// summary, source_urls, source_headlines (instants ISO-8601 UTC).
    /// </summary>
    public static readonly CsvTable<TimelineEntry> Timeline = new(
    [
        ("valid_on", t => CsvAnswers.Date(t.ValidOn)),
        ("known_from", t => CsvAnswers.Instant(t.KnownFrom)),
        ("recorded_at", t => CsvAnswers.Instant(t.RecordedAt)),
        ("sequence", t => t.Sequence.ToString(CultureInfo.InvariantCulture)),
        ("stream_id", t => t.StreamId),
        ("event_name", t => t.EventName),
        ("summary", t => t.Summary),
        ("source_urls", t => CsvAnswers.Urls(t.Sources)),
        ("source_headlines", t => CsvAnswers.Headlines(t.Sources)),
    ]);

    /// <summary>
    /// GET /changes and GET /happened as CSV, one row per change: known_from, sequence, valid_on, stream_id, subject_id,
    /// kind, is_backfill, event_name, summary, figure, dimension, before, after (empty when not stated), source_urls,
    /// source_headlines.
    /// </summary>
    public static readonly CsvTable<Change> Changes = new(
    [
        ("known_from", c => CsvAnswers.Instant(c.KnownFrom)),
        ("sequence", c => c.Sequence.ToString(CultureInfo.InvariantCulture)),
        ("valid_on", c => CsvAnswers.Date(c.ValidOn)),
        ("stream_id", c => c.Stream.Value),
        ("subject_id", c => c.Subject.Value),
        ("kind", c => c.Kind.ToString()),
        ("is_backfill", c => CsvAnswers.Bool(c.IsBackfill)),
        ("event_name", c => c.EventName),
        ("summary", c => c.Summary),
        ("figure", c => c.Figure?.Figure ?? ""),
        ("dimension", c => c.Figure?.Dimension ?? ""),
        ("before", c => CsvAnswers.Number(c.Figure?.Before)),
        ("after", c => CsvAnswers.Number(c.Figure?.After)),
        ("source_urls", c => CsvAnswers.Urls(c.Sources)),
        ("source_headlines", c => CsvAnswers.Headlines(c.Sources)),
    ]);

    /// <summary>
    /// GET /vintages as CSV, one row per vintage: known_from, value (pounds or people; empty once no longer stated),
    /// is_first_release, changed_by (kinds, separated by " | "), source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<FigureVintage> Vintages = new(
    [
        ("known_from", v => CsvAnswers.Instant(v.KnownFrom)),
        ("value", v => CsvAnswers.Number(v.Value)),
        ("is_first_release", v => CsvAnswers.Bool(v.IsFirstRelease)),
        ("changed_by", v => string.Join(CsvAnswers.SourceSeparator, v.ChangedBy)),
        ("source_urls", v => CsvAnswers.Urls(v.Sources)),
        ("source_headlines", v => CsvAnswers.Headlines(v.Sources)),
    ]);

    /// <summary>
    /// GET /series/funding as CSV, one row per point: valid_from, total_gbp (the sum of amounts), yearly_levels (each
    /// "label: pounds a year", separated by " | "; never part of total_gbp).
    /// </summary>
    public static readonly CsvTable<SeriesPoint<FundingSeriesValue>> FundingSeries = new(
    [
        ("valid_from", p => CsvAnswers.Date(p.From)),
        ("total_gbp", p => CsvAnswers.Pounds(p.Value.Total)),
        ("yearly_levels", p => CsvAnswers.Levels(p.Value.YearlyLevels)),
    ]);

    /// <summary>
    /// GET /vintages/series as CSV, one row per point of each vintage (the "what was known when" picture's data):
    /// known_from, is_first_release, valid_from, total_gbp, yearly_levels (as in <see cref="FundingSeries"/>), changed_by.
    /// </summary>
    public static readonly CsvTable<SeriesVintagePoint> SeriesVintages = new(
    [
        ("known_from", r => CsvAnswers.Instant(r.Vintage.KnownFrom)),
        ("is_first_release", r => CsvAnswers.Bool(r.Vintage.IsFirstRelease)),
        ("valid_from", r => CsvAnswers.Date(r.Point.From)),
        ("total_gbp", r => CsvAnswers.Pounds(r.Point.Value.Total)),
        ("yearly_levels", r => CsvAnswers.Levels(r.Point.Value.YearlyLevels)),
        ("changed_by", r => string.Join(CsvAnswers.SourceSeparator, r.Vintage.ChangedBy)),
    ]);

    /// <summary>
    /// GET /funding/financial-years as CSV, one row per financial year, then one row <c>not stated</c> for the money whose
    /// period is not stated: financial_year, for_the_year_gbp, for_the_year_new_money_gbp, for_the_year_redirected_gbp,
    /// yearly_level_gbp (never added to for_the_year_gbp), unsplit_spans (each "first to last: pounds", separated by " | ").
    /// </summary>
    public static readonly CsvTable<FinancialYearRow> FinancialYears = new(
    [
        ("financial_year", r => r.Year),
        ("for_the_year_gbp", r => CsvAnswers.Pounds(r.ForTheYear.Total)),
        ("for_the_year_new_money_gbp", r => CsvAnswers.Pounds(r.ForTheYear.NewMoney)),
        ("for_the_year_redirected_gbp", r => CsvAnswers.Pounds(r.ForTheYear.Redirected)),
        ("yearly_level_gbp", r => r.YearlyLevel is { } level ? CsvAnswers.Pounds(level.Total) : ""),
        ("unsplit_spans", r => string.Join(CsvAnswers.SourceSeparator, r.UnsplitSpans.Select(x => $"{x.Label}: {CsvAnswers.Pounds(x.Totals.Total)}"))),
    ]);

    /// <summary>
    /// GET /recruitment as CSV, one row per target: target_id, organisation, role, status, headcount, in_post, gap,
    /// deadline, announcements, source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<TargetPosition> Targets = new(
    [
        ("target_id", t => t.TargetId),
        ("organisation", t => t.Organisation),
        ("role", t => t.Role),
        ("status", t => t.Status.ToString()),
        ("headcount", t => t.Headcount.ToString(CultureInfo.InvariantCulture)),
        ("in_post", t => t.InPost.ToString(CultureInfo.InvariantCulture)),
        ("gap", t => t.Gap.ToString(CultureInfo.InvariantCulture)),
        ("deadline", t => t.Deadline is { } d ? CsvAnswers.Date(d) : ""),
        ("announcements", t => t.Announcements.ToString(CultureInfo.InvariantCulture)),
        ("source_urls", t => CsvAnswers.Urls(t.Sources)),
        ("source_headlines", t => CsvAnswers.Headlines(t.Sources)),
    ]);

    /// <summary>GET /recruitment/targets/{id}/progress as CSV, one row per point: valid_from, headcount, in_post, gap, status.</summary>
    public static readonly CsvTable<SeriesPoint<TargetProgress>> TargetProgress = new(
    [
        ("valid_from", p => CsvAnswers.Date(p.From)),
        ("headcount", p => p.Value.Headcount.ToString(CultureInfo.InvariantCulture)),
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
        ("open_disputes", l => string.Join(CsvAnswers.SourceSeparator, l.OpenDisputes.Select(d => d.DisputeId))),
        ("source_urls", l => CsvAnswers.Urls(l.Legislation.Sources)),
        ("source_headlines", l => CsvAnswers.Headlines(l.Legislation.Sources)),
    ]);

    /// <summary>GET /legislation/{id}/provisions as CSV, one row per provision in force: provision, in_force_since, source_urls, source_headlines.</summary>
    public static readonly CsvTable<ProvisionInForce> Provisions = new(
    [
        ("provision", p => p.Provision),
        ("in_force_since", p => CsvAnswers.Date(p.Since)),
        ("source_urls", p => CsvAnswers.Urls(p.Sources)),
        ("source_headlines", p => CsvAnswers.Headlines(p.Sources)),
    ]);

    /// <summary>
    /// GET /disputes as CSV, one row per dispute: dispute_id, subject_id, fact, recorded_on, is_open, sides (what each
    /// side says, separated by " | "), resolution (empty while open), source_urls, source_headlines.
    /// </summary>
    public static readonly CsvTable<Dispute> Disputes = new(
    [
        ("dispute_id", d => d.DisputeId),
        ("subject_id", d => d.SubjectId),
        ("fact", d => d.Fact),
        ("recorded_on", d => CsvAnswers.Date(d.RecordedOn)),
        ("is_open", d => CsvAnswers.Bool(d.IsOpen)),
        ("sides", d => string.Join(CsvAnswers.SourceSeparator, d.Sides.Select(x => x.Says))),
        ("resolution", d => d.Resolution?.Resolution ?? ""),
        ("source_urls", d => CsvAnswers.Urls(d.Sources)),
        ("source_headlines", d => CsvAnswers.Headlines(d.Sources)),
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

