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
            var row = ProjectionRows.EventRowOf(recorded);
            operations.QueueSqlCommand(tables.InsertProvenanceSql, tenant, row.ProvenanceHash, row.ProvenanceJson);
            operations.QueueSqlCommand(tables.InsertEventSql, tenant, row.Sequence, row.StreamId, row.Aggregate, row.EventType,
                row.ValidOn.ToDateOnly(), row.KnownFrom.ToDateTimeOffset(), row.RecordedAt.ToDateTimeOffset(), row.ProvenanceHash);
            if (ProjectionRows.RecipientOf(recorded) is { } recipient)
            {
                operations.QueueSqlCommand(tables.InsertRecipientSql, tenant, recipient, row.StreamId);
            }

            foreach (var s in ProjectionRows.StatementsOf(recorded))
            {
                operations.QueueSqlCommand(tables.InsertStatementSql, tenant, s.Sequence, s.StreamId, s.Aggregate, s.Figure, s.Dimension,
                    s.ValidOn.ToDateOnly(), s.KnownFrom.ToDateTimeOffset(), s.RecordedAt.ToDateTimeOffset(), (object?)s.Value ?? DBNull.Value, (object?)s.Detail ?? DBNull.Value);
            }
        }

        return Task.CompletedTask;
    }
}
