using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// An ASP.NET Core health check of the Marten store: healthy while its database answers and its projection tables
/// trail the log by at most <see cref="MaxLag"/> events (<see cref="MartenBorderSecurityStore.TablesLagAsync"/>; only
/// tables kept by the async daemon can trail); otherwise the registration's failure status (unhealthy unless set),
/// with the reason; degraded while the funding totals are summed from the statements for want of a rebuild
/// (<see cref="MartenBorderSecurityStore.FundingTotalsKeptAsync"/>). The data of every result carries the mode, the
/// high-water mark, the tables' position, the lag and whether the funding totals are kept.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddBorderSecurity().UseMarten(connectionString);
/// builder.Services.AddHealthChecks().Add(BorderSecurityTablesHealthCheck.Registration(maxLag: 1_000, tags: ["ready"]));
/// </code>
/// </example>
public sealed class BorderSecurityTablesHealthCheck : IHealthCheck
{
    /// <summary>The registration name <see cref="Registration"/> uses unless given another: <c>bordersecurity-tables</c>.</summary>
    public const string DefaultName = "bordersecurity-tables";

    /// <summary>The lag, in events, <see cref="Registration"/> allows unless given another: 1,000.</summary>
    public const long DefaultMaxLag = 1_000;

    private readonly MartenBorderSecurityStore _store;

    /// <summary>Creates the check.</summary>
    /// <param name="store">The store to check.</param>
    /// <param name="maxLag">The most events the tables may trail the log by and still be healthy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLag"/> is negative.</exception>
    public BorderSecurityTablesHealthCheck(MartenBorderSecurityStore store, long maxLag = DefaultMaxLag)
    {
        _store = Guard.Against.Null(store);
        MaxLag = Guard.Against.Negative(maxLag);
    }

    /// <summary>The most events the tables may trail the log by and still be healthy.</summary>
    public long MaxLag { get; }

    /// <summary>
    /// A registration of the check over the container's <see cref="MartenBorderSecurityStore"/> (registered by
    /// <c>UseMarten</c>), for <c>services.AddHealthChecks().Add(...)</c>.
    /// </summary>
    /// <param name="name">The check's name.</param>
    /// <param name="maxLag">The most events the tables may trail the log by and still be healthy.</param>
    /// <param name="failureStatus">What a failed check reports; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (for example a readiness tag), or <see langword="null"/>.</param>
    /// <param name="timeout">How long the check may take, or <see langword="null"/> for no limit of its own.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLag"/> is negative.</exception>
    public static HealthCheckRegistration Registration(string name = DefaultName, long maxLag = DefaultMaxLag, HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Negative(maxLag);
        return new HealthCheckRegistration(name, provider => new BorderSecurityTablesHealthCheck(provider.GetRequiredService<MartenBorderSecurityStore>(), maxLag),
            failureStatus, tags, timeout);
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(context);
        var failure = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        BorderSecurityTablesLag lag;
        bool totalsKept;
        try
        {
            lag = await _store.TablesLagAsync(cancellationToken).ConfigureAwait(false);
            totalsKept = await _store.FundingTotalsKeptAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failure, "The store's database cannot be reached.", e);
        }

        var data = new Dictionary<string, object>
        {
            ["mode"] = lag.Mode.ToString(),
            ["highWaterMark"] = lag.HighWaterMark,
            ["tablesPosition"] = lag.TablesPosition,
            ["lag"] = lag.Lag,
            ["fundingTotalsKept"] = totalsKept,
        };
        if (lag.Lag > MaxLag)
        {
            return new HealthCheckResult(failure, $"The tables trail the log by {lag.Lag} events, more than {MaxLag} ({lag.Mode}): is the async daemon running?", null, data);
        }

        return totalsKept
            ? HealthCheckResult.Healthy($"The tables trail the log by {lag.Lag} events ({lag.Mode}).", data)
            : HealthCheckResult.Degraded(
                $"The tables trail the log by {lag.Lag} events ({lag.Mode}), but the funding totals are summed from the statements: the database holds " +
                "funding events from before the kept totals. Run RebuildProjectionsAsync() once (docs/marten.md, Kept funding totals).", null, data);
    }
}
