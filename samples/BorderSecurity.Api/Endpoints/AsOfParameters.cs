using BorderSecurity.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using NodaTime.Text;

namespace BorderSecurity.Api.Endpoints;

/// <summary>The three query parameters of every as-of question, parsed once with problems naming the parameter.</summary>
public static class AsOfParameters
{
    /// <summary>Answers a question as of a date, as known and as recorded at optional instants.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="asOf">The valid date, <c>YYYY-MM-DD</c> (required).</param>
    /// <param name="knownAt">An ISO-8601 UTC instant, or <see langword="null"/>.</param>
    /// <param name="recordedBy">An ISO-8601 UTC instant, or <see langword="null"/>.</param>
    /// <param name="answer">Asks the store.</param>
    /// <returns>200 with the answer, 400 naming the parameter, or 404 when <paramref name="answer"/> returns <see langword="null"/>.</returns>
    public static async Task<IResult> AnswerAsync<T>(string? asOf, string? knownAt, string? recordedBy, Func<AsOfQuery, Task<T>> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (asOf is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Missing asOf", "asOf (YYYY-MM-DD) is required.", "asOf");
        }

        var date = LocalDatePattern.Iso.Parse(asOf);
        if (!date.Success)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid asOf", $"'{Shorten(asOf)}' is not a date in the form YYYY-MM-DD.", "asOf");
        }

        if (!TryParseInstant(knownAt, out var known))
        {
            return InvalidInstant("knownAt", knownAt!);
        }

        if (!TryParseInstant(recordedBy, out var recorded))
        {
            return InvalidInstant("recordedBy", recordedBy!);
        }

        return await answer(new AsOfQuery(date.Value, known, recorded)) is { } result
            ? TypedResults.Ok(result)
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", $"Nothing is known of it as of {asOf}.", "id");
    }

    /// <summary>
    /// Parses the subject of a question (an organisation or a typed id) from a route or query parameter, then answers;
    /// a malformed subject gets 400 naming the parameter.
    /// </summary>
    /// <typeparam name="TSubject">The subject's type, for example <see cref="Organisation"/> or <see cref="Domain.Commands.CommandId"/>.</typeparam>
    /// <param name="text">The parameter's text.</param>
    /// <param name="parameter">The parameter's name, for example <c>id</c> or <c>recipient</c>.</param>
    /// <param name="parse">Makes the subject, throwing <see cref="ArgumentException"/> for malformed text (the subject's constructor).</param>
    /// <param name="answer">Answers with the subject.</param>
    /// <returns>The answer, or 400 naming <paramref name="parameter"/>.</returns>
    public static Task<IResult> WithSubjectAsync<TSubject>(string text, string parameter, Func<string, TSubject> parse, Func<TSubject, Task<IResult>> answer)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(answer);
        TSubject subject;
        try
        {
            subject = parse(text);
        }
        catch (ArgumentException e)
        {
            return Task.FromResult<IResult>(ApiProblems.Problem(StatusCodes.Status400BadRequest, $"Invalid {parameter}",
                $"'{Shorten(text)}' is not a valid {parameter}: {e.Message}", parameter));
        }

        return answer(subject);
    }

    /// <summary>
    /// Parses an optional ISO-8601 instant: in UTC such as <c>2024-11-05T09:00:00Z</c>, or with an offset such as
    /// <c>2024-11-05T10:00:00+01:00</c> (the same instant). A time without <c>Z</c> or an offset is refused: it names no instant.
    /// </summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="instant">The instant, or <see langword="null"/> when <paramref name="text"/> is.</param>
    /// <returns>Whether the text was absent or an instant.</returns>
    public static bool TryParseInstant(string? text, out Instant? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            instant = parsed.Value;
            return true;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        instant = offset.Success ? offset.Value.ToInstant() : null;
        return offset.Success;
    }

    /// <summary>A 400 problem for a parameter that is not an instant.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="text">Its value.</param>
    /// <returns>The problem.</returns>
    public static IResult InvalidInstant(string parameter, string text) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, $"Invalid {parameter}", $"'{Shorten(text)}' is not an ISO-8601 instant such as 2024-11-05T09:00:00Z (UTC) or 2024-11-05T10:00:00+01:00.", parameter);

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;
}

