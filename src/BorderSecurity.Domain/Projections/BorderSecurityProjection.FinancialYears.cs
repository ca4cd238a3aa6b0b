using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

// What each commitment covers, kept as statements on both axes (FundingStatements.PeriodOf), and the financial-year question.
public sealed partial class BorderSecurityProjection
{
    private readonly Dictionary<string, Statements<FundingPeriod>> _periods = new(StringComparer.Ordinal);

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
                .Select(c => new CommitmentCover(c.CommitmentId, c.Recipient, c.Origin.Kind, c.Basis, c.Amount, PeriodOf(c.CommitmentId, query)))), DisputesLocked(query));
        }
    }

    /// <summary>Keeps the period a funding event states, if it states one. Called under the lock.</summary>
    private void ApplyPeriod(RecordedEvent recorded)
    {
        if (FundingStatements.PeriodOf(recorded.Data) is { } period)
        {
            if (!_periods.TryGetValue(recorded.StreamId, out var rows))
            {
                _periods[recorded.StreamId] = rows = new Statements<FundingPeriod>();
            }

            rows.Add(recorded, period);
        }
    }

    /// <summary>The latest counting statement of a commitment's period, or "not stated" if none counts.</summary>
    private FundingPeriod PeriodOf(string commitmentId, AsOfQuery query) =>
        _periods.TryGetValue(commitmentId, out var rows) && rows.TryLatest(query, out var period) ? period : FundingPeriod.NotStated("");
}
