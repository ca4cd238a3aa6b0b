using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// What one commitment adds to the funding totals as known now, from one valid date until its next contribution: the
/// recipient it counts for then and its share (<see cref="FundingTotals.Of(IEnumerable{FundingShare})"/>), or nothing (not
/// yet announced, withdrawn, ...).
/// </summary>
/// <param name="From">The valid date the contribution starts on (one of the commitment's events' valid dates).</param>
/// <param name="Recipient">The recipient the share counts for, or <see langword="null"/> when the commitment counts for nothing.</param>
/// <param name="Share">The share, as <see cref="CommitmentPosition"/> gives it as of <paramref name="From"/>, or <see langword="null"/>.</param>
public sealed record FundingContribution(LocalDate From, string? Recipient, FundingShare? Share);

/// <summary>
/// A signed change to the funding totals of one recipient from a valid date on: add <paramref name="Amount"/> and
/// <paramref name="Allocated"/> (negative to take away) to the amounts that split as <paramref name="Origin"/>,
/// <paramref name="Basis"/> and <paramref name="Period"/>. Summing every change on or before a date, grouped by origin,
/// basis and period, gives the shares whose <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/> are the totals as of
/// that date (totals are sums of shares, so they can be kept as sums of changes).
/// </summary>
/// <param name="From">The valid date the change applies from.</param>
/// <param name="Recipient">The recipient whose totals change.</param>
/// <param name="Origin">New money or redirected.</param>
/// <param name="Basis">Firm sum or ceiling.</param>
/// <param name="Period">
/// What the amounts cover: only <see cref="FundingPeriod.Coverage"/>, <see cref="FundingPeriod.FirstYear"/> and
/// <see cref="FundingPeriod.LastYear"/> are kept (the description is empty), as totals read only these.
/// </param>
/// <param name="Amount">The change to the amount.</param>
/// <param name="Allocated">The change to the amount allocated to capabilities.</param>
public sealed record FundingTotalsChange(
    LocalDate From, string Recipient, FundingOriginKind Origin, FundingBasis Basis, FundingPeriod Period, decimal Amount, decimal Allocated);

/// <summary>
/// A change to the funding totals that counts from the instant it became known (<see cref="FundingContributions.AsKnown"/>):
/// summing the changes with <paramref name="KnownFrom"/> at or before an instant and <see cref="FundingTotalsChange.From"/>
/// on or before a date gives the totals as of that date as known at that instant.
/// </summary>
/// <param name="KnownFrom">When the change became known (the known-from instant of the events that made it).</param>
/// <param name="Change">The change.</param>
public sealed record KnownFundingTotalsChange(Instant KnownFrom, FundingTotalsChange Change);

/// <summary>
/// Funding totals kept as sums of changes rather than summed over every commitment per question (issue #24): what a
/// commitment contributes from each valid date (<see cref="Of"/>), and the changes that turn the totals with one
/// contribution of a commitment into the totals with another (<see cref="Between(IReadOnlyList{FundingContribution}, IReadOnlyList{FundingContribution})"/>). The in-memory store keeps its totals
/// with these, and the Marten store keeps them in a table, so both follow the one rule of what counts.
/// </summary>
public static class FundingContributions
{
    /// <summary>
    /// What one commitment contributes to the totals as known now (every event counted), from each valid date of its
    /// events, by the rule the positions follow (<see cref="CommitmentPosition"/>, <see cref="FundingShare"/>).
    /// </summary>
    /// <param name="commitmentEvents">The events of one funding commitment's stream, in the order they were appended.</param>
    /// <returns>The contributions in valid-date order, one per distinct valid date; none for no events.</returns>
    /// <exception cref="ArgumentException">An event is not a funding commitment's, or the events are of more than one stream.</exception>
    public static IReadOnlyList<FundingContribution> Of(IEnumerable<RecordedEvent> commitmentEvents)
    {
        Guard.Against.Null(commitmentEvents);
        return BorderSecurityProjection.ContributionsOf(commitmentEvents);
    }

    /// <summary>
    /// The changes one commitment makes to the totals on both axes: for each instant its events became known (their
    /// <see cref="RecordedEvent.KnownFrom"/>), in order, the changes (<see cref="Between(IReadOnlyList{FundingContribution}, IReadOnlyList{FundingContribution})"/>) from what it contributed as
    /// known just before that instant to what it contributes as known at it. The changes known at or before an instant,
    /// from a date on or before a valid date, sum to the commitment's share of the totals as of that date as known at that
    /// instant (<see cref="AsOfQuery.KnownAt"/>), so totals at any known-at instant can be kept as sums of changes too. A
    /// correction known later but dated earlier is a change from its valid date, known from its own instant.
    /// </summary>
    /// <param name="commitmentEvents">The events of one funding commitment's stream, in the order they were appended.</param>
    /// <returns>The changes in known-from order, then as <see cref="Between(IReadOnlyList{FundingContribution}, IReadOnlyList{FundingContribution})"/> orders them; none for no events.</returns>
    /// <exception cref="ArgumentException">An event is not a funding commitment's, or the events are of more than one stream.</exception>
    public static IReadOnlyList<KnownFundingTotalsChange> AsKnown(IEnumerable<RecordedEvent> commitmentEvents)
    {
        Guard.Against.Null(commitmentEvents);
        return BorderSecurityProjection.ChangesAsKnownOf(commitmentEvents);
    }

