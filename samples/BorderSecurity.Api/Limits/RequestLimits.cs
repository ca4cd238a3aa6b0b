using System.Reflection;
using BorderSecurity.Api.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace BorderSecurity.Api.Limits;

/// <summary>The <c>Limits</c> configuration section.</summary>
public sealed class RequestLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Limits";

    /// <summary>The largest request body accepted, in bytes: 64 KiB unless configured. Larger bodies get 413 (GET and HEAD bodies are never read).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>
/// Limits applied before any endpoint runs: a body over <see cref="RequestLimitOptions.MaxRequestBodyBytes"/> gets a 413
/// problem, and a query parameter the endpoint does not declare, or one given twice, gets a 400 problem naming it,
/// so a typo such as <c>?asof=</c> or <c>?knownAt=..&amp;knownAt=..</c> never changes an answer silently.
/// </summary>
/// <remarks>
/// The query parameters an endpoint declares are read from its handler: parameters with a <c>[FromQuery]</c>
/// attribute (by its name), and plain parameters of simple types that are not route values. Endpoints
/// without a handler method (none today) are not checked.
/// </remarks>
public static class RequestLimits
{
    /// <summary>Adds the options and caps Kestrel's own body limit at the same size.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(RequestLimitOptions.Section);
        builder.Services.Configure<RequestLimitOptions>(section);
        var limit = (section.Get<RequestLimitOptions>() ?? new RequestLimitOptions()).MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limit);
        return builder;
    }

    /// <summary>Adds the body and query checks; call after <c>UseExceptionHandler</c> and before authentication.</summary>
    /// <param name="app">The application.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxRequestBodyBytes;
            var readsBody = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
            if (readsBody && context.Request.ContentLength > limit)
            {
                await TooLargeAsync(context, limit);
                return;
            }

            if (QueryProblem(context) is { } problem)
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, problem.Title, problem.Detail, problem.Field);
                return;
            }

            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
            try
            {
                await next(context);
            }
            catch (Exception e) when (IsTooLarge(e) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await TooLargeAsync(context, limit);
            }
        });
        return app;
    }

    private static bool IsTooLarge(Exception e) => e switch
    {
        RequestBodyTooLargeException => true,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        _ => e.InnerException is { } inner && IsTooLarge(inner),
    };

    private static Task TooLargeAsync(HttpContext context, long limit) =>
        ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"Request bodies are limited to {limit:#,0} bytes ({RequestLimitOptions.Section}:{nameof(RequestLimitOptions.MaxRequestBodyBytes)}).", "body");

    private static (string Title, string Detail, string Field)? QueryProblem(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return null;
        }

        var declared = DeclaredQueryParameters(handler, context.Request.RouteValues);
        foreach (var (key, values) in context.Request.Query)
        {
            if (!declared.Contains(key))
            {
                var known = declared.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", declared.Order(StringComparer.Ordinal));
                return ("Unknown query parameter", $"'{Shorten(key)}' is not a parameter of this endpoint; {known}.", Shorten(key));
            }

            if (values.Count > 1)
            {
                return ("Duplicated query parameter", $"'{key}' is given {values.Count} times; give it once.", key);
            }
        }

        return null;
    }

    private static HashSet<string> DeclaredQueryParameters(MethodInfo handler, RouteValueDictionary routeValues)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            var attributes = parameter.GetCustomAttributes(inherit: true);
            if (attributes.OfType<Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
            {
                names.Add(fromQuery.Name ?? parameter.Name!);
            }
            else if (!attributes.OfType<IBindingSourceMetadata>().Any() && !attributes.OfType<Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata>().Any()
                     && IsSimple(parameter.ParameterType) && !routeValues.ContainsKey(parameter.Name!))
            {
                names.Add(parameter.Name!);
            }
        }

        return names;
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateTimeOffset);
    }

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;
}

/// <summary>A request body grew past the configured limit while it was read.</summary>
public sealed class RequestBodyTooLargeException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit in bytes.</param>
    public RequestBodyTooLargeException(long limit)
        : base($"The request body is over {limit:#,0} bytes.")
    {
    }
}

/// <summary>A read-only stream that throws <see cref="RequestBodyTooLargeException"/> once more than a limit is read (bodies without a Content-Length).</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new RequestBodyTooLargeException(limit) : read;
    }
}
