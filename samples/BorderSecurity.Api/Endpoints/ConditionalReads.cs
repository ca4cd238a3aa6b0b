using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using BorderSecurity.Api.Security;
using BorderSecurity.Domain.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BorderSecurity.Api.Endpoints;

/// <summary>
/// Cacheable answers, on every question (<see cref="EndpointConventions.AsRead{T}"/>): each 200 carries a strong
/// <c>ETag</c>, and a repeat whose <c>If-None-Match</c> names it gets <c>304 Not Modified</c> without the answer being
/// worked out again.
/// </summary>
/// <remarks>
/// <para>An answer as recorded by an instant in the past (<c>recordedBy</c> before now: the audit view) can never change,
/// because every event is recorded at the clock's instant when it is written; its tag depends only on the request, and it
/// is served <c>Cache-Control: public, max-age=31536000, immutable</c> (<c>private</c> when reads need a token).</para>
/// <para>Any other answer changes only when the log does: its tag is derived from the log's newest sequence number
/// (<see cref="IBorderSecurityLog.LastSequenceAsync"/>, one cheap read) and the request, served <c>Cache-Control:
/// no-cache</c> (a cache may keep it but must ask again; the repeat costs that one read).</para>
/// <para>Tags also cover the request's path, its query parameters (in any order), its <c>Accept</c> header
/// (<c>Vary: Accept</c>) and the package version, so a new release never answers 304 with an old representation.</para>
/// </remarks>
public sealed class ConditionalReads(IBorderSecurityStore store, IClock clock, IOptions<ApiAuthOptions> auth) : IEndpointFilter
{
    /// <summary>Cache-Control of an answer that can never change.</summary>
    public const string Immutable = "max-age=31536000, immutable";

    /// <summary>Cache-Control of an answer that may change when the log does.</summary>
    public const string Revalidate = "no-cache";

    private static readonly string Release =
        typeof(IBorderSecurityStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var request = http.Request;
        var immutable = AsRecordedInThePast(request.Query["recordedBy"], clock.GetCurrentInstant());
        var version = immutable ? "recorded-in-the-past" : (await store.LastSequenceAsync(http.RequestAborted)).ToString(CultureInfo.InvariantCulture);
        var tag = new EntityTagHeaderValue($"\"{Tag(version, request)}\"");

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = tag;
        http.Response.Headers.CacheControl = immutable
            ? (auth.Value.RequireReaderRole ? "private, " : "public, ") + Immutable
            : Revalidate;
        http.Response.Headers.Vary = "Accept";
        http.Response.OnStarting(() =>
        {
            // A problem (400, 404, 503) is not the answer the tag names.
            if (http.Response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
            {
                http.Response.Headers.Remove(HeaderNames.ETag);
                http.Response.Headers.Remove(HeaderNames.CacheControl);
            }

            return Task.CompletedTask;
        });

        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(tag, useStrongComparison: true)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return await next(context);
    }

    /// <summary>Whether a <c>recordedBy</c> parameter names a valid instant before <paramref name="now"/>.</summary>
    /// <param name="recordedBy">The parameter's values.</param>
    /// <param name="now">The clock's instant.</param>
    /// <returns><see langword="true"/> when the answer can never change.</returns>
    public static bool AsRecordedInThePast(Microsoft.Extensions.Primitives.StringValues recordedBy, Instant now) =>
        recordedBy.Count == 1 && AsOfParameters.TryParseInstant(recordedBy[0], out var instant) && instant < now;

    private static string Tag(string version, HttpRequest request)
    {
        var text = new StringBuilder()
            .Append(Release).Append('\n').Append(version).Append('\n').Append(request.Path.Value).Append('\n');
        foreach (var (key, values) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(string.Join(',', values.ToArray())).Append('&');
        }

        text.Append('\n').Append(request.Headers.Accept.ToString());
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 18).Replace('+', '-').Replace('/', '_');
    }
}
