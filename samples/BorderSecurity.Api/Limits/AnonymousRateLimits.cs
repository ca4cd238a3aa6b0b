using System.Globalization;
using System.Threading.RateLimiting;
using BorderSecurity.Api.Endpoints;
using Microsoft.AspNetCore.RateLimiting;

namespace BorderSecurity.Api.Limits;

/// <summary>The <c>RateLimits</c> configuration section: how many requests an anonymous client may make in a window.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RateLimits";

    /// <summary>Whether anonymous clients are limited at all (true unless configured).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests an anonymous client (one remote address) may make per window: 300 unless configured.</summary>
    public int PermitLimit { get; set; } = 300;

    /// <summary>The window, in seconds: 60 unless configured.</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limiting for anonymous clients (ASP.NET Core's rate limiter, a fixed window per remote address): over the limit a
/// request gets 429 problem details with <c>Retry-After</c> (seconds until the window ends). A caller with a valid token
/// (reader or editor) is not limited. Configured by <see cref="RateLimitOptions"/>; <c>RateLimits:Enabled=false</c> turns it off.
/// </summary>
public static class AnonymousRateLimits
{
    /// <summary>Adds the limiter from the <c>RateLimits</c> section.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException">A limit or window below 1.</exception>
    public static WebApplicationBuilder AddAnonymousRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.PermitLimit < 1 || options.WindowSeconds < 1)
        {
            throw new InvalidOperationException(
                $"RateLimits:PermitLimit and RateLimits:WindowSeconds must be at least 1 (are {options.PermitLimit} and {options.WindowSeconds}); set RateLimits:Enabled=false to turn limiting off.");
        }

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !options.Enabled || context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = TimeSpan.FromSeconds(options.WindowSeconds),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.WindowSeconds);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"An anonymous client may make {options.PermitLimit} requests every {options.WindowSeconds} s; retry after {seconds} s, or send a token.", null);
            };
        });
        return builder;
    }
}
