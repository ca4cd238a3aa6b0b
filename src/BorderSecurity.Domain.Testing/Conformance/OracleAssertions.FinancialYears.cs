using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

// The financial-year question against the oracle: the answer turned into the oracle's plain shape (start years, pounds,
// names of kinds) and compared figure by figure with IndependentOracle.FundingByFinancialYear over the same log.
public static partial class OracleAssertions
{
    /// <summary>The first financial year the "all questions" checks ask about: before any generated or reference date.</summary>
    public static readonly FinancialYear FirstYearAsked = new(2021);

    /// <summary>The last financial year the "all questions" checks ask about: after every generated span and level start.</summary>
    public static readonly FinancialYear LastYearAsked = new(2032);

    /// <summary>A financial-year answer against the oracle, figure by figure: each commitment's cover, the not-stated money, then each year's three figures.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log it was asked of.</param>
    /// <param name="first">The first year asked.</param>
    /// <param name="last">The last year asked.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="recipient">The recipient asked about, or null for the portfolio.</param>
    public static void FundingByFinancialYear(FinancialYearFunding actual, IReadOnlyList<RecordedEvent> log, FinancialYear first, FinancialYear last,
        AsOfQuery query, string because, string? recipient = null)
    {
        var why = $"{because}, by financial year {first} to {last} of {recipient ?? "all"}";
        var expected = IndependentOracle.FundingByFinancialYear(log, first.StartYear, last.StartYear, query.AsOf, query.KnownAt, query.RecordedBy, recipient);
        actual.Query.Should().Be(query, why);
        actual.Recipient.Should().Be(recipient, why);
        actual.Commitments.Select(ToOracle).Should().BeEquivalentTo(expected.Commitments, o => o.WithStrictOrdering(), why + ", commitments");
        Sums(actual.NotStated).Should().Be(expected.NotStated, why + ", not stated");
        actual.NotStatedIds.Should().Equal(expected.NotStatedIds, why + ", not stated ids");
        actual.Years.Select(y => y.Year.StartYear).Should().Equal(expected.Years.Select(y => y.Year), why + ", years");
        foreach (var (line, want) in actual.Years.Zip(expected.Years))
        {
            Sums(line.ForTheYear).Should().Be(want.ForTheYear, $"{why}, {line.Year} for the year alone");
            Sums(line.YearlyLevel).Should().Be(want.YearlyLevel, $"{why}, {line.Year} yearly level");
            line.UnsplitSpans.Select(s => new IndependentOracle.Span(s.FirstYear.StartYear, s.LastYear.StartYear, Sums(s.Totals), s.CommitmentIds))
                .Should().BeEquivalentTo(want.Unsplit, o => o.WithStrictOrdering(), $"{why}, {line.Year} unsplit spans");
        }
    }

    /// <summary>
    /// Asks a store the financial-year question (<see cref="FirstYearAsked"/> to <see cref="LastYearAsked"/>) for the
    /// portfolio, each recipient in the log and one nobody has, each checked against the oracle.
    /// </summary>
    /// <param name="store">The answers (a store).</param>
    /// <param name="log">The log they answer for.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    /// <returns>A task.</returns>
    public static async Task AllFinancialYearsAsync(IBorderSecurityQueries store, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because)
    {
        var years = new FinancialYearRange(FirstYearAsked, LastYearAsked);
        FundingByFinancialYear(await store.FundingByFinancialYearAsync(years, query), log, FirstYearAsked, LastYearAsked, query, because);
        foreach (var recipient in RecipientsIn(log).Append("Nobody"))
        {
            FundingByFinancialYear(await store.FundingByFinancialYearOfAsync(new Organisation(recipient), years, query), log, FirstYearAsked, LastYearAsked,
                query, because, recipient);
        }
    }

    private static IndependentOracle.YearSums Sums(YearTotals t) =>
        new(t.Total.Pounds, t.NewMoney.Pounds, t.Redirected.Pounds, t.Firm.Pounds, t.Ceiling.Pounds, t.Resource.Pounds, t.Capital.Pounds, t.SpendingNotStated.Pounds);

    private static IndependentOracle.Cover ToOracle(CommitmentCover c) =>
        new(c.CommitmentId, c.Recipient, c.Origin == FundingOriginKind.Redirected, c.Basis == FundingBasis.UpTo, c.Amount.Pounds, c.Period.Description,
            c.Period.Coverage.ToString(), c.Period.FirstYear?.StartYear, c.Period.LastYear?.StartYear,
            c.Period.Profile is { Count: > 0 } profile ? [.. profile.Select(p => (p.Year.StartYear, p.Amount.Pounds))] : null, c.Period.Spending.ToString());
}
