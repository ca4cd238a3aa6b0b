using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Conformance;

/// <summary>
/// The financial-year question, written from docs/projections.md ("Money by financial year") and docs/events.md under
/// the same rule as the rest of the oracle: its own fold of what each commitment covers (the period stated by the
/// pledge or redirect, then period revisions and corrections, on both axes like amounts), and its own counting per year.
/// It shares no code with <c>FinancialYearFunding.Of</c>, <c>YearTotals.Of</c>, <c>CommitmentCover</c>,
/// <c>FundingPeriod.Covers</c> or the projections: it reads the events' own fields and plain values only (years as
/// their start year, money as pounds, kinds of coverage and spending as their names).
/// </summary>
/// <remarks>
/// The counting, as the docs state it: a withdrawn commitment (zero) counts nowhere. In-year money counts whole in its
/// one year, "for the year alone". A total over years counts, in each year of its span, that year's part of its
/// profile when the profile adds up to the amount as of the question (a revised amount without a new profile no
/// longer adds up); otherwise it is shown whole, with its span, in every year of the span ("unsplit"), never divided.
/// A yearly level (from or by a year, to a last year where stated) counts its whole amount once in each year it
/// applies, apart from everything else; the years before a level's first year are not stated. Money whose period is
/// not stated is shown once, apart. Each figure splits its money three ways: new or redirected, firm or "up to", and
/// resource, capital or spending kind not stated.
/// </remarks>
public static partial class IndependentOracle
{
    /// <summary>What one commitment covers as of a question, as the oracle sees it.</summary>
    /// <param name="Id">Its stream id.</param>
    /// <param name="Recipient">Its recipient.</param>
    /// <param name="IsRedirected">Redirected rather than new money.</param>
    /// <param name="IsCeiling">An "up to" ceiling rather than a firm sum.</param>
    /// <param name="Amount">Pounds as of the question (zero once withdrawn).</param>
    /// <param name="Description">The period's words.</param>
    /// <param name="Coverage">The name of what the amount covers (NotStated, InYear, OverYears, YearlyFrom, YearlyBy).</param>
    /// <param name="FirstYear">The start year of its first named financial year, if any.</param>
    /// <param name="LastYear">The start year of its last named financial year, if any.</param>
    /// <param name="Profile">The announced amount per year (start year, pounds), in the order stated, or null.</param>
    /// <param name="Spending">The name of its spending kind (NotStated, Resource, Capital).</param>
    public sealed record Cover(
        string Id, string Recipient, bool IsRedirected, bool IsCeiling, decimal Amount, string Description, string Coverage, int? FirstYear, int? LastYear,
        IReadOnlyList<(int Year, decimal Amount)>? Profile, string Spending);

    /// <summary>Pounds of one kind of money, split three ways.</summary>
    public sealed record YearSums(
        decimal Total, decimal NewMoney, decimal Redirected, decimal Firm, decimal Ceiling, decimal Resource, decimal Capital, decimal SpendingNotStated)
    {
        /// <summary>No money.</summary>
        public static readonly YearSums Nothing = new(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>A total over several years whose split is unknown, shown whole with its span.</summary>
    public sealed record Span(int FirstYear, int LastYear, YearSums Sums, IReadOnlyList<string> Ids);

    /// <summary>One financial year (by its start year): money for the year alone, yearly levels applying in it, unsplit spans including it.</summary>
    public sealed record YearLine(int Year, YearSums ForTheYear, YearSums YearlyLevel, IReadOnlyList<Span> Unsplit);

    /// <summary>The oracle's answer by financial year.</summary>
    public sealed record ByYear(IReadOnlyList<YearLine> Years, YearSums NotStated, IReadOnlyList<string> NotStatedIds, IReadOnlyList<Cover> Commitments);

    /// <summary>What every commitment that exists as of the question covers, in id order (withdrawn ones with amount zero).</summary>
    public static IReadOnlyList<Cover> Covers(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<Cover>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            Cover? cover = null;
            var withdrawn = false;
            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case FundingPledged p:
                        cover = WithPeriod(new Cover(p.CommitmentId, p.Recipient, false, p.Basis == FundingBasis.UpTo, p.Amount.Pounds, "", "", null, null, null, ""), p.Period);
                        break;
                    case FundingRedirected r:
                        cover = WithPeriod(new Cover(r.CommitmentId, r.Recipient, true, r.Basis == FundingBasis.UpTo, r.Amount.Pounds, "", "", null, null, null, ""), r.Period);
                        break;
                    case FundingRevised r when cover is not null:
                        cover = cover with { Amount = r.RevisedAmount.Pounds };
                        break;
                    case FundingAmountCorrected c when cover is not null:
                        cover = cover with { Amount = c.CorrectedAmount.Pounds };
                        break;
                    case FundingPeriodRevised r when cover is not null:
                        cover = WithPeriod(cover, r.Period);
                        break;
                    case FundingPeriodCorrected c when cover is not null:
                        cover = WithPeriod(cover, c.Period);
                        break;
                    case FundingWithdrawn:
                        withdrawn = true;
                        break;
                }
            }

            if (cover is not null)
            {
                result.Add(withdrawn ? cover with { Amount = 0 } : cover);
            }
        }

