using BorderSecurity.Domain.Funding;

using BorderSecurity.Domain;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Benchmarks;

// The brute-force financial-year question: every commitment folded whole from its counting events.
internal sealed partial class ReferenceProjection
{
    public FinancialYearFunding FundingByFinancialYear(FinancialYear first, FinancialYear last, AsOfQuery query, string? recipient = null)
    {
        FinancialYearFunding.CheckYears(first, last);
        return OpenDisputes.Attach(FinancialYearFunding.Of(query, recipient, first, last,
            Fold<FundingCommitment>(query, AggregateKind.FundingCommitment, FundingCommitment.Evolve)
                .Where(c => recipient is null || c.Recipient == recipient)
                .Select(c => new CommitmentCover(c.CommitmentId, c.Recipient, c.Origin.Kind, c.Basis, c.EffectiveAmount, c.Period))), Disputes(query));
    }
}
