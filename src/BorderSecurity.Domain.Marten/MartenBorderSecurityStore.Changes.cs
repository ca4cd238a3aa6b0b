using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// Changes between two known instants: the window read through the known-from index (ix_bsd_events_known), one page plus
// one, then the histories of the streams it touches in one more query; the model's one algorithm (ChangeAnswers) answers.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    public Task<ChangesPage> ChangesAsync(ChangesQuery query, CancellationToken cancellationToken = default) =>
        ChangesAsync(Guard.Against.Null(query), null, cancellationToken);

    /// <inheritdoc />
    public Task<ChangesPage> ChangesAboutAsync(StreamId subjectId, ChangesQuery query, CancellationToken cancellationToken = default) =>
        ChangesAsync(Guard.Against.Null(query), Guard.Against.Null(subjectId), cancellationToken);

    private async Task<ChangesPage> ChangesAsync(ChangesQuery query, StreamId? subject, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await CheckHeldAsync(connection, subject, cancellationToken).ConfigureAwait(false);
        var limit = query.PageSize is { } size ? size + 1 : int.MaxValue;
        var window = await ReadEventsAsync(connection, _sql.ChangesWindow(_tenantKey, query, subject?.Value, limit), cancellationToken).ConfigureAwait(false);
        var histories = await HistoriesAsync(connection, window, cancellationToken).ConfigureAwait(false);
        return ChangeAnswers.Of(query, window, id => histories.TryGetValue(id, out var events) ? events : [], subject);
    }

    /// <inheritdoc />
    /// <remarks>The commitment's or target's events in one query (<c>ix_bsd_events_stream_valid</c>); the model's one algorithm (<see cref="VintageAnswers"/>) answers.</remarks>
    public async Task<IReadOnlyList<FigureVintage>> VintagesAsync(StreamId subjectId, VintagesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(subjectId);
        Guard.Against.Null(query);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var history = await ReadEventsAsync(connection, _sql.StreamsEvents(_tenantKey, [subjectId.Value]), cancellationToken).ConfigureAwait(false);
        return VintageAnswers.OfStream(subjectId, history, query);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The recipient's commitments (<c>bsd_commitment_recipients</c>) and their events in one query, then the recipient's totals
    /// (<see cref="FundingTotalsOfAsync"/>) as known at each instant one of those events became known.
    /// </remarks>
    public async Task<IReadOnlyList<FigureVintage>> FundingVintagesOfAsync(Organisation recipient, VintagesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(recipient);
        Guard.Against.Null(query);
        List<RecordedEvent> events;
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            events = await ReadEventsAsync(connection, _sql.RecipientEvents(_tenantKey, recipient.Name), cancellationToken).ConfigureAwait(false);
        }

        return await VintageAnswers.OfAsync(events,
            async at => (await FundingTotalsOfAsync(recipient, new AsOfQuery(query.AsOf, at), cancellationToken).ConfigureAwait(false)).Total.Pounds,
            query, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The funding events (<c>ix_bsd_events_aggregate_valid</c>), then the portfolio's series (<see cref="FundingSeriesAsync(AsOfQuery, CancellationToken)"/>) as known at each instant one of them became known.</remarks>
    public async Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesAsync(VintagesQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        List<RecordedEvent> events;
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            events = await ReadEventsAsync(connection, _sql.CountingEvents(_tenantKey, new EventScope.OfKind(ProjectionRows.Funding), new AsOfQuery(query.AsOf)),
                cancellationToken).ConfigureAwait(false);
        }

        return await SeriesVintageAnswers.OfAsync(events, at => FundingSeriesAsync(new AsOfQuery(query.AsOf, at), cancellationToken), query, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The recipient's commitments' events (<c>bsd_commitment_recipients</c>), then its series (<see cref="FundingSeriesOfAsync"/>) as known at each instant one of them became known.</remarks>
    public async Task<IReadOnlyList<SeriesVintage<FundingSeriesValue>>> FundingSeriesVintagesOfAsync(Organisation recipient, VintagesQuery query,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(recipient);
        Guard.Against.Null(query);
        List<RecordedEvent> events;
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            events = await ReadEventsAsync(connection, _sql.RecipientEvents(_tenantKey, recipient.Name), cancellationToken).ConfigureAwait(false);
        }

        return await SeriesVintageAnswers.OfAsync(events, at => FundingSeriesOfAsync(recipient, new AsOfQuery(query.AsOf, at), cancellationToken), query,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Change>> HappenedAsync(HappenedQuery query, CancellationToken cancellationToken = default) =>
        HappenedAsync(Guard.Against.Null(query), null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Change>> HappenedAboutAsync(StreamId subjectId, HappenedQuery query, CancellationToken cancellationToken = default) =>
        HappenedAsync(Guard.Against.Null(query), Guard.Against.Null(subjectId), cancellationToken);

    // What happened between two valid dates: the window read through the valid-date index, then the histories of the streams
    // it touches in one more query; the model's one algorithm (ChangeAnswers.Happened) answers.
    private async Task<IReadOnlyList<Change>> HappenedAsync(HappenedQuery query, StreamId? subject, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await CheckHeldAsync(connection, subject, cancellationToken).ConfigureAwait(false);
        var window = await ReadEventsAsync(connection, _sql.HappenedWindow(_tenantKey, query, subject?.Value), cancellationToken).ConfigureAwait(false);
        var histories = await HistoriesAsync(connection, window, cancellationToken).ConfigureAwait(false);
        return ChangeAnswers.Happened(query, window, id => histories.TryGetValue(id, out var events) ? events : [], subject);
    }

    // A change question about a subject needs a stream this store holds (ix_bsd_events_stream_valid, one row at most).
    private async Task CheckHeldAsync(NpgsqlConnection connection, StreamId? subject, CancellationToken cancellationToken)
    {
        if (subject is null)
        {
            return;
        }

        await using var command = _sql.StreamHeld(_tenantKey, subject.Value).On(connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            throw ChangeAnswers.UnknownSubject(subject);
        }
    }

    // The histories an answer about these events needs: of the streams with a figure (values before and after) and of the
    // disputes resolved (their subject).
    private async Task<Dictionary<string, IReadOnlyList<RecordedEvent>>> HistoriesAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events,
        CancellationToken cancellationToken)
    {
        var streams = events.Where(e => ChangeClassification.FigureOf(e.Data) is not null || e.Data is DisputeResolved)
            .Select(e => e.StreamId).Distinct(StringComparer.Ordinal).ToArray();
        return streams.Length == 0
            ? new Dictionary<string, IReadOnlyList<RecordedEvent>>(StringComparer.Ordinal)
            : (await ReadEventsAsync(connection, _sql.StreamsEvents(_tenantKey, streams), cancellationToken).ConfigureAwait(false))
                .GroupBy(e => e.StreamId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<RecordedEvent>)[.. g], StringComparer.Ordinal);
    }

    /// <summary>Reads events from a query whose columns are (seq, stream, version, known_from, recorded_at, wire name, JSON), mapping old shapes forward.</summary>
    private async Task<List<RecordedEvent>> ReadEventsAsync(NpgsqlConnection connection, SqlQuery sql, CancellationToken cancellationToken)
    {
        var serializer = _store.Options.Serializer();
        await using var command = sql.On(connection);
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(reader.GetString(6));
            var data = EventCatalogue.Read(reader.GetString(5), type => serializer.FromJson(type, new MemoryStream(bytes, writable: false)));
            events.Add(new RecordedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), InstantOf(reader, 4), data)
            {
                KnownFrom = InstantOf(reader, 3),
            });
        }

        return events;
    }
}
