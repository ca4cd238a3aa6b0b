using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Storage;

// Questions by UK financial year, answered by the projection.
public sealed partial class InMemoryBorderSecurityStore
{
    /// <inheritdoc />
    public Task<FinancialYearFunding> FundingByFinancialYearAsync(FinancialYear first, FinancialYear last, AsOfQuery query, string? recipient = null,
        CancellationToken cancellationToken = default)
    {
        FinancialYearFunding.CheckYears(first, last);
        return Ask(() => _projection.FundingByFinancialYear(first, last, query, recipient), cancellationToken);
    }
}
