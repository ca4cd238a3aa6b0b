using System.Globalization;
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
        ("is_withdrawn", c => c.IsWithdrawn ? "true" : "false"),
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
        ("known_from", t => NodaTime.Text.InstantPattern.ExtendedIso.Format(t.KnownFrom)),
        ("recorded_at", t => NodaTime.Text.InstantPattern.ExtendedIso.Format(t.RecordedAt)),
        ("sequence", t => t.Sequence.ToString(CultureInfo.InvariantCulture)),
        ("stream_id", t => t.StreamId),
        ("event_name", t => t.EventName),
        ("summary", t => t.Summary),
        ("source_urls", t => CsvAnswers.Urls(t.Sources)),
        ("source_headlines", t => CsvAnswers.Headlines(t.Sources)),
    ]);
}