    /// <summary>
    /// The changes that turn one set of known changes of a commitment into another (<paramref name="before"/> its
    /// <see cref="AsKnown"/> changes before a write, <paramref name="after"/> after it), summed per known-from instant, valid
    /// date, recipient, origin, basis and period, changes of nothing left out: what kept totals on both axes add for a write.
    /// </summary>
    /// <param name="before">The known changes counted so far.</param>
    /// <param name="after">The known changes to count instead.</param>
    /// <returns>The changes, ordered by known-from instant, then as <see cref="Between(IReadOnlyList{FundingContribution}, IReadOnlyList{FundingContribution})"/> orders them.</returns>
    public static IReadOnlyList<KnownFundingTotalsChange> Between(IReadOnlyList<KnownFundingTotalsChange> before, IReadOnlyList<KnownFundingTotalsChange> after)
    {
        Guard.Against.Null(before);
        Guard.Against.Null(after);
        var sums = new Dictionary<(Instant Known, LocalDate From, string Recipient, FundingOriginKind Origin, FundingBasis Basis, FundingPeriod Period), (decimal Amount, decimal Allocated)>();
        foreach (var (changes, sign) in new[] { (before, -1), (after, +1) })
        {
            foreach (var (known, c) in changes)
            {
                var key = (known, c.From, c.Recipient, c.Origin, c.Basis, c.Period);
                var (amount, allocated) = sums.GetValueOrDefault(key);
                sums[key] = (amount + (sign * c.Amount), allocated + (sign * c.Allocated));
            }
        }

        return [.. sums.Where(s => s.Value != (0m, 0m))
            .Select(s => new KnownFundingTotalsChange(s.Key.Known,
                new FundingTotalsChange(s.Key.From, s.Key.Recipient, s.Key.Origin, s.Key.Basis, s.Key.Period, s.Value.Amount, s.Value.Allocated)))
            .OrderBy(c => c.KnownFrom).ThenBy(c => c.Change.From).ThenBy(c => c.Change.Recipient, StringComparer.Ordinal).ThenBy(c => c.Change.Origin)
            .ThenBy(c => c.Change.Basis).ThenBy(c => c.Change.Period.Coverage).ThenBy(c => c.Change.Period.FirstYear?.StartYear)
            .ThenBy(c => c.Change.Period.LastYear?.StartYear)];
    }

    /// <summary>
    /// The changes that turn the totals with one contribution of a commitment (<paramref name="before"/>, empty for a new
    /// commitment) into the totals with another (<paramref name="after"/>), summed per valid date, recipient, origin,
    /// basis and period, changes of nothing left out. A yearly level of nothing adds nothing (as
    /// <see cref="FundingTotals.Of(IEnumerable{FundingShare})"/> skips it), so it is not counted.
    /// </summary>
    /// <param name="before">The contributions counted so far, in valid-date order.</param>
    /// <param name="after">The contributions to count instead, in valid-date order.</param>
    /// <returns>The changes, ordered by valid date, recipient, origin, basis and period.</returns>
    public static IReadOnlyList<FundingTotalsChange> Between(IReadOnlyList<FundingContribution> before, IReadOnlyList<FundingContribution> after)
    {
        Guard.Against.Null(before);
        Guard.Against.Null(after);
        var sums = new Dictionary<(LocalDate From, string Recipient, FundingOriginKind Origin, FundingBasis Basis, FundingPeriod Period), (decimal Amount, decimal Allocated)>();
        Add(sums, before, -1);
        Add(sums, after, +1);
        return [.. sums.Where(s => s.Value != (0m, 0m))
            .Select(s => new FundingTotalsChange(s.Key.From, s.Key.Recipient, s.Key.Origin, s.Key.Basis, s.Key.Period, s.Value.Amount, s.Value.Allocated))
            .OrderBy(c => c.From).ThenBy(c => c.Recipient, StringComparer.Ordinal).ThenBy(c => c.Origin).ThenBy(c => c.Basis)
            .ThenBy(c => c.Period.Coverage).ThenBy(c => c.Period.FirstYear?.StartYear).ThenBy(c => c.Period.LastYear?.StartYear)];
    }

    // A contribution's changes: on each date, the share counted until then goes and the share counted from then comes.
    private static void Add(Dictionary<(LocalDate, string, FundingOriginKind, FundingBasis, FundingPeriod), (decimal Amount, decimal Allocated)> sums,
        IReadOnlyList<FundingContribution> contributions, int sign)
    {
        FundingContribution? counted = null;
        foreach (var contribution in contributions)
        {
            var now = Counts(contribution) ? contribution : null;
            if (counted is not null)
            {
                Add(sums, contribution.From, counted, -sign);
            }

            if (now is not null)
            {
                Add(sums, contribution.From, now, sign);
            }

            counted = now;
        }
    }

    private static void Add(Dictionary<(LocalDate, string, FundingOriginKind, FundingBasis, FundingPeriod), (decimal Amount, decimal Allocated)> sums,
        LocalDate from, FundingContribution counted, int sign)
    {
        var share = counted.Share!;
        var period = share.Period;
        var key = (from, counted.Recipient!, share.Origin, share.Basis, new FundingPeriod("", period.Coverage, period.FirstYear, period.LastYear));
        var (amount, allocated) = sums.GetValueOrDefault(key);
        sums[key] = (amount + (sign * share.Amount.Pounds), allocated + (sign * share.Allocated.Pounds));
    }

    // A yearly level of nothing adds nothing at all (FundingTotals.Of skips it, allocations too).
    private static bool Counts(FundingContribution contribution) =>
        contribution is { Recipient: not null, Share: { } share } && share is not { Period.IsYearlyLevel: true, Amount.Pounds: 0 };
}