/// <summary>The valid date of an as-of question (<c>YYYY-MM-DD</c>, required), bound from <c>?asOf=</c>.</summary>
public sealed class AsOfAttribute : FromQueryAttribute, IDocumentedQueryParameter
{
    /// <summary>Binds <c>asOf</c>.</summary>
    public AsOfAttribute() => Name = "asOf";

    /// <inheritdoc />
    public bool IsRequired => true;

    /// <inheritdoc />
    public string Description => "The valid date the answer is as of, YYYY-MM-DD (for example 2024-11-05).";

    /// <inheritdoc />
    public JsonSchemaType Type => JsonSchemaType.String;

    /// <inheritdoc />
    public string? Format => "date";
}

/// <summary>The instant of knowledge (<c>?knownAt=</c>, ISO-8601 UTC): only facts public by then count.</summary>
public sealed class KnownAtAttribute : FromQueryAttribute, IDocumentedQueryParameter
{
    /// <summary>Binds <c>knownAt</c>.</summary>
    public KnownAtAttribute() => Name = "knownAt";

    /// <inheritdoc />
    public bool IsRequired => false;

    /// <inheritdoc />
    public string Description => "Optional: as known at this ISO-8601 instant (for example 2024-11-05T09:00:00Z, or with an offset); facts that became public later are left out.";

    /// <inheritdoc />
    public JsonSchemaType Type => JsonSchemaType.String;

    /// <inheritdoc />
    public string? Format => "date-time";
}

/// <summary>The audit instant (<c>?recordedBy=</c>, ISO-8601 UTC): only what the store had recorded by then counts.</summary>
public sealed class RecordedByAttribute : FromQueryAttribute, IDocumentedQueryParameter
{
    /// <summary>Binds <c>recordedBy</c>.</summary>
    public RecordedByAttribute() => Name = "recordedBy";

    /// <inheritdoc />
    public bool IsRequired => false;

    /// <inheritdoc />
    public string Description => "Optional: as this store had recorded it at this ISO-8601 instant (for example 2024-11-05T09:00:00Z, or with an offset): the audit view.";

    /// <inheritdoc />
    public JsonSchemaType Type => JsonSchemaType.String;

    /// <inheritdoc />
    public string? Format => "date-time";
}

/// <summary>The stream version a write is based on (<c>?expectedVersion=</c>, 0 for a new stream); a stale one gets 409.</summary>
public sealed class ExpectedVersionAttribute : FromQueryAttribute, IDocumentedQueryParameter
{
    /// <summary>Binds <c>expectedVersion</c>.</summary>
    public ExpectedVersionAttribute() => Name = "expectedVersion";

    /// <inheritdoc />
    public bool IsRequired => false;

    /// <inheritdoc />
    public string Description => "Optional: the stream version this request is based on (0 for a new stream); if the stream has moved on, nothing is stored and 409 comes back.";

    /// <inheritdoc />
    public JsonSchemaType Type => JsonSchemaType.Integer;

    /// <inheritdoc />
    public string? Format => "int64";
}

/// <summary>A UK financial year bound from the query (for example <c>?from=2024/25</c>), documented with its pattern.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FinancialYearQueryAttribute : FromQueryAttribute, IDocumentedQueryParameter
{
    /// <summary>Binds a financial year.</summary>
    /// <param name="name">The parameter's name, for example <c>from</c>.</param>
    /// <param name="description">What the year is for.</param>
    public FinancialYearQueryAttribute(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <inheritdoc />
    public bool IsRequired => true;

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public JsonSchemaType Type => JsonSchemaType.String;

    /// <inheritdoc />
    public string? Format => null;

    /// <inheritdoc />
    public string? Pattern => ApiOpenApi.FinancialYearPattern;
}
