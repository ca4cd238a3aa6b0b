using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Storage;

// Questions by UK financial year.
public partial interface IBorderSecurityStore
{
    /// <summary>Funding counted by UK financial year (see <see cref="IBorderSecurityQueries.FundingByFinancialYear"/>).</summary>
    /// <param name="first">The first financial year.</param>
    /// <param name="last">The last financial year; not before <paramref name="first"/>, at most <see cref="FinancialYearFunding.MaxYears"/> years on.</param>
    /// <param name="query">The question.</param>
    /// <param name="recipient">One recipient (matched exactly), or <see langword="null"/> for the portfolio.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException">The years are invalid; the message names the field.</exception>
    Task<FinancialYearFunding> FundingByFinancialYearAsync(FinancialYear first, FinancialYear last, AsOfQuery query, string? recipient = null,
        CancellationToken cancellationToken = default);
}
