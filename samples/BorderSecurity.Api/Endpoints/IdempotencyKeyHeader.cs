using BorderSecurity.Api.OpenApi;
using BorderSecurity.Domain.Serialization;

namespace BorderSecurity.Api.Endpoints;

/// <summary>
/// Reads the <c>Idempotency-Key</c> request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a
/// structured-field string such as <c>"8e03978e-40d5-43e8-bc93-6894a57f9324"</c>, or the same key bare (without the
/// quotes, as most clients send it). The key is 1 to <see cref="IdempotencyKeys.MaxLength"/> visible ASCII characters;
/// the store keeps it with the request's fingerprint, so a repeat with the same body is answered from the first write
/// and the same key with a different body is refused.
/// </summary>
public static class IdempotencyKeyHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = ApiOpenApi.IdempotencyKeyHeader;

    /// <summary>Reads the key of a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="key">The key, or <see langword="null"/> when the header is absent.</param>
    /// <param name="problem">A 400 problem naming the header when it is present but not a key; otherwise <see langword="null"/>.</param>
    /// <returns>Whether the header is absent or holds a key.</returns>
    public static bool TryRead(HttpRequest request, out string? key, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        key = null;
        problem = null;
        if (!request.Headers.TryGetValue(Name, out var values))
        {
            return true;
        }

        if (values.Count > 1)
        {
            problem = Invalid("it was given more than once; send one key.");
            return false;
        }

        var text = (values.Count == 0 ? "" : values[0] ?? "").Trim(' ', '\t');
        string? parsed;
        string? error;
        if (text.StartsWith('"'))
        {
            (parsed, error) = Unquote(text);
        }
        else
        {
            (parsed, error) = text.Any(c => c is < '!' or > '~' or '"' or '\\' or ',')
                ? ((string?)null, "a bare key must be visible ASCII without spaces, quotes, backslashes or commas; quote it (\"...\") to send spaces.")
                : (text, (string?)null);
        }

        if (error is null && string.IsNullOrWhiteSpace(parsed))
        {
            error = "it is blank; send a key of 1 to 200 characters, for example a UUID.";
        }
        else if (error is null && parsed!.Length > IdempotencyKeys.MaxLength)
        {
            error = $"it is {parsed.Length} characters long; at most {IdempotencyKeys.MaxLength} are accepted.";
        }

        if (error is not null)
        {
            problem = Invalid(error);
            return false;
        }

        key = parsed;
        return true;
    }

    /// <summary>An RFC 8941 sf-string: quoted, printable ASCII, with <c>\"</c> and <c>\\</c> as its only escapes.</summary>
    private static (string? Key, string? Error) Unquote(string text)
    {
        const string malformed = "a quoted key must be a structured-field string: printable ASCII between double quotes, with \\\" and \\\\ as the only escapes.";
        if (text.Length < 2 || text[^1] != '"')
        {
            return (null, malformed);
        }

        var key = new System.Text.StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length - 1 || text[i + 1] is not ('"' or '\\'))
                {
                    return (null, malformed);
                }

                c = text[++i];
            }
            else if (c is < ' ' or > '~' or '"')
            {
                return (null, malformed);
            }

            key.Append(c);
        }

        return (key.ToString(), null);
    }

    private static IResult Invalid(string why) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid Idempotency-Key", $"The {Name} header is not a key: {why}", Name);
}
