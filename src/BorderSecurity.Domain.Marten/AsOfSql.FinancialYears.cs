using FigureNames = BorderSecurity.Domain.Shared.Figures;

namespace BorderSecurity.Domain.Marten;

// The SQL of what each commitment covers: its latest period, read by the financial-year questions, the totals and the full funding answers.
internal sealed partial class AsOfSql
{
    /// <summary>
    /// The latest counting period row of every commitment in the scope, with its detail (the period as the model's JSON):
    /// the partial covering index <c>ix_bsd_statements_period</c> read backwards, so index-only and no sort. Columns:
    /// stream_id, detail, valid_on, seq. A commitment with no counting period row (a database written before period rows
    /// existed) has none: its period is read as not stated.
    /// </summary>
    private string LatestPeriods(FigureScope scope, string known) =>
        LatestRowOf(FigureNames.Period, scope, known, $"{S.StreamId}, {S.Detail}, {S.ValidOn}, {S.Seq}");

    /// <summary>
    /// What each commitment covers as of a question, one row per commitment: its latest amount and withdrawal (the figure
    /// index read backwards), its creation detail and its latest period detail (the partial covering indexes
    /// <c>ix_bsd_statements_created</c> and <c>ix_bsd_statements_period</c>), folded per commitment inside PostgreSQL.
    /// Columns: stream_id, amount, withdrawn, creation detail, period detail (null when no period row counts).
    /// </summary>
    public SqlQuery FinancialYearCovers(string tenant, AsOfQuery query, string? recipient)
    {
        var scope = FigureScope.Funding(recipient);
        var p = Bind.Question(tenant, query, scope);
        var known = p.Knows(query, "");
        var latest = LatestFigures(scope, known, $"{S.StreamId}, {S.Figure}, {S.Value}",
            $" and {S.Figure} in ('{FigureNames.Amount}', '{FigureNames.Withdrawn}')");
        var created = CreationRows(scope, known, $"{S.StreamId}, {S.Detail}");
        var periods = LatestPeriods(scope, known);
        return p.Query($"""
            with figures as (
              select l.{S.StreamId}, l.{S.Figure}, l.{S.Value}, null::text as {S.Detail} from ({latest}) l
              union all
              select c.{S.StreamId}, '{FigureNames.Created}', null, c.{S.Detail}::text from ({created}) c
              union all
              select p.{S.StreamId}, '{FigureNames.Period}', null, p.{S.Detail}::text from ({periods}) p
            )
            select {S.StreamId},
                   max({S.Value}) filter (where {S.Figure} = '{FigureNames.Amount}') as amount,
                   bool_or({S.Figure} = '{FigureNames.Withdrawn}') as withdrawn,
                   max({S.Detail}) filter (where {S.Figure} = '{FigureNames.Created}') as created,
                   max({S.Detail}) filter (where {S.Figure} = '{FigureNames.Period}') as period
            from figures
            group by {S.StreamId}
            having max({S.Value}) filter (where {S.Figure} = '{FigureNames.Amount}') is not null and bool_or({S.Figure} = '{FigureNames.Created}')
            """);
    }
}
