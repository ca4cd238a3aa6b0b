using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

// Questions by UK financial year (see docs/projections.md, "Money by financial year").
public partial interface IBorderSecurityQueries
{
    /// <summary>
    /// Funding counted by UK financial year, of one recipient or the portfolio: for each year from <paramref name="first"/>
    /// to <paramref name="last"/>, the money for that year alone, the yearly levels that apply in it, and the totals over
    /// several years that include it but are not split across years (whole, with their spans); and the money whose period
    /// is not stated. See <see cref="FinancialYearFunding.Of"/> for the one counting rule.
    /// </summary>
    /// <param name="first">The first financial year.</param>
    /// <param name="last">The last financial year; not before <paramref name="first"/>, at most <see cref="FinancialYearFunding.MaxYears"/> years on.</param>
    /// <param name="query">The question.</param>
    /// <param name="recipient">One recipient (matched exactly), or <see langword="null"/> for the portfolio.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException">The years are invalid; the message names the field.</exception>
    FinancialYearFunding FundingByFinancialYear(FinancialYear first, FinancialYear last, AsOfQuery query, string? recipient = null);
}