        return result;
    }

    /// <summary>
    /// Funding by financial year from <paramref name="firstYear"/> to <paramref name="lastYear"/> (start years), of one
    /// recipient or (null) the portfolio, as of the question; counted as the remarks of this class say.
    /// </summary>
    public static ByYear FundingByFinancialYear(
        IEnumerable<RecordedEvent> log, int firstYear, int lastYear, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null, string? recipient = null)
    {
        var counted = Covers(log, asOf, knownAt, recordedBy).Where(c => c.Amount != 0 && (recipient is null || c.Recipient == recipient)).ToList();
        var years = new List<YearLine>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var alone = new List<(Cover, decimal)>();
            var levels = new List<(Cover, decimal)>();
            var unsplit = new List<Cover>();
            foreach (var c in counted)
            {
                switch (c.Coverage)
                {
                    case "InYear" when c.FirstYear == year:
                        alone.Add((c, c.Amount));
                        break;
                    case "OverYears" when c.FirstYear <= year && year <= c.LastYear:
                        if (ProfileAddsUp(c))
                        {
                            decimal part = 0;
                            foreach (var (y, a) in c.Profile!)
                            {
                                part += y == year ? a : 0;
                            }

                            alone.Add((c, part));
                        }
                        else
                        {
                            unsplit.Add(c);
                        }

                        break;
                    case "YearlyFrom" or "YearlyBy" when c.FirstYear <= year && (c.LastYear is null || year <= c.LastYear):
                        levels.Add((c, c.Amount));
                        break;
                }
            }

            var spans = new List<Span>();
            foreach (var c in unsplit)
            {
                if (spans.Exists(s => s.FirstYear == c.FirstYear && s.LastYear == c.LastYear))
                {
                    continue;
                }

                var same = unsplit.Where(u => u.FirstYear == c.FirstYear && u.LastYear == c.LastYear).ToList();
                spans.Add(new Span(c.FirstYear!.Value, c.LastYear!.Value, SumOf(same.Select(u => (u, u.Amount))), [.. same.Select(u => u.Id)]));
            }

            years.Add(new YearLine(year, SumOf(alone), SumOf(levels), [.. spans.OrderBy(s => s.FirstYear).ThenBy(s => s.LastYear)]));
        }

        var notStated = counted.Where(c => c.Coverage == "NotStated").ToList();
        return new ByYear(years, SumOf(notStated.Select(c => (c, c.Amount))), [.. notStated.Select(c => c.Id)], counted);
    }

    /// <summary>The docs' test: a profile is used when there is one and its parts add up to the amount as of the question.</summary>
    private static bool ProfileAddsUp(Cover c)
    {
        if (c.Profile is null || c.Profile.Count == 0)
        {
            return false;
        }

        decimal sum = 0;
        foreach (var (_, a) in c.Profile)
        {
            sum += a;
        }

        return sum == c.Amount;
    }

    private static YearSums SumOf(IEnumerable<(Cover Cover, decimal Amount)> parts)
    {
        var s = YearSums.Nothing;
        foreach (var (c, a) in parts)
        {
            s = new YearSums(
                s.Total + a,
                s.NewMoney + (c.IsRedirected ? 0 : a),
                s.Redirected + (c.IsRedirected ? a : 0),
                s.Firm + (c.IsCeiling ? 0 : a),
                s.Ceiling + (c.IsCeiling ? a : 0),
                s.Resource + (c.Spending == "Resource" ? a : 0),
                s.Capital + (c.Spending == "Capital" ? a : 0),
                s.SpendingNotStated + (c.Spending == "NotStated" ? a : 0));
        }

        return s;
    }

    /// <summary>A period statement replaces the whole period (years, profile and spending kind), as the docs say.</summary>
    private static Cover WithPeriod(Cover cover, FundingPeriod period) =>
        cover with
        {
            Description = period.Description,
            Coverage = period.Coverage.ToString(),
            FirstYear = period.FirstYear?.StartYear,
            LastYear = period.LastYear?.StartYear,
            Profile = period.Profile is { Count: > 0 } profile ? [.. profile.Select(p => (p.Year.StartYear, p.Amount.Pounds))] : null,
            Spending = period.Spending.ToString(),
        };
}
