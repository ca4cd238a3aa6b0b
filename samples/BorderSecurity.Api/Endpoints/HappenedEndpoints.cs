using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using NodaTime.Text;

namespace BorderSecurity.Api.Endpoints;

/// <summary>
/// Questions about change on the valid axis: what happened between two valid dates as known at an instant, and the
/// vintages of a whole funding series (the line as known at each instant it changed).
/// </summary>
public static class HappenedEndpoints
{
    /// <summary>Maps <c>GET /happened</c> and <c>GET /vintages/series</c>.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapHappened(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/happened", (
                [ChangeQuery("from", "The window's first valid date (inclusive), YYYY-MM-DD.", true, "date")] string? from,
                [ChangeQuery("to", "The window's last valid date (inclusive), YYYY-MM-DD; not before from.", true, "date")] string? to,
                [KnownAt] string? knownAt,
                [RecordedBy] string? recordedBy,
                [ChangeQuery("subject", "Optional: only what happened to this commitment, target, bill or command (its own events, and the disputes about it).")] string? subject,
                IBorderSecurityStore store, CancellationToken ct) =>
                HappenedAsync(from, to, knownAt, recordedBy, subject, store, ct))
            .AsRead<IReadOnlyList<Change>>("GetHappened",
                "What happened between two valid dates, as known at an instant (as we know it now, or as we knew it then): by valid date, each change classified, with its sources and, for a figure, its value before and after.",
                "Changes")
            .WithCsv<IReadOnlyList<Change>, Change>(CsvTables.Changes, changes => changes);
        routes.MapGet("/vintages/series", (
                [AsOf] string? asOf,
                [ChangeQuery("recipient", "Optional: one recipient's funding series; the default is the whole portfolio's.")] string? recipient,
                [ChangeQuery("selection", "Optional: All (the default), FirstRelease or RevisionsOnly.")] string? selection,
                IBorderSecurityStore store, CancellationToken ct) =>
                SeriesVintagesAsync(asOf, recipient, selection, store, ct))
            .AsRead<IReadOnlyList<SeriesVintage<FundingSeriesValue>>>("GetFundingSeriesVintages",
                "Every vintage of the funding series up to a valid date: the series as known at each instant it changed, with what changed it and its sources (the data of a 'what was known when' picture).",
                "Changes")
            .WithCsv<IReadOnlyList<SeriesVintage<FundingSeriesValue>>, SeriesVintagePoint>(CsvTables.SeriesVintages, SeriesVintagePoint.Of);
        return routes;
    }

    private static async Task<IResult> HappenedAsync(string? from, string? to, string? knownAt, string? recordedBy, string? subject,
        IBorderSecurityStore store, CancellationToken ct)
    {
        if (from is null || !LocalDatePattern.Iso.Parse(from).TryGetValue(default, out var first))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid from", "from (YYYY-MM-DD) is required.", "from");
        }

        if (to is null || !LocalDatePattern.Iso.Parse(to).TryGetValue(default, out var last))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid to", "to (YYYY-MM-DD) is required.", "to");
        }

        if (!AsOfParameters.TryParseInstant(knownAt, out var known))
        {
            return AsOfParameters.InvalidInstant("knownAt", knownAt!);
        }

        if (!AsOfParameters.TryParseInstant(recordedBy, out var recorded))
        {
            return AsOfParameters.InvalidInstant("recordedBy", recordedBy!);
        }

        HappenedQuery query;
        StreamId? about;
        try
        {
            query = new HappenedQuery(first, last, known, recorded);
            about = subject is null ? null : new StreamId(subject);
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName == "to" ? "to" : "subject";
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, $"Invalid {field}", e.Message, field);
        }

        try
        {
            return TypedResults.Ok(about is null ? await store.HappenedAsync(query, ct) : await store.HappenedAboutAsync(about, query, ct));
        }
        catch (ArgumentException e) when (e.ParamName is "subjectId")
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid subject", e.Message, "subject");
        }
    }

    private static async Task<IResult> SeriesVintagesAsync(string? asOf, string? recipient, string? selection, IBorderSecurityStore store, CancellationToken ct)
    {
        if (asOf is null || !LocalDatePattern.Iso.Parse(asOf).TryGetValue(default, out var date))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid asOf", "asOf (YYYY-MM-DD) is required.", "asOf");
        }

        var chosen = VintageSelection.All;
        if (selection is not null && !(Enum.TryParse(selection, ignoreCase: false, out chosen) && Enum.IsDefined(chosen)))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid selection", "selection must be All, FirstRelease or RevisionsOnly.", "selection");
        }

        Organisation? of;
        try
        {
            of = recipient is null ? null : new Organisation(recipient);
        }
        catch (ArgumentException e)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid recipient", e.Message, "recipient");
        }

        var query = new VintagesQuery(date, selection: chosen);
        return TypedResults.Ok(of is null ? await store.FundingSeriesVintagesAsync(query, ct) : await store.FundingSeriesVintagesOfAsync(of, query, ct));
    }
}
