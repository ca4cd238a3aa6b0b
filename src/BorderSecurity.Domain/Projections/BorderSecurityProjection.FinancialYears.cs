using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

// The financial-year question: each commitment's position carries its period as of the question (FundingStatements.PeriodOf, on both axes).
internal sealed partial class BorderSecurityProjection
{
    /// <inheritdoc />
    public FinancialYearFunding FundingByFinancialYear(FinancialYear first, FinancialYear last, AsOfQuery query, string? recipient = null)
    {
        FinancialYearFunding.CheckYears(first, last);
        lock (_gate)
        {
            IEnumerable<FundingFacts> facts = recipient is null ? _funding.Values : _fundingByRecipient.TryGetValue(recipient, out var list) ? list : [];
            return OpenDisputes.Attach(FinancialYearFunding.Of(query, recipient, first, last, facts
                .Select(f => f.Position(query))
                .OfType<CommitmentPosition>()
                .Where(c => recipient is null || c.Recipient == recipient)
                .Select(c => new CommitmentCover(c.CommitmentId, c.Recipient, c.Origin.Kind, c.Basis, c.Amount, c.Period))), DisputesLocked(query));
        }
    }
}
