using System.Globalization;
using BorderSecurity.Api.Csv;
using BorderSecurity.Api.OpenApi;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace BorderSecurity.Api.Endpoints;

/// <summary>Questions about change on the known axis: what was learnt between two instants, and every vintage of a figure.</summary>
public static class ChangeEndpoints
{
    /// <summary>Maps <c>GET /changes</c>, <c>GET /changes/feed</c> (Atom, <see cref="ChangeFeed"/>) and <c>GET /vintages</c>.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/changes", (
                [ChangeQuery("knownAfter", "The instant after which changes count (exclusive), ISO-8601, for example 2024-10-01T00:00:00Z.", true, "date-time")] string? knownAfter,
                [ChangeQuery("knownBy", "The instant by which changes count (inclusive), ISO-8601; not before knownAfter.", true, "date-time")] string? knownBy,
                [ChangeQuery("subject", "Optional: only changes about this commitment, target, bill or command (its own, and the disputes about it).")] string? subject,
                [ChangeQuery("pageSize", "Optional: at most this many changes, 1 to 1000; the answer's continuation asks for the next page.", false, "int32", JsonSchemaType.Integer)] string? pageSize,
                [ChangeQuery("continuation", "Optional: the continuation of the page before, unchanged.")] string? continuation,
                [RecordedBy] string? recordedBy,
                IBorderSecurityStore store, CancellationToken ct) =>
                ChangesAsync(knownAfter, knownBy, subject, pageSize, continuation, recordedBy, store, ct))
            .AsRead<ChangesPage>("GetChanges",
                "What was learnt after one instant and by another, in the order it became known: each change classified, with its subject, sources and, for a figure, its value before and after.",
                "Changes")
            .WithCsv<ChangesPage, Change>(CsvTables.Changes, page => page.Changes);
        routes.MapGet("/changes/feed", (
                [ChangeQuery("knownAfter", "Optional: the instant after which changes count (exclusive), ISO-8601; the default is the beginning of time.", false, "date-time")] string? knownAfter,
                [ChangeQuery("knownBy", "Optional: the instant by which changes count (inclusive), ISO-8601; the default is now.", false, "date-time")] string? knownBy,
                [ChangeQuery("subject", "Optional: only changes about this commitment, target, bill or command (its own, and the disputes about it).")] string? subject,
                IBorderSecurityStore store, IClock clock, CancellationToken ct) =>
                ChangeFeed.FeedAsync(knownAfter, knownBy, subject, store, clock, ct))
            .AsRead("GetChangesFeed",
                "The newest changes (at most 100) as an Atom feed, newest first: an entry per change with a stable id, its summary, known-from instant, kind and sources as related links.",
                "Changes", ChangeFeed.MediaType);
        routes.MapGet("/vintages", (
                [AsOf] string? asOf,
                [ChangeQuery("subject", "Optional: a commitment, recruitment target or outcome indicator whose figure is asked for (one of subject or recipient).")] string? subject,
                [ChangeQuery("recipient", "Optional: a recipient whose total funding is asked for (one of subject or recipient).")] string? recipient,
                [ChangeQuery("figure", "Optional, with subject: amount, headcount or inpost (the default: amount for a commitment, headcount for a target).")] string? figure,
                [ChangeQuery("selection", "Optional: All (the default), FirstRelease or RevisionsOnly.")] string? selection,
                [ChangeQuery("period", "Optional, with an outcome indicator as subject: the period whose releases are asked for, YYYY-MM-DD/YYYY-MM-DD or one date (the default: the one period ending on asOf).")] string? period,
                IBorderSecurityStore store, CancellationToken ct) =>
                VintagesAsync(asOf, subject, recipient, figure, selection, period, store, ct))
            .AsRead<IReadOnlyList<FigureVintage>>("GetVintages",
                "Every value a figure has had for one valid date, known from each instant it changed, with what changed it and its sources.",
                "Changes")
            .WithCsv<IReadOnlyList<FigureVintage>, FigureVintage>(CsvTables.Vintages, vintages => vintages);
        return routes;
    }

    private static async Task<IResult> ChangesAsync(string? knownAfter, string? knownBy, string? subject, string? pageSize, string? continuation,
        string? recordedBy, IBorderSecurityStore store, CancellationToken ct)
    {
        if (!AsOfParameters.TryParseInstant(recordedBy, out var recorded))
        {
            return AsOfParameters.InvalidInstant("recordedBy", recordedBy!);
        }

        if (knownAfter is null || !AsOfParameters.TryParseInstant(knownAfter, out var after) || after is null)
        {
            return AsOfParameters.InvalidInstant("knownAfter", knownAfter ?? "");
        }

        if (knownBy is null || !AsOfParameters.TryParseInstant(knownBy, out var by) || by is null)
        {
            return AsOfParameters.InvalidInstant("knownBy", knownBy ?? "");
        }

        int? size = null;
        if (pageSize is not null)
        {
            if (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid pageSize", "pageSize must be a whole number from 1 to 1000.", "pageSize");
            }

            size = parsed;
        }

        ChangesQuery query;
        StreamId? about;
        try
        {
            query = new ChangesQuery(after.Value, by.Value, size, continuation, recorded);
            about = subject is null ? null : new StreamId(subject);
        }
        catch (ArgumentException e)
        {
            return Invalid(e, "subject");
        }

        try
        {
            return TypedResults.Ok(about is null ? await store.ChangesAsync(query, ct) : await store.ChangesAboutAsync(about, query, ct));
        }
        catch (ArgumentException e) when (e.ParamName is "subjectId")
        {
            return Invalid(e, "subject");
        }
    }

    private static async Task<IResult> VintagesAsync(string? asOf, string? subject, string? recipient, string? figure, string? selection, string? period,
        IBorderSecurityStore store, CancellationToken ct)
    {
        if (asOf is null || !NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).TryGetValue(default, out var date))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid asOf", "asOf (YYYY-MM-DD) is required.", "asOf");
        }

        if ((subject is null) == (recipient is null))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid subject", "Give one of subject (a commitment or target) or recipient.", "subject");
        }

        var chosen = VintageSelection.All;
        if (selection is not null && !(Enum.TryParse(selection, ignoreCase: false, out chosen) && Enum.IsDefined(chosen)))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid selection", "selection must be All, FirstRelease or RevisionsOnly.", "selection");
        }

        CountPeriod? counted = null;
        if (period is not null)
        {
            var ends = period.Split('/');
            if (ends.Length > 2 || !NodaTime.Text.LocalDatePattern.Iso.Parse(ends[0]).TryGetValue(default, out var from)
                || !NodaTime.Text.LocalDatePattern.Iso.Parse(ends[^1]).TryGetValue(default, out var to) || to < from)
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid period",
                    "period must be YYYY-MM-DD/YYYY-MM-DD (first and last day counted, in order) or one date YYYY-MM-DD.", "period");
            }

            counted = new CountPeriod(from, to);
        }

        try
        {
            var query = new VintagesQuery(date, figure, chosen) { Period = counted };
            return TypedResults.Ok(subject is not null
                ? await store.VintagesAsync(new StreamId(subject), query, ct)
                : await store.FundingVintagesOfAsync(new Organisation(recipient!), query, ct));
        }
        catch (ArgumentException e)
        {
            return Invalid(e, subject is null ? "recipient" : "subject");
        }
    }

    // A refusal naming the parameter: the exception's, mapped to the query string's names.
    private static IResult Invalid(ArgumentException e, string fallback)
    {
        var field = e.ParamName switch
        {
            "knownBy" or "pageSize" or "continuation" or "figure" or "selection" or "period" => e.ParamName,
            "subjectId" => "subject",
            "name" => "recipient",
            _ => fallback,
        };
        return ApiProblems.Problem(StatusCodes.Status400BadRequest, $"Invalid {field}", e.Message, field);
    }
}

/// <summary>A documented query parameter of the change questions.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ChangeQueryAttribute : FromQueryAttribute, IDocumentedQueryParameter
{
    /// <summary>Names and describes the parameter.</summary>
    /// <param name="name">Its name in the query string.</param>
    /// <param name="description">What it means.</param>
    /// <param name="isRequired">Whether it is required.</param>
    /// <param name="format">Its OpenAPI format, if any.</param>
    /// <param name="type">Its OpenAPI type.</param>
    public ChangeQueryAttribute(string name, string description, bool isRequired = false, string? format = null, JsonSchemaType type = JsonSchemaType.String)
    {
        Name = name;
        Description = description;
        IsRequired = isRequired;
        Format = format;
        Type = type;
    }

    /// <inheritdoc />
    public bool IsRequired { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public JsonSchemaType Type { get; }

    /// <inheritdoc />
    public string? Format { get; }
}
