using System.Net.Sockets;
using BorderSecurity.Api.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace BorderSecurity.Api.Hosting;

/// <summary>
/// Answers 503 problem details, with <c>Retry-After</c>, when a request fails because the store cannot be reached
/// (PostgreSQL down, restarting, refusing connections, or the pool exhausted), instead of 500: the request was fine and
/// may simply be sent again. Any other exception is left to the default handler (500).
/// </summary>
public sealed partial class StoreUnavailableHandler(ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>How long a client is asked to wait before trying again, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsStoreUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        var write = !HttpMethods.IsGet(httpContext.Request.Method) && !HttpMethods.IsHead(httpContext.Request.Method);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "Store unavailable",
            $"The store (PostgreSQL) cannot be reached right now; try again in {RetryAfterSeconds} seconds." + (write
                ? $" Whether this write was stored is not known: send it again with the same {IdempotencyKeyHeader.Name} to have it stored at most once."
                : ""),
            field: null);
        return true;
    }

    /// <summary>
    /// Whether an exception (or one it wraps, as Marten does) says the database cannot be reached: a transient
    /// <see cref="NpgsqlException"/> (connection refused or reset, timeout, server shutting down or not yet accepting
    /// connections, too many connections) or a socket error.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether to answer 503.</returns>
    public static bool IsStoreUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsStoreUnavailable):
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the store cannot be reached ({Reason}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
