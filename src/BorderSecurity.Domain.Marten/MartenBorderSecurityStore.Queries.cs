using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using Marten;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// Questions: each answered from the projection tables in one parameterised query (SQL in AsOfSql), assembled by FigureRows.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    public async Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var disputes = new List<Dispute>();
        var rows = await FiguresAsync(ProjectionRows.Funding, query, null, cancellationToken, disputes).ConfigureAwait(false);
        return OpenDisputes.Attach(FundingPortfolio.Of(query, rows.Streams.Select(rows.CommitmentOf).OfType<CommitmentPosition>()), disputes);
    }

    // The portfolio without its disputes: for series and overviews.
    private async Task<FundingPortfolio> PortfolioAsync(AsOfQuery query, CancellationToken cancellationToken)
    {
        var rows = await FiguresAsync(ProjectionRows.Funding, query, null, cancellationToken).ConfigureAwait(false);
        return FundingPortfolio.Of(query, rows.Streams.Select(rows.CommitmentOf).OfType<CommitmentPosition>());
    }

    /// <inheritdoc />
    /// <remarks>The same query as <see cref="FundingAsync"/>, narrowed through <c>bsd_commitment_recipients</c> to that recipient's commitments.</remarks>
    public async Task<FundingPortfolio> FundingOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var name = Guard.Against.Null(recipient).Name;
        var disputes = new List<Dispute>();
        var rows = await FiguresAsync(ProjectionRows.Funding, query, name, cancellationToken, disputes).ConfigureAwait(false);
        return OpenDisputes.Attach(
            FundingPortfolio.Of(query, rows.Streams.Select(rows.CommitmentOf).OfType<CommitmentPosition>().Where(c => c.Recipient == name)), disputes);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Summed inside PostgreSQL by origin, basis and what each commitment's period covers as of the question (one query, its
    /// latest period row read as the financial-year question reads it), without sending every commitment, allocation and
    /// source to the client; <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/> then keeps the yearly levels apart.
    /// </remarks>
    public async Task<FundingTotals> FundingTotalsAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await FundingTotalsAsync(connection, query, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The same query as <see cref="FundingTotalsAsync(AsOfQuery, CancellationToken)"/>, narrowed through <c>bsd_commitment_recipients</c> to the recipient's commitments.</remarks>
    public async Task<FundingTotals> FundingTotalsOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var name = Guard.Against.Null(recipient).Name;
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await FundingTotalsAsync(connection, query, name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FundingTotals> FundingTotalsAsync(NpgsqlConnection connection, AsOfQuery query, string? recipient, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql.FundingTotals(query, recipient), connection);
        AsOfSql.AddParameters(command, _tenantKey, query, ProjectionRows.Funding);
        if (recipient is not null)
        {
            command.Parameters.AddWithValue("recipient", recipient);
        }

        var shares = new List<FundingShare>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // What the period covers, as stated: only the coverage and the years decide how the amount is totalled.
            var covers = reader.IsDBNull(2)
                ? FigureRows.NoPeriod
                : new FundingPeriod("", Enum.Parse<FundingCoverage>(reader.GetString(2)), YearOf(reader, 3), YearOf(reader, 4));
            shares.Add(new FundingShare(Enum.Parse<FundingOriginKind>(reader.GetString(0)), Enum.Parse<FundingBasis>(reader.GetString(1)),
                Money.FromPounds(reader.GetDecimal(5)), Money.FromPounds(reader.GetDecimal(6)), covers));
        }

        return FundingTotals.Of(shares);
    }

    private static FinancialYear? YearOf(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : FinancialYear.Parse(reader.GetString(ordinal));

    /// <inheritdoc />
    public async Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var disputes = new List<Dispute>();
        var rows = await FiguresAsync(ProjectionRows.Recruitment, query, null, cancellationToken, disputes).ConfigureAwait(false);
        return OpenDisputes.Attach(RecruitmentSummary.Of(query, rows.Streams.Select(rows.TargetOf).OfType<TargetPosition>()), disputes);
    }

    // The recruitment summary without its disputes: for series and overviews.
    private async Task<RecruitmentSummary> SummaryAsync(AsOfQuery query, CancellationToken cancellationToken)
    {
        var rows = await FiguresAsync(ProjectionRows.Recruitment, query, null, cancellationToken).ConfigureAwait(false);
        return RecruitmentSummary.Of(query, rows.Streams.Select(rows.TargetOf).OfType<TargetPosition>());
    }

    /// <inheritdoc />
    /// <remarks>The legislation's counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<IReadOnlyList<LegislationOverview>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, "b.aggregate = @aggregate", query, ProjectionRows.Legislation, cancellationToken).ConfigureAwait(false);
        var disputes = await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false);
        return [.. events.GroupBy(e => e.StreamId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate((Legislation?)null, (s, e) => Legislative.Legislation.Evolve(s, e.Data)))
            .OfType<Legislation>()
            .Select(l => OpenDisputes.Attach(new LegislationOverview(query, l), disputes)!)];
    }

    /// <inheritdoc />
    public async Task<CommandOverview?> CommandAsync(CommandId commandId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(commandId);
        IReadOnlyList<Dispute> disputes;
        Command? command;
        await using (var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var events = await CountingEventsAsync(connection, "b.stream_id = @aggregate", query, commandId.Value, cancellationToken).ConfigureAwait(false);
            command = events.Aggregate((Command?)null, (s, e) => Commands.Command.Evolve(s, e.Data));
            if (command is null)
            {
                return null;
            }

            disputes = await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false);
        }

        var funding = await PortfolioAsync(query, cancellationToken).ConfigureAwait(false);
        var recruitment = await SummaryAsync(query, cancellationToken).ConfigureAwait(false);
        return OpenDisputes.Attach(new CommandOverview(query, command, funding.For(command.Name), recruitment.For(command.Name)), disputes);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var events = await CountingEventsAsync("@aggregate = ''", query, "", cancellationToken).ConfigureAwait(false);
        return [.. events.Select(TimelineEntry.Of)];
    }

    /// <inheritdoc />
    /// <remarks>One totals query (<see cref="FundingTotalsAsync(AsOfQuery, CancellationToken)"/>) per candidate date up to the question's, on one connection.</remarks>
    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        FundingSeriesAsync(null, query, cancellationToken);

    /// <inheritdoc />
    /// <remarks>One totals query (<see cref="FundingTotalsOfAsync"/>) per candidate date up to the question's, on one connection.</remarks>
    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesOfAsync(Organisation recipient, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        FundingSeriesAsync(Guard.Against.Null(recipient).Name, query, cancellationToken);

    private async Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(string? recipient, AsOfQuery query, CancellationToken cancellationToken)
    {
        var points = new List<SeriesPoint<FundingSeriesValue>>();
        var dates = await ValidDatesAsync(ProjectionRows.Funding, query, cancellationToken).ConfigureAwait(false);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var date in dates)
        {
            var totals = await FundingTotalsAsync(connection, query with { AsOf = date }, recipient, cancellationToken).ConfigureAwait(false);
            var value = FundingSeriesValue.Of(totals);
            if (!value.Equals(points.Count == 0 ? FundingSeriesValue.None : points[^1].Value))
            {
                points.Add(new SeriesPoint<FundingSeriesValue>(date, value));
            }
        }

        return points;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        HeadcountSeriesAsync(null, query, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesOfAsync(Organisation organisation, AsOfQuery query, CancellationToken cancellationToken = default) =>
        HeadcountSeriesAsync(Guard.Against.Null(organisation).Name, query, cancellationToken);

    private async Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(string? organisation, AsOfQuery query, CancellationToken cancellationToken)
    {
        var points = new List<SeriesPoint<int>>();
        foreach (var date in await ValidDatesAsync(ProjectionRows.Recruitment, query, cancellationToken).ConfigureAwait(false))
        {
            var summary = await SummaryAsync(query with { AsOf = date }, cancellationToken).ConfigureAwait(false);
            var value = organisation is null ? summary.Target : summary.For(organisation).Target;
            if (value != (points.Count == 0 ? 0 : points[^1].Value))
            {
                points.Add(new SeriesPoint<int>(date, value));
            }
        }

        return points;
    }

    // disputes: when given, filled with the disputes as of the question, read on the same connection.
    private async Task<FigureRows> FiguresAsync(string aggregate, AsOfQuery query, string? recipient, CancellationToken cancellationToken,
        List<Dispute>? disputes = null)
    {
        // Provenances come back as content hashes, resolved through a process-wide cache (a hash names its content for ever).
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = new FigureRows();
        var citations = new List<(string StreamId, decimal First, string Hash)>();
        await using (var command = new NpgsqlCommand(_sql.Figures(aggregate, query, recipient), connection))
        {
            AsOfSql.AddParameters(command, _tenantKey, query, aggregate);
            if (recipient is not null)
            {
                command.Parameters.AddWithValue("recipient", recipient);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var streamId = reader.GetString(1);
                switch (reader.GetInt32(0))
                {
                    case 0 when reader.GetString(2) is ProjectionRows.Created or ProjectionRows.Period:
                        // Parts 1 and 4 carry the creation and period rows with their detail.
                        break;
                    case 0:
                        rows.Figures(streamId)[(reader.GetString(2), reader.GetString(3))] = new Figure(
                            reader.IsDBNull(4) ? null : reader.GetDecimal(4), null, LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(6)));
                        break;
                    case 1:
                        rows.Figures(streamId)[(ProjectionRows.Created, "")] = new Figure(
                            null, reader.GetString(5), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(6)));
                        break;
                    case 2:
                        citations.Add((streamId, reader.GetDecimal(4), reader.GetString(5)));
                        break;
                    case 4:
                        rows.Figures(streamId)[(ProjectionRows.Period, "")] = new Figure(
                            null, reader.GetString(5), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(6)));
                        break;
                    default:
                        rows.Reannouncements[streamId] = (int)reader.GetDecimal(4);
                        break;
                }
            }
        }

        var provenances = await _provenances.ResolveAsync(connection, _schema, _tenantKey, citations.Select(c => c.Hash), cancellationToken).ConfigureAwait(false);

        // Each distinct provenance once, in the order of its first counting event: the first appearance of every source.
        foreach (var (streamId, _, hash) in citations.OrderBy(c => c.StreamId, StringComparer.Ordinal).ThenBy(c => c.First))
        {
            rows.Add(streamId, provenances[hash]);
        }

        if (disputes is not null)
        {
            disputes.AddRange(await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    private async Task<IReadOnlyList<RecordedEvent>> CountingEventsAsync(string filter, AsOfQuery query, string aggregate, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await CountingEventsAsync(connection, filter, query, aggregate, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<RecordedEvent>> CountingEventsAsync(NpgsqlConnection connection, string filter, AsOfQuery query, string aggregate,
        CancellationToken cancellationToken)
    {
        var serializer = _store.Options.Serializer();
        await using var command = new NpgsqlCommand(_sql.CountingEvents(filter, query), connection);
        AsOfSql.AddParameters(command, _tenantKey, query, aggregate);
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

    private static Instant InstantOf(NpgsqlDataReader reader, int ordinal) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    // The valid dates of the aggregate's rows within the question's knowledge, up to its date (a series has no point after it).
    private async Task<IReadOnlyList<LocalDate>> ValidDatesAsync(string aggregate, AsOfQuery query, CancellationToken cancellationToken)
    {
        var (knownAt, recordedBy) = (query.KnownAt, query.RecordedBy);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.ValidDates(knownAt, recordedBy), connection);
        command.Parameters.AddWithValue("tenant", _tenantKey);
        command.Parameters.AddWithValue("aggregate", aggregate);
        AsOfSql.AddInstants(command, knownAt, recordedBy);
        var dates = new List<LocalDate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            dates.Add(LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(0)));
        }

        return [.. dates.Where(d => d <= query.AsOf)];
    }
}
