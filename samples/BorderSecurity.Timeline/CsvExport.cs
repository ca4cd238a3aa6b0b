using BorderSecurity.Csv;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Timeline;

/// <summary>
/// <c>--csv TABLE</c>: one of the report's tables as CSV (RFC 4180, written by CsvHelper through the samples' shared
/// column maps, <see cref="CsvTables"/>: the same columns as the web service's <c>text/csv</c> answers), instead of the
/// text tables.
/// </summary>
internal static class CsvExport
{
    /// <summary>The tables <c>--csv</c> can write, and what each holds.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["commitments"] = "one row per funding commitment (GET /funding)",
        ["financial-years"] = "the portfolio by UK financial year, 2024/25 to 2028/29, then the money whose period is not stated (GET /funding/financial-years)",
        ["recruitment"] = "one row per recruitment target (GET /recruitment)",
        ["legislation"] = "one row per bill or Act (GET /legislation)",
        ["disputes"] = "one row per dispute, open or resolved (GET /disputes)",
        ["pledges"] = "one row per verdict on a pledge, in date order (GET /pledges)",
        ["outcomes"] = "one row per release of an outcome figure, the first then each revision (GET /outcomes)",
        ["sessions"] = "one row per bill and session of Parliament it was in, with what became of it there (GET /legislation/sessions)",
        ["spending"] = "one row per commitment and financial year with spending reported: promised, planned, spent, still to spend (GET /funding/delivery)",
        ["timeline"] = "one row per event that counts (GET /timeline)",
        ["changes"] = "one row per change learnt since --changes-since (GET /changes); needs --changes-since",
    };

    /// <summary>Checks the table's name, naming the option and the tables when it is not one.</summary>
    /// <exception cref="InputException">Not a table's name, or <c>changes</c> without a window (or a window with another table).</exception>
    public static string Check(string table, bool hasChangesWindow)
    {
        if (!Tables.ContainsKey(table))
        {
            throw new InputException($"--csv: '{table}' is not a table; use one of {string.Join(", ", Tables.Keys)}.");
        }

        if ((table == "changes") != hasChangesWindow)
        {
            throw new InputException(hasChangesWindow
                ? $"--csv {table} does not combine with --changes-since; use --csv changes for the changes as CSV."
                : "--csv changes needs --changes-since (the window of changes).");
        }

        return table;
    }

    /// <summary>Asks the store the table's question and writes its rows.</summary>
    public static async Task WriteAsync(IBorderSecurityStore store, string table, AsOfQuery query, ChangesQuery? changes, TextWriter output,
        CancellationToken cancellationToken)
    {
        var csv = table switch
        {
            "commitments" => CsvTables.Commitments.Write((await store.FundingAsync(query, cancellationToken).ConfigureAwait(false)).Commitments),
            "financial-years" => CsvTables.FinancialYears.Write(FinancialYearRow.Of(await store.FundingByFinancialYearAsync(
                new FinancialYearRange(new FinancialYear(2024), new FinancialYear(2028)), query, cancellationToken).ConfigureAwait(false))),
            "recruitment" => CsvTables.Targets.Write((await store.RecruitmentAsync(query, cancellationToken).ConfigureAwait(false))
                .Organisations.SelectMany(o => o.Targets)),
            "legislation" => CsvTables.Legislation.Write(await store.LegislationAsync(query, cancellationToken).ConfigureAwait(false)),
            "disputes" => CsvTables.Disputes.Write(await store.DisputesAsync(query, cancellationToken).ConfigureAwait(false)),
            "pledges" => CsvTables.Verdicts.Write(PledgeVerdictRow.Of(await store.PledgesAsync(query, cancellationToken).ConfigureAwait(false))),
            "outcomes" => CsvTables.Outcomes.Write(OutcomeReleaseRow.Of(await store.IndicatorsAsync(query, cancellationToken).ConfigureAwait(false))),
            "sessions" => CsvTables.Sessions.Write(SessionRow.Of(await BillsBySession.OfAsync(store, query, cancellationToken).ConfigureAwait(false))),
            "spending" => CsvTables.Spending.Write(SpendingRow.Of(await FundingDelivery.OfAsync(store, null, query, cancellationToken).ConfigureAwait(false))),
            "timeline" => CsvTables.Timeline.Write(await store.TimelineAsync(query, cancellationToken).ConfigureAwait(false)),
            _ => CsvTables.Changes.Write(await AllChangesAsync(store, changes!, cancellationToken).ConfigureAwait(false)),
        };
        await output.WriteAsync(csv).ConfigureAwait(false);
    }

    private static async Task<List<Change>> AllChangesAsync(IBorderSecurityStore store, ChangesQuery first, CancellationToken cancellationToken)
    {
        var changes = new List<Change>();
        for (ChangesQuery? page = first; page is not null;)
        {
            var answer = await store.ChangesAsync(page, cancellationToken).ConfigureAwait(false);
            changes.AddRange(answer.Changes);
            page = page.Next(answer);
        }

        return changes;
    }
}
