using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The inline projection that keeps <c>bsd_events</c>, <c>bsd_statements</c> and <c>bsd_funding_totals</c> up to date in
/// the same transaction as the events themselves (see docs/marten.md).
/// </summary>
/// <remarks>
/// <para>Each row carries the event's tenant (<see cref="BorderSecurityTables.TenantKeyOf"/>): its own tenant under conjoined
/// event tenancy, the default tenant when each tenant has a database of its own.</para>
/// <para>The kept funding totals change by what a commitment's events change its contributions as known at each instant
/// (<see cref="Projections.FundingContributions.AsKnown"/>,
/// <see cref="Projections.FundingContributions.Between(IReadOnlyList{Projections.KnownFundingTotalsChange}, IReadOnlyList{Projections.KnownFundingTotalsChange})"/>), which needs the stream's earlier events: the history the
/// store's write decided against (<see cref="WrittenStreams"/>), else read from the log. The changes are added in the
/// statement that inserts the first of the stream's events' <c>bsd_events</c> row, and only if that row was not there, so
/// events projected twice (inline, then by the daemon) are counted once.</para>
/// </remarks>
internal sealed class BorderSecurityTablesProjection(BorderSecurityTables tables, StoreOptions options) : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // The funding events of each stream in this batch, in order; the first one's events row goes with the totals.
        var funding = new Dictionary<(string Tenant, string Stream), List<(IEvent Event, RecordedEvent Recorded, EventRow Row)>>();
        foreach (var e in events)
        {
            if (e.Data is not IBorderSecurityEvent)
            {
                continue;
            }

            var tenant = BorderSecurityTables.TenantKeyOf(options, e.TenantId);
            var recorded = MartenRecordedEvents.ToRecorded(e);
            var row = ProjectionRows.EventRowOf(tenant, recorded);
            Queue(operations, tables.Provenances, row.Provenance);
            if (row.Aggregate == ProjectionRows.Funding)
            {
                if (!funding.TryGetValue((tenant, recorded.StreamId), out var batch))
                {
                    funding[(tenant, recorded.StreamId)] = batch = [];
                }

                batch.Add((e, recorded, row));
                if (batch.Count > 1)
                {
                    Queue(operations, tables.Events, row);
                }
            }
            else
            {
                Queue(operations, tables.Events, row);
            }

            if (ProjectionRows.RecipientOf(tenant, recorded) is { } recipient)
            {
                Queue(operations, tables.Recipients, recipient);
            }

            foreach (var statement in ProjectionRows.StatementsOf(tenant, recorded))
            {
                Queue(operations, tables.Statements, statement);
            }
        }

        foreach (var ((tenant, _), batch) in funding)
        {
            var history = await HistoryAsync(operations, batch[0].Event, cancellation).ConfigureAwait(false);
            var changes = Projections.FundingContributions.Between(
                Projections.FundingContributions.AsKnown(history), Projections.FundingContributions.AsKnown([.. history, .. batch.Select(b => b.Recorded)]));
            var rows = ProjectionRows.TotalsRowsOf(tenant, changes);
            if (rows.Count == 0)
            {
                Queue(operations, tables.Events, batch[0].Row);
            }
            else
            {
                operations.QueueSqlCommand(tables.FundingTotals.AddAfterInsertSql(tables.Events),
                    [.. tables.Events.ParametersOf(batch[0].Row), .. tables.FundingTotals.ArrayValuesOf(rows)]);
            }
        }
    }

    /// <summary>
    /// The events of the stream before <paramref name="first"/>: those the store's write decided against when it is that
    /// write, else read from the log (the daemon, or an append not made through the store).
    /// </summary>
    private static async Task<IReadOnlyList<RecordedEvent>> HistoryAsync(IDocumentOperations operations, IEvent first, CancellationToken cancellation)
    {
        if (first.Version <= 1)
        {
            return [];
        }

        if (WrittenStreams.HistoryOf(first.StreamKey!, first.Version - 1) is { } written)
        {
            return written;
        }

        var session = first.TenantId is { } tenant && tenant != operations.TenantId ? operations.ForTenant(tenant) : operations;
        var stream = await session.Events.FetchStreamAsync(first.StreamKey!, first.Version - 1, token: cancellation).ConfigureAwait(false);
        return [.. stream.Select(MartenRecordedEvents.ToRecorded)];
    }

    /// <summary>Queues the insert of one row (skipped if its key is there already: the rows of an event are written once, whoever writes them first).</summary>
    private static void Queue<TRow>(IDocumentOperations operations, TableModel<TRow> table, TRow row) =>
        operations.QueueSqlCommand(table.InsertOrSkipSql, table.ParametersOf(row));
}

/// <summary>
/// The history a write through the store decided against, for the projection running in that write's
/// <c>SaveChangesAsync</c> (the same asynchronous flow): the kept totals need a stream's earlier events, which the write
/// has already read or kept, so the projection need not read them again.
/// </summary>
internal static class WrittenStreams
{
    private static readonly AsyncLocal<(string Stream, IReadOnlyList<IBorderSecurityEvent> History)?> Current = new();

    /// <summary>Makes <paramref name="history"/> the history of <paramref name="stream"/> for the projection until disposed.</summary>
    public static IDisposable Writing(string stream, IReadOnlyList<IBorderSecurityEvent> history)
    {
        Current.Value = (stream, history);
        return new Reset();
    }

    /// <summary>
    /// The history of the stream being written, as recorded events in stream order, if this flow is writing it with
    /// exactly <paramref name="count"/> earlier events; else <see langword="null"/>. Only the order and the events count
    /// for a contribution as known now, so the sequence numbers are the versions.
    /// </summary>
    public static IReadOnlyList<RecordedEvent>? HistoryOf(string stream, long count) =>
        Current.Value is ({ } written, { } history) && written == stream && history.Count == count
            ? [.. history.Select((e, i) => new RecordedEvent(i + 1, stream, i + 1, Instant.MinValue, e))]
            : null;

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
