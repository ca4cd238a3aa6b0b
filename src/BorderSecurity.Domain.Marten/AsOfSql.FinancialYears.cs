namespace BorderSecurity.Domain.Marten;

// The SQL of the financial-year questions.
internal sealed partial class AsOfSql
{
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
        var periods = Scoped(recipient,
            $"""
            select distinct on (stream_id) stream_id, detail
            from {schema}.bsd_statements
            where tenant_id = @tenant and figure = 'period' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by stream_id desc, valid_on desc, seq desc
            """,
            $"""
            select stream_id, detail
            from {schema}.bsd_statements
            where tenant_id = @tenant and figure = 'period' and aggregate = @aggregate and valid_on <= @asOf{known}/*stream*/
            order by valid_on desc, seq desc
            limit 1
            """);
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
