using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>
    /// The funding series: for each valid date of a funding event known by the instants (whatever its date), the total
    /// of the commitments (all, or one recipient's) as of that date; a point wherever the total differs from the one
    /// before (starting from zero), as docs/projections.md says: "the valid dates where a total changes and its value
    /// from each".
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="recipient">One recipient, or null for every commitment.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>(from, total in pounds) points in date order.</returns>
    public static IReadOnlyList<(LocalDate From, decimal Total)> FundingSeries(IReadOnlyList<RecordedEvent> log, string? recipient,
        Instant? knownAt = null, Instant? recordedBy = null) =>
        Series(log, e => e.Data is FundingPledged or FundingRedirected or FundingAllocated or FundingRevised or FundingAmountCorrected
                or FundingWithdrawn or FundingReannounced, knownAt, recordedBy,
            date => Sum(Commitments(log, date, knownAt, recordedBy).Where(c => recipient is null || c.Recipient == recipient)).Total);

    /// <summary>The headcount series: as <see cref="FundingSeries"/>, over recruitment events and the targets' headcounts.</summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="organisation">One organisation, or null for every target.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>(from, headcount) points in date order.</returns>
    public static IReadOnlyList<(LocalDate From, int Headcount)> HeadcountSeries(IReadOnlyList<RecordedEvent> log, string? organisation,
        Instant? knownAt = null, Instant? recordedBy = null) =>
        Series(log, e => e.Data is RecruitmentTargetSet or RecruitmentTargetReannounced or RecruitmentTargetRevised or RecruitmentTargetCorrected
                or RecruitmentProgressRecorded or RecruitmentTargetMet or RecruitmentTargetAbandoned, knownAt, recordedBy,
            date => Targets(log, date, knownAt, recordedBy).Where(t => organisation is null || t.Organisation == organisation).Sum(t => t.Headcount));

    private static IReadOnlyList<(LocalDate, T)> Series<T>(IReadOnlyList<RecordedEvent> log, Func<RecordedEvent, bool> isOfKind, Instant? knownAt,
        Instant? recordedBy, Func<LocalDate, T> valueOn)
        where T : struct
    {
        var dates = log.Where(e => isOfKind(e) && Counts(e, LocalDate.MaxIsoValue, knownAt, recordedBy)).Select(e => e.Data.ValidOn).Distinct().Order();
        var points = new List<(LocalDate, T)>();
        T previous = default;
        foreach (var date in dates)
        {
            var value = valueOn(date);
            if (!value.Equals(previous))
            {
                points.Add((date, value));
                previous = value;
            }
        }

        return points;
    }
}
