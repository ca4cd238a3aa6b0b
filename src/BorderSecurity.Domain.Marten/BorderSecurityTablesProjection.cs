using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The inline projection that keeps <c>bsd_events</c> and <c>bsd_statements</c> up to date in the same
/// transaction as the events themselves (see docs/marten.md).
/// </summary>
/// <remarks>
/// Each row carries the event's tenant (<see cref="BorderSecurityTables.TenantKeyOf"/>): its own tenant under conjoined
/// event tenancy, the default tenant when each tenant has a database of its own.
/// </remarks>
internal sealed class BorderSecurityTablesProjection(BorderSecurityTables tables, StoreOptions options) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
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
            Queue(operations, tables.Events, row);
            if (ProjectionRows.RecipientOf(tenant, recorded) is { } recipient)
            {
                Queue(operations, tables.Recipients, recipient);
            }

            foreach (var statement in ProjectionRows.StatementsOf(tenant, recorded))
            {
                Queue(operations, tables.Statements, statement);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Queues the insert of one row (skipped if its key is there already: the rows of an event are written once, whoever writes them first).</summary>
    private static void Queue<TRow>(IDocumentOperations operations, TableModel<TRow> table, TRow row) =>
        operations.QueueSqlCommand(table.InsertOrSkipSql, table.ParametersOf(row));
}
