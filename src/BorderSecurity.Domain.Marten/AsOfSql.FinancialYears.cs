namespace BorderSecurity.Domain.Marten;

// The SQL of what each commitment covers: its latest period, read by the financial-year questions, the totals and the full funding answers.
internal sealed partial class AsOfSql
{
    /// <summary>
    /// The latest counting period row of every commitment (of one recipient's, through <c>bsd_commitment_recipients</c>), with
    /// its detail (the period as the model's JSON): the partial covering index <c>ix_bsd_statements_period</c> read
    /// backwards, so index-only and no sort. Columns: stream_id, detail, valid_on, seq. A commitment with no counting period
    /// row (a database written before period rows existed) has none: its period is read as not stated.
    /// </summary>
    private string LatestPeriods(string? recipient, string known) =>
        Scoped(recipient,
            $"""
            select distinct on (stream_id) stream_id, detail, valid_on, seq
            from {schema}.bsd_statements
            where tenant_id = @tenant and figure = 'period' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by stream_id desc, valid_on desc, seq desc
            """,
            $"""
            select stream_id, detail, valid_on, seq
            from {schema}.bsd_statements
            where tenant_id = @tenant and figure = 'period' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by valid_on desc, seq desc
            limit 1
            """);

    /// <summary>
    /// What each commitment covers as of a question, one row per commitment: its latest amount and withdrawal (the figure
    /// index read backwards), its creation detail and its latest period detail (the partial covering indexes
    /// <c>ix_bsd_statements_created</c> and <c>ix_bsd_statements_period</c>), folded per commitment inside PostgreSQL.
    /// Columns: stream_id, amount, withdrawn, creation detail, period detail (null when no period row counts).
    /// </summary>
    public string FinancialYearCovers(AsOfQuery query, string? recipient)
    {
        var known = Knows(query, "");
        var latest = LatestFigures(recipient, known, "stream_id, figure, value", " and figure in ('amount', 'withdrawn')");
        var created = CreationRows(recipient, known, "stream_id, detail");
        var periods = LatestPeriods(recipient, known);
        return $"""
            with figures as (
              select l.stream_id, l.figure, l.value, null::text as detail from ({latest}) l
              union all
              select c.stream_id, 'created', null, c.detail::text from ({created}) c
              union all
              select p.stream_id, 'period', null, p.detail::text from ({periods}) p
            )
            select stream_id,
                   max(value) filter (where figure = 'amount') as amount,
                   bool_or(figure = 'withdrawn') as withdrawn,
                   max(detail) filter (where figure = 'created') as created,
                   max(detail) filter (where figure = 'period') as period
            from figures
            group by stream_id
            having max(value) filter (where figure = 'amount') is not null and bool_or(figure = 'created')
            """;
    }
}
