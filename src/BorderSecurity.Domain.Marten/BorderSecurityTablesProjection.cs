using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The inline projection that keeps <c>bsd_events</c> and <c>bsd_statements</c> up to date in the same
/// transaction as the events themselves (see docs/marten.md).
/// </summary>
internal sealed class BorderSecurityTablesProjection(BorderSecurityTables tables) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            if (e.Data is not IBorderSecurityEvent)
            {
                continue;
            }

            var recorded = MartenRecordedEvents.ToRecorded(e);
            var row = ProjectionRows.EventRowOf(recorded);
            operations.QueueSqlCommand(tables.InsertProvenanceSql, row.ProvenanceHash, row.ProvenanceJson);
            operations.QueueSqlCommand(tables.InsertEventSql, row.Sequence, row.StreamId, row.Aggregate, row.EventType,
                row.ValidOn.ToDateOnly(), row.KnownFrom.ToDateTimeOffset(), row.RecordedAt.ToDateTimeOffset(), row.ProvenanceHash);
            if (ProjectionRows.RecipientOf(recorded) is { } recipient)
            {
                operations.QueueSqlCommand(tables.InsertRecipientSql, recipient, row.StreamId);
            }

            foreach (var s in ProjectionRows.StatementsOf(recorded))
            {
                operations.QueueSqlCommand(tables.InsertStatementSql, s.Sequence, s.StreamId, s.Aggregate, s.Figure, s.Dimension,
                    s.ValidOn.ToDateOnly(), s.KnownFrom.ToDateTimeOffset(), s.RecordedAt.ToDateTimeOffset(), (object?)s.Value ?? DBNull.Value, (object?)s.Detail ?? DBNull.Value);
            }
        }

        return Task.CompletedTask;
    }
}
