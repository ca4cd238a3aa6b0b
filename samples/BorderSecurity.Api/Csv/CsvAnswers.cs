using System.Globalization;
using BorderSecurity.Csv;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BorderSecurity.Api.Csv;

/// <summary>
/// CSV (RFC 4180, written by CsvHelper) as well as JSON for a question whose answer is a table: when the client sends
/// <c>Accept: text/csv</c> the answer's rows are written as <c>text/csv; charset=utf-8; header=present</c>; JSON stays
/// the default. Money is plain decimal pounds (the header says <c>_gbp</c>), dates ISO-8601, enum values by name, and
/// sources' URLs and headlines each in one column (the tables are <see cref="CsvTables"/>, shared with the console).
/// </summary>
public static class CsvAnswers
{
    /// <summary>The media type of a CSV answer.</summary>
    public const string MediaType = "text/csv";

    /// <summary>The full content type of a CSV answer.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

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
}
