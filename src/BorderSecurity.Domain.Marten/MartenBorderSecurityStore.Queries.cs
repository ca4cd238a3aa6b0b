using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using Marten;
using Marten.Storage;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// Questions: each answered from the projection tables in one parameterised query (SQL in AsOfSql), assembled by FigureRows
// into the model's positions (Positions), series by the model's one algorithm (Series.Of).
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    public async Task<FundingPortfolio> FundingAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var disputes = new List<Dispute>();
        var rows = await FiguresAsync(FigureScope.Funding(null), query, cancellationToken, disputes).ConfigureAwait(false);
        return OpenDisputes.Attach(FundingPortfolio.Of(query, rows.Streams.Select(rows.CommitmentOf).OfType<CommitmentPosition>()), disputes);
    }

    // The portfolio without its disputes: for overviews.
    private async Task<FundingPortfolio> PortfolioAsync(AsOfQuery query, CancellationToken cancellationToken)
    {
        var rows = await FiguresAsync(FigureScope.Funding(null), query, cancellationToken).ConfigureAwait(false);
        return FundingPortfolio.Of(query, rows.Streams.Select(rows.CommitmentOf).OfType<CommitmentPosition>());
    }

    /// <inheritdoc />
    /// <remarks>The same query as <see cref="FundingAsync"/>, narrowed through <c>bsd_commitment_recipients</c> to that recipient's commitments.</remarks>
    public async Task<FundingPortfolio> FundingOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var name = Guard.Against.Null(recipient).Name;
        var disputes = new List<Dispute>();
        var rows = await FiguresAsync(FigureScope.Funding(name), query, cancellationToken, disputes).ConfigureAwait(false);
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
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await FundingTotalsAsync(connection, query, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The same query as <see cref="FundingTotalsAsync(AsOfQuery, CancellationToken)"/>, narrowed through <c>bsd_commitment_recipients</c> to the recipient's commitments.</remarks>
    public async Task<FundingTotals> FundingTotalsOfAsync(Organisation recipient, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var name = Guard.Against.Null(recipient).Name;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await FundingTotalsAsync(connection, query, name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FundingTotals> FundingTotalsAsync(NpgsqlConnection connection, AsOfQuery query, string? recipient, CancellationToken cancellationToken)
    {
        // Known now or at an instant, from the kept sums where they count every funding event of the tenant; as recorded by
        // an instant (the audit view), or before the sums are kept, summed from the statements.
        var kept = query is { RecordedBy: null } && await TotalsKeptAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = (kept ? _sql.KeptFundingTotals(_tenantKey, query.AsOf, query.KnownAt, recipient) : _sql.FundingTotals(_tenantKey, query, recipient))
            .On(connection);
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

    /// <summary>
    /// Whether the funding totals known now (<see cref="FundingTotalsAsync(AsOfQuery, CancellationToken)"/> and
    /// <see cref="FundingTotalsOfAsync"/> known now or as known at an instant, with no recorded-by instant) are read from the kept sums
    /// (<c>bsd_funding_totals</c>, see docs/marten.md "Kept funding totals") for this store's tenant. <see langword="false"/>
    /// for a database holding funding events from before the kept totals, until <see cref="ProjectionRebuilder.RebuildProjectionsAsync"/>
    /// has run once: its totals are summed from the statements meanwhile (the same answers, each question linear in the
    /// commitments). Also reported by <see cref="BorderSecurityTablesHealthCheck"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Whether the kept sums answer.</returns>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public async Task<bool> FundingTotalsKeptAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await TotalsKeptAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether <c>bsd_funding_totals</c> counts every funding event of this store's tenant: the tenant is listed in
    /// <c>bsd_funding_totals_kept</c> (<see cref="ListTotalsKeptAsync"/>). Once listed, a tenant stays listed; until then each
    /// totals question looks again (a rebuild lists it).
    /// </summary>
    private async Task<bool> TotalsKeptAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_totalsKept)
        {
            return true;
        }

        var kept = _tables.TotalsKept;
        await using var command = new NpgsqlCommand($"select exists (select 1 from {kept} where {kept.TenantId} = @tenant)", connection);
        command.Parameters.AddWithValue("tenant", _tenantKey);
        return _totalsKept = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Lists this store's tenant in <c>bsd_funding_totals_kept</c> if it has no funding event yet, when the store first
    /// uses its database: from the first funding event on, every one is counted as it is projected (inline, or by the
    /// daemon). A tenant with events from before the kept totals existed stays unlisted, its totals summed from the
    /// statements, until a rebuild (<see cref="ProjectionRebuilder.RebuildProjectionsAsync"/>) fills the table and lists it.
    /// </summary>
    private async Task ListTotalsKeptAsync(IMartenDatabase database)
    {
        await using var connection = database.CreateConnection(ConnectionUsage.ReadWrite);
        await connection.OpenAsync().ConfigureAwait(false);
        var (kept, events) = (_tables.TotalsKept, _tables.Events);
        await using var command = new NpgsqlCommand(
            $"with listed as (insert into {kept} ({kept.ColumnList}) select @tenant where not exists (select 1 from {events} " +
            $"where {events.TenantId} = @tenant and {events.Aggregate} = '{ProjectionRows.Funding}') on conflict ({kept.KeyList}) do nothing returning 1) " +
            $"select exists (select 1 from listed) or exists (select 1 from {kept} where {kept.TenantId} = @tenant)", connection);
        command.Parameters.AddWithValue("tenant", _tenantKey);
        _totalsKept = (bool)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    private static FinancialYear? YearOf(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : FinancialYear.Parse(reader.GetString(ordinal));

    /// <inheritdoc />
    public async Task<RecruitmentSummary> RecruitmentAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var disputes = new List<Dispute>();
        var rows = await FiguresAsync(new FigureScope.OfKind(ProjectionRows.Recruitment), query, cancellationToken, disputes).ConfigureAwait(false);
        return OpenDisputes.Attach(RecruitmentSummary.Of(query, rows.Streams.Select(rows.TargetOf).OfType<TargetPosition>()), disputes);
    }

    // The recruitment summary without its disputes: for overviews.
    private async Task<RecruitmentSummary> SummaryAsync(AsOfQuery query, CancellationToken cancellationToken)
    {
        var rows = await FiguresAsync(new FigureScope.OfKind(ProjectionRows.Recruitment), query, cancellationToken).ConfigureAwait(false);
        return RecruitmentSummary.Of(query, rows.Streams.Select(rows.TargetOf).OfType<TargetPosition>());
    }

    /// <inheritdoc />
    /// <remarks>The legislation's counting events and the disputes as of the question are read on one connection.</remarks>
    public async Task<IReadOnlyList<LegislationOverview>> LegislationAsync(AsOfQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = await CountingEventsAsync(connection, new EventScope.OfKind(ProjectionRows.Legislation), query, cancellationToken).ConfigureAwait(false);
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
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var events = await CountingEventsAsync(connection, new EventScope.OfStream(commandId.Value), query, cancellationToken).ConfigureAwait(false);
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
        var events = await CountingEventsAsync(new EventScope.Everything(), query, cancellationToken).ConfigureAwait(false);
        return [.. events.Select(TimelineEntry.Of)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query reads every funding statement the knowledge allows (of the recipient's commitments only, when one is
    /// given); the model's series (<see cref="Series.Of"/>) then evaluates each date they fall on, up to the question's
    /// date, in memory, sweeping the statements forward and building each changed commitment's position with the model's
    /// one position function.
    /// </remarks>
    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        FundingSeriesAsync(null, query, cancellationToken);

    /// <inheritdoc />
    /// <remarks>One query, then the model's series in memory, as <see cref="FundingSeriesAsync(AsOfQuery, CancellationToken)"/>.</remarks>
    public Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesOfAsync(Organisation recipient, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        FundingSeriesAsync(Guard.Against.Null(recipient).Name, query, cancellationToken);

    private async Task<IReadOnlyList<SeriesPoint<FundingSeriesValue>>> FundingSeriesAsync(string? recipient, AsOfQuery query, CancellationToken cancellationToken)
    {
        var sweep = new StatementSweep<CommitmentPosition>(
            await SeriesStatementsAsync(FigureScope.Funding(recipient), query.KnownAt, query.RecordedBy, cancellationToken).ConfigureAwait(false),
            static (figures, streamId) => figures.CommitmentOf(streamId));
        return Series.Of(sweep.Dates.Where(d => d <= query.AsOf), date => FundingSeriesValue.Of(FundingTotals.Of(
                sweep.PositionsAt(date).Where(c => recipient is null || c.Recipient == recipient))),
            FundingSeriesValue.None);
    }

    /// <inheritdoc />
    /// <remarks>One query, then the model's series in memory, as <see cref="FundingSeriesAsync(AsOfQuery, CancellationToken)"/>.</remarks>
    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(AsOfQuery query, CancellationToken cancellationToken = default) =>
        HeadcountSeriesAsync(null, query, cancellationToken);

    /// <inheritdoc />
    /// <remarks>One query, then the model's series in memory, as <see cref="FundingSeriesAsync(AsOfQuery, CancellationToken)"/>.</remarks>
    public Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesOfAsync(Organisation organisation, AsOfQuery query, CancellationToken cancellationToken = default) =>
        HeadcountSeriesAsync(Guard.Against.Null(organisation).Name, query, cancellationToken);

    private async Task<IReadOnlyList<SeriesPoint<int>>> HeadcountSeriesAsync(string? organisation, AsOfQuery query, CancellationToken cancellationToken)
    {
        var sweep = new StatementSweep<TargetPosition>(
            await SeriesStatementsAsync(new FigureScope.OfKind(ProjectionRows.Recruitment), query.KnownAt, query.RecordedBy, cancellationToken).ConfigureAwait(false),
            static (figures, streamId) => figures.TargetOf(streamId));
        return Series.Of(sweep.Dates.Where(d => d <= query.AsOf), date => sweep.PositionsAt(date)
            .Where(t => organisation is null || t.Organisation == organisation).Sum(t => t.Headcount), 0);
    }
    /// <inheritdoc />
    /// <remarks>Every recruitment statement the knowledge allows, in one query, swept forward as the headcount series is; the target's position at each date.</remarks>
    public async Task<IReadOnlyList<SeriesPoint<TargetProgress>>> TargetProgressSeriesAsync(RecruitmentTargetId targetId, AsOfQuery query,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(targetId);
        var sweep = new StatementSweep<TargetPosition>(
            await SeriesStatementsAsync(new FigureScope.OfKind(ProjectionRows.Recruitment), query.KnownAt, query.RecordedBy, cancellationToken).ConfigureAwait(false),
            static (figures, streamId) => figures.TargetOf(streamId));
        return Series.Of(sweep.Dates.Where(d => d <= query.AsOf),
            date => TargetProgress.Of(sweep.PositionsAt(date).FirstOrDefault(t => t.TargetId == targetId.Value)), TargetProgress.None);
    }

    /// <summary>Every statement of the scope the knowledge allows, in one query, to sweep (<see cref="StatementSweep{TPosition}"/>).</summary>
    private async Task<List<SeriesRow>> SeriesStatementsAsync(FigureScope scope, Instant? knownAt, Instant? recordedBy, CancellationToken cancellationToken)
    {
        var rows = new List<SeriesRow>();
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var command = _sql.SeriesStatements(_tenantKey, scope, knownAt, recordedBy).On(connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new SeriesRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetDecimal(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(5)), reader.GetInt64(6)));
            }
        }

        return rows;
    }

    // disputes: when given, filled with the disputes as of the question, read on the same connection.
    private async Task<FigureRows> FiguresAsync(FigureScope scope, AsOfQuery query, CancellationToken cancellationToken, List<Dispute>? disputes = null)
    {
        // Provenances come back as content hashes, resolved through a process-wide cache (a hash names its content for ever).
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = new FigureRows();
        var citations = new List<(string StreamId, decimal First, string Hash)>();
        await using (var command = _sql.Figures(_tenantKey, scope, query).On(connection))
        {
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

        var provenances = await _provenances.ResolveAsync(connection, _tables.Provenances, _tenantKey, citations.Select(c => c.Hash), cancellationToken)
            .ConfigureAwait(false);

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

    private async Task<IReadOnlyList<RecordedEvent>> CountingEventsAsync(EventScope scope, AsOfQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await CountingEventsAsync(connection, scope, query, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<RecordedEvent>> CountingEventsAsync(NpgsqlConnection connection, EventScope scope, AsOfQuery query,
        CancellationToken cancellationToken) =>
        await ReadEventsAsync(connection, _sql.CountingEvents(_tenantKey, scope, query), cancellationToken).ConfigureAwait(false);

    private static Instant InstantOf(NpgsqlDataReader reader, int ordinal) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
