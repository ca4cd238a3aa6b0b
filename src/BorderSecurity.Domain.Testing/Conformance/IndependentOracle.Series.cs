using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>
    /// The funding series: for each valid date of a funding event known by the instants (whatever its date), the sums of
    /// the commitments (all, or one recipient's) as of that date: the sum of the amounts that are not yearly levels, and
    /// the yearly levels apart (<see cref="Sum"/>); a point wherever either differs from the one before (starting from no
    /// money), as docs/projections.md says: "the valid dates where a total changes and its value from each". A period
    /// revision or correction is a funding event too: it can turn an amount once into a yearly level or back.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="recipient">One recipient, or null for every commitment.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>(from, value) points in date order.</returns>
    public static IReadOnlyList<(LocalDate From, SeriesValue Value)> FundingSeries(IReadOnlyList<RecordedEvent> log, string? recipient,
        Instant? knownAt = null, Instant? recordedBy = null) =>
        Series(log, e => e.Data is FundingPledged or FundingRedirected or FundingAllocated or FundingRevised or FundingAmountCorrected
                or FundingWithdrawn or FundingReannounced or FundingPeriodRevised or FundingPeriodCorrected, knownAt, recordedBy,
            date =>
            {
                var sums = Sum(Commitments(log, date, knownAt, recordedBy).Where(c => recipient is null || c.Recipient == recipient));
                return new SeriesValue(sums.Total, [.. sums.YearlyLevels.Select(l => new Level(l.Coverage, l.FirstYear, l.LastYear, l.PerYear))]);
            }, new SeriesValue(0, []));

    /// <summary>A funding series value as the oracle sees it: the sum of amounts once, and the yearly levels apart.</summary>
    /// <param name="Total">Pounds: the sum of the amounts that are not yearly levels.</param>
    /// <param name="YearlyLevels">The yearly levels, pounds each year.</param>
    public sealed record SeriesValue(decimal Total, IReadOnlyList<Level> YearlyLevels)
    {
        /// <inheritdoc />
        public bool Equals(SeriesValue? other) => other is not null && Total == other.Total && YearlyLevels.SequenceEqual(other.YearlyLevels);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Total, YearlyLevels.Count);

        private bool PrintMembers(System.Text.StringBuilder builder)
        {
            builder.Append($"Total = {Total}, YearlyLevels = [{string.Join(", ", YearlyLevels)}]");
            return true;
        }
    }

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
            date => Targets(log, date, knownAt, recordedBy).Where(t => organisation is null || t.Organisation == organisation).Sum(t => t.Headcount), 0);

    /// <summary>
    /// One target's progress as a series, from docs/projections.md: at each valid date of an event of the target known by
    /// the instants, the oracle's own target (<see cref="Targets"/>) as of that date: its headcount, people in post and
    /// status; a point wherever one of them differs from the one before (starting from no target: 0, 0, Active).
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="targetId">The target.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>(from, headcount, in post, status) points in date order.</returns>
    public static IReadOnlyList<(LocalDate From, (int Headcount, int InPost, string Status, string Basis) Progress)> TargetProgressSeries(IReadOnlyList<RecordedEvent> log,
        string targetId, Instant? knownAt = null, Instant? recordedBy = null) =>
        Series(log, e => e.StreamId == targetId, knownAt, recordedBy,
            date => Targets(log, date, knownAt, recordedBy).FirstOrDefault(t => t.Id == targetId) is { } t ? (t.Headcount, t.InPost, t.Status, t.Basis) : (0, 0, "Active", "Firm"),
            (0, 0, "Active", "Firm"));

    private static IReadOnlyList<(LocalDate, T)> Series<T>(IReadOnlyList<RecordedEvent> log, Func<RecordedEvent, bool> isOfKind, Instant? knownAt,
        Instant? recordedBy, Func<LocalDate, T> valueOn, T nothing)
        where T : IEquatable<T>
    {
        var dates = log.Where(e => isOfKind(e) && Counts(e, LocalDate.MaxIsoValue, knownAt, recordedBy)).Select(e => e.Data.ValidOn).Distinct().Order();
        var points = new List<(LocalDate, T)>();
        var previous = nothing;
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
