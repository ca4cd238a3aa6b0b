using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// Questions by UK financial year: what each commitment covers, read in one query (AsOfSql.FinancialYearCovers), counted
// by the model's one rule (FinancialYearFunding.Of).
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One parameterised query over <c>bsd_statements</c> gives each commitment's amount, withdrawal, creation and period as
    /// of the question (index-only scans, per recipient through <c>bsd_commitment_recipients</c>); the counting per year is
    /// <see cref="FinancialYearFunding.Of"/>, the same as in memory. A database whose period rows predate them (written by
    /// a version without periods and not rebuilt) reads every period as not stated: rebuild the tables to read them.
    /// </remarks>
    public Task<FinancialYearFunding> FundingByFinancialYearAsync(FinancialYearRange years, AsOfQuery query, CancellationToken cancellationToken = default) =>
        FundingByFinancialYearAsync(null, Guard.Against.Null(years), query, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The same query as <see cref="FundingByFinancialYearAsync(FinancialYearRange, AsOfQuery, CancellationToken)"/>, narrowed to the recipient's commitments.</remarks>
    public Task<FinancialYearFunding> FundingByFinancialYearOfAsync(Organisation recipient, FinancialYearRange years, AsOfQuery query,
        CancellationToken cancellationToken = default) =>
        FundingByFinancialYearAsync(Guard.Against.Null(recipient).Name, Guard.Against.Null(years), query, cancellationToken);

    private async Task<FinancialYearFunding> FundingByFinancialYearAsync(string? recipient, FinancialYearRange years, AsOfQuery query,
        CancellationToken cancellationToken)
    {
        var (first, last) = (years.First, years.Last);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _sql.FinancialYearCovers(_tenantKey, query, recipient).On(connection);
        var covers = new List<CommitmentCover>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var detail = Details.Commitment(reader.GetString(3));
                if (recipient is not null && detail.Recipient != recipient)
                {
                    continue;
                }

                var withdrawn = !reader.IsDBNull(2) && reader.GetBoolean(2);
                var period = reader.IsDBNull(4) ? FigureRows.NoPeriod : Details.Period(reader.GetString(4));
                covers.Add(new CommitmentCover(reader.GetString(0), detail.Recipient, detail.OriginKind, detail.Basis,
                    withdrawn ? Money.Zero : Money.FromPounds(reader.GetDecimal(1)), period));
            }
        }

        var disputes = await DisputesOnAsync(connection, query, cancellationToken).ConfigureAwait(false);
        return OpenDisputes.Attach(FinancialYearFunding.Of(query, recipient, first, last, covers), disputes);
    }
}
