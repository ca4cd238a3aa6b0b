using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Api;

/// <summary>Where the service keeps the model: in memory (the default) or in Marten.</summary>
public interface IBorderSecurityBackend
{
    /// <summary>Decides and stores a request.</summary>
    Task<IReadOnlyList<RecordedEvent>> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Funding as of a question.</summary>
    Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken);

    /// <summary>Recruitment as of a question.</summary>
    Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken);

    /// <summary>Legislation as of a question.</summary>
    Task<IReadOnlyList<Legislation>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken);

    /// <summary>A command's overview as of a question.</summary>
    Task<CommandOverview?> CommandAsync(string commandId, AsOfQuery query, CancellationToken cancellationToken);

    /// <summary>The timeline as of a question.</summary>
    Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken);

    /// <summary>A funding time series.</summary>
    Task<IReadOnlyList<SeriesPoint<Money>>> FundingSeriesAsync(string? recipient, Instant? knownAt, CancellationToken cancellationToken);
}

/// <summary>The in-memory backend: the embedded store and the indexed projection, kept in step.</summary>
public sealed class InMemoryBackend(IClock clock) : IBorderSecurityBackend
{
    private readonly InMemoryEventStore _store = new(clock);
    private readonly BorderSecurityProjection _projection = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        var recorded = _store.Submit(request, expectedVersion);
        foreach (var e in recorded)
        {
            _projection.Apply(e);
        }

        return Task.FromResult(recorded);
    }

    /// <inheritdoc />
    public Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken) => Task.FromResult(_projection.Funding(query));

    /// <inheritdoc />
    public Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken) => Task.FromResult(_projection.Recruitment(query));

    /// <inheritdoc />
    public Task<IReadOnlyList<Legislation>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken) => Task.FromResult(_projection.Legislation(query));

    /// <inheritdoc />
    public Task<CommandOverview?> CommandAsync(string commandId, AsOfQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(_projection.Command(commandId, query));

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken) => Task.FromResult(_projection.Timeline(query));

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<Money>>> FundingSeriesAsync(string? recipient, Instant? knownAt, CancellationToken cancellationToken) =>
        Task.FromResult(_projection.FundingSeries(recipient, knownAt));
}

/// <summary>The Marten backend.</summary>
public sealed class MartenBackend(MartenBorderSecurityStore store) : IBorderSecurityBackend
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> SubmitAsync(IBorderSecurityRequest request, long? expectedVersion, CancellationToken cancellationToken) =>
        store.SubmitAsync(request, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken) => store.FundingAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken) => store.RecruitmentAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Legislation>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken) => store.LegislationAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<CommandOverview?> CommandAsync(string commandId, AsOfQuery query, CancellationToken cancellationToken) =>
        store.CommandAsync(commandId, query, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken) => store.TimelineAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<Money>>> FundingSeriesAsync(string? recipient, Instant? knownAt, CancellationToken cancellationToken) =>
        store.FundingSeriesAsync(recipient, knownAt, cancellationToken);
}
