using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Conformance;

/// <summary>
/// A small model of the funding and recruitment answers written from the rules in docs/projections.md and
/// docs/events.md, sharing no code with what it checks: its own visibility rule, its own fold of each event, its own
/// sums, its own source order. It reads only the events' own fields (no aggregate's Evolve, no statement mapping, no
/// <c>AsOfQuery.Includes</c>, no <c>FundingTotals.Of</c>, no projection). Legislation, command overviews and the
/// time series are in the other parts of this class (IndependentOracle.Legislation.cs, IndependentOracle.Commands.cs,
/// IndependentOracle.Series.cs), under the same rule.
/// </summary>
/// <remarks>
/// The rules, as the docs state them: an event counts when it happened on or before the as-of date, became known at
/// or before the known-at instant, and was recorded at or before the recorded-by instant. Within a stream, the events
/// that count are applied in valid-date order, ties in recording order; each states the figure it names, so the last
/// statement of a figure wins (a correction sits on the original date, so a later revision still wins from its own
/// date). A withdrawn commitment counts zero with no allocations; an abandoned target counts zero heads and zero in
/// post; a re-announcement adds a source (and, for a target, an announcement) and nothing else.
/// </remarks>
public static partial class IndependentOracle
{
    /// <summary>A commitment as the oracle sees it; <paramref name="Period"/> is what its amount covers as of the question.</summary>
    public sealed record Commitment(
        string Id, string Recipient, bool IsRedirected, string? OriginName, bool IsCeiling, LocalDate CommittedOn, decimal Amount, PeriodView Period,
        IReadOnlyList<(string Capability, decimal Amount)> Allocations, bool IsWithdrawn, IReadOnlyList<string> Sources)
    {
        /// <summary>
        /// The docs' test for a yearly level (docs/events.md, "What an amount covers"): a period that is "from" or "by" a
        /// year is an amount each year; every other period (in-year, over years, not stated) is an amount once.
        /// </summary>
        public bool IsYearlyLevel => Period.Coverage is "YearlyFrom" or "YearlyBy";

        /// <summary>The latest report of each spending line (year, stage, kind), in order of year, stage ("Planned" first), kind; kept once withdrawn.</summary>
        public IReadOnlyList<SpendingView> Spending { get; init; } = [];
    }

    /// <summary>A spending line as the oracle sees it: the year's start year, stage and kind as names, the amount, the valid date of the report.</summary>
    public sealed record SpendingView(int Year, string Stage, string Kind, decimal Amount, LocalDate StatedOn);

    /// <summary>A period as the oracle sees it: plain values read from the event that stated it (years as their start year, kinds as names).</summary>
    public sealed record PeriodView(string Description, string Coverage, int? FirstYear, int? LastYear, IReadOnlyList<(int Year, decimal Amount)>? Profile, string Spending)
    {
        /// <summary>The period of a commitment none of whose period statements counts: not stated, no words.</summary>
        public static readonly PeriodView NotStated = new("", "NotStated", null, null, null, "NotStated");

        /// <summary>The oracle's view of a period an event states.</summary>
        public static PeriodView Of(FundingPeriod period) =>
            new(period.Description, period.Coverage.ToString(), period.FirstYear?.StartYear, period.LastYear?.StartYear,
                period.Profile is { Count: > 0 } profile ? [.. profile.Select(p => (p.Year.StartYear, p.Amount.Pounds))] : null, period.Spending.ToString());
    }

    /// <summary>
    /// Yearly levels covering the same years, summed, as the oracle sees them: pounds each year, split by origin, basis and allocation.
    /// </summary>
    public sealed record LevelSums(
        string Coverage, int FirstYear, int? LastYear, decimal PerYear, decimal NewMoney, decimal Redirected, decimal Firm, decimal Ceiling,
        decimal Allocated, decimal Unallocated);

    /// <summary>Yearly levels covering the same years, summed: pounds each year.</summary>
    public sealed record Level(string Coverage, int FirstYear, int? LastYear, decimal PerYear);

    /// <summary>The money of one origin or capability: the sum of amounts once, and the yearly levels apart.</summary>
    public sealed record Split(decimal Amount, IReadOnlyList<Level> YearlyLevels);

    /// <summary>The money from one origin (new or redirected, and its name), split.</summary>
    public sealed record OriginMoney(bool IsRedirected, string? Name, Split Money);

    /// <summary>The allocations to one capability across commitments, split by the kind of the commitment they are part of.</summary>
    public sealed record CapabilityMoney(string Capability, Split Money);

    /// <summary>A recruitment target as the oracle sees it; <paramref name="Basis"/> is "Firm" or "UpTo".</summary>
    public sealed record Target(
        string Id, string Organisation, string Role, string Status, int Headcount, int InPost, LocalDate? Deadline, int Announcements,
        IReadOnlyList<string> Sources, string Basis = "Firm");

    /// <summary>
    /// The oracle's sums over some commitments: the first seven over the commitments that are not yearly levels (amounts
    /// once: in-year, over years, not stated); <paramref name="YearlyLevels"/> the yearly levels apart, never added to them.
    /// </summary>
    public sealed record Sums(
        decimal Total, decimal NewMoney, decimal Redirected, decimal Firm, decimal Ceiling, decimal Allocated, decimal Unallocated,
        IReadOnlyList<LevelSums> YearlyLevels);

    /// <summary>Whether an event counts for a question, by the rule in docs/projections.md.</summary>
    public static bool Counts(RecordedEvent e, LocalDate asOf, Instant? knownAt, Instant? recordedBy) =>
        e.Data.ValidOn <= asOf
        && (knownAt is null || e.KnownFrom <= knownAt.Value)
        && (recordedBy is null || e.RecordedAt <= recordedBy.Value);

    /// <summary>Every commitment that exists as of the question, in id order.</summary>
    public static IReadOnlyList<Commitment> Commitments(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<Commitment>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            string? recipient = null, originName = null;
            bool redirected = false, ceiling = false, withdrawn = false;
            LocalDate committedOn = default;
            decimal amount = 0;
            var period = PeriodView.NotStated;
            var allocations = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            var spending = new Dictionary<(int, string, string), SpendingView>();
            var any = false;
            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case FundingPledged p:
                        (any, recipient, redirected, originName, ceiling, committedOn, amount, period) =
                            (true, p.Recipient, false, p.OriginName, p.Basis == FundingBasis.UpTo, p.ValidOn, p.Amount.Pounds, PeriodView.Of(p.Period));
                        break;
                    case FundingRedirected r:
                        (any, recipient, redirected, originName, ceiling, committedOn, amount, period) =
                            (true, r.Recipient, true, r.FromProgramme, r.Basis == FundingBasis.UpTo, r.ValidOn, r.Amount.Pounds, PeriodView.Of(r.Period));
                        break;
                    case FundingPeriodRevised r:
                        period = PeriodView.Of(r.Period);
                        break;
                    case FundingPeriodCorrected c:
                        period = PeriodView.Of(c.Period);
                        break;
                    case FundingRevised r:
                        amount = r.RevisedAmount.Pounds;
                        break;
                    case FundingAmountCorrected c:
                        amount = c.CorrectedAmount.Pounds;
                        break;
                    case FundingAllocated a:
                        allocations[a.Capability] = a.Amount.Pounds;
                        break;
                    case FundingWithdrawn:
                        withdrawn = true;
                        break;
                    case SpendingReported r:
                        spending[(r.Year.StartYear, r.Stage.ToString(), r.Kind.ToString())] =
                            new SpendingView(r.Year.StartYear, r.Stage.ToString(), r.Kind.ToString(), r.Amount.Pounds, r.ValidOn);
                        break;
                }
            }

            if (!any)
            {
                continue; // not a commitment (another aggregate's stream), or its creation does not count yet
            }

            result.Add(new Commitment(stream[0].StreamId, recipient!, redirected, originName, ceiling, committedOn, withdrawn ? 0 : amount, period,
                withdrawn ? [] : [.. allocations.Where(a => a.Value > 0).Select(a => (a.Key, a.Value))], withdrawn, SourcesOf(stream))
            {
                Spending = [.. spending.Values.OrderBy(v => v.Year).ThenBy(v => v.Stage == "Outturn").ThenBy(v => KindOrder(v.Kind))],
            });
        }

        return result;
    }

    /// <summary>
    /// The oracle's sums: every amount that is not a yearly level once, split by origin and by basis, unallocated being what
    /// is not allocated; the yearly levels apart, one group per (coverage, first year, last year) with a non-zero amount, in
    /// order of first year, then last year (a level with no last year after any with one), then "from" before "by".
    /// </summary>
    public static Sums Sum(IEnumerable<Commitment> commitments)
    {
        decimal total = 0, newMoney = 0, redirected = 0, firm = 0, ceiling = 0, allocated = 0;
        var levels = new List<LevelSums>();
        foreach (var c in commitments)
        {
            decimal allocatedHere = 0;
            foreach (var (_, a) in c.Allocations)
            {
                allocatedHere += a;
            }

            if (c.IsYearlyLevel)
            {
                if (c.Amount == 0)
                {
                    continue;
                }

                var i = levels.FindIndex(l => SameYears(l.Coverage, l.FirstYear, l.LastYear, c.Period));
                var l = i >= 0 ? levels[i] : new LevelSums(c.Period.Coverage, c.Period.FirstYear!.Value, c.Period.LastYear, 0, 0, 0, 0, 0, 0, 0);
                l = l with
                {
                    PerYear = l.PerYear + c.Amount,
                    NewMoney = l.NewMoney + (c.IsRedirected ? 0 : c.Amount),
                    Redirected = l.Redirected + (c.IsRedirected ? c.Amount : 0),
                    Firm = l.Firm + (c.IsCeiling ? 0 : c.Amount),
                    Ceiling = l.Ceiling + (c.IsCeiling ? c.Amount : 0),
                    Allocated = l.Allocated + allocatedHere,
                };
                l = l with { Unallocated = l.PerYear - l.Allocated };
                if (i >= 0)
                {
                    levels[i] = l;
                }
                else
                {
                    levels.Add(l);
                }

                continue;
            }

            total += c.Amount;
            if (c.IsRedirected)
            {
                redirected += c.Amount;
            }
            else
            {
                newMoney += c.Amount;
            }

            if (c.IsCeiling)
            {
                ceiling += c.Amount;
            }
            else
            {
                firm += c.Amount;
            }

            allocated += allocatedHere;
        }

        return new Sums(total, newMoney, redirected, firm, ceiling, allocated, total - allocated,
            [.. levels.OrderBy(l => l.FirstYear).ThenBy(l => l.LastYear ?? int.MaxValue).ThenBy(l => l.Coverage == "YearlyFrom" ? 0 : 1)]);
    }

    /// <summary>
    /// Money split the same way for any grouping of amounts (by origin, by capability): the amounts of periods that are not
    /// yearly levels added once; those of yearly levels summed per (coverage, first year, last year), non-zero, in the order of <see cref="Sum"/>.
    /// </summary>
    public static Split SplitOf(IEnumerable<(PeriodView Period, decimal Amount)> amounts)
    {
        decimal once = 0;
        var levels = new List<Level>();
        foreach (var (period, amount) in amounts)
        {
            if (period.Coverage is not ("YearlyFrom" or "YearlyBy"))
            {
                once += amount;
                continue;
            }

            if (amount == 0)
            {
                continue;
            }

            var i = levels.FindIndex(l => SameYears(l.Coverage, l.FirstYear, l.LastYear, period));
            if (i >= 0)
            {
                levels[i] = levels[i] with { PerYear = levels[i].PerYear + amount };
            }
            else
            {
                levels.Add(new Level(period.Coverage, period.FirstYear!.Value, period.LastYear, amount));
            }
        }

        return new Split(once, [.. levels.OrderBy(l => l.FirstYear).ThenBy(l => l.LastYear ?? int.MaxValue).ThenBy(l => l.Coverage == "YearlyFrom" ? 0 : 1)]);
    }

    /// <summary>Each origin of some commitments (withdrawn ones too, at zero) with its money split; in no particular order.</summary>
    public static IReadOnlyList<OriginMoney> ByOrigin(IEnumerable<Commitment> commitments) =>
        [.. commitments.GroupBy(c => (c.IsRedirected, c.OriginName)).Select(g => new OriginMoney(g.Key.IsRedirected, g.Key.OriginName, SplitOf(g.Select(c => (c.Period, c.Amount)))))];

    /// <summary>Each capability allocated to by some commitments, in name order (ordinal), with the allocations split by each commitment's period.</summary>
    public static IReadOnlyList<CapabilityMoney> ByCapability(IEnumerable<Commitment> commitments) =>
        [.. commitments.SelectMany(c => c.Allocations.Select(a => (a.Capability, c.Period, a.Amount))).GroupBy(a => a.Capability)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CapabilityMoney(g.Key, SplitOf(g.Select(a => (a.Period, a.Amount)))))];

    private static bool SameYears(string coverage, int firstYear, int? lastYear, PeriodView period) =>
        coverage == period.Coverage && firstYear == period.FirstYear && lastYear == period.LastYear;

    /// <summary>Every recruitment target that exists as of the question, in id order.</summary>
    public static IReadOnlyList<Target> Targets(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<Target>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            RecruitmentTargetSet? set = null;
            var basis = "Firm";
            int headcount = 0, inPost = 0, announcements = 0;
            bool met = false, abandoned = false;
            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case RecruitmentTargetSet s:
                        (set, headcount, announcements, basis) = (s, s.Headcount, announcements + 1, s.Basis.ToString());
                        break;
                    case RecruitmentTargetBasisCorrected b:
                        basis = b.Basis.ToString();
                        break;
                    case RecruitmentTargetReannounced:
                        announcements++;
                        break;
                    case RecruitmentTargetRevised r:
                        headcount = r.RevisedHeadcount;
                        break;
                    case RecruitmentTargetCorrected c:
                        headcount = c.CorrectedHeadcount;
                        break;
                    case RecruitmentProgressRecorded p:
                        inPost = p.InPost;
                        break;
                    case RecruitmentTargetMet m:
                        (inPost, met) = (m.InPost, true);
                        break;
                    case RecruitmentTargetAbandoned:
                        abandoned = true;
                        break;
                }
            }

            if (set is null)
            {
                continue;
            }

            var status = abandoned ? "Abandoned" : met ? "Met" : "Active";
            result.Add(new Target(set.TargetId, set.Organisation, set.Role, status, abandoned ? 0 : headcount, abandoned ? 0 : inPost, set.Deadline,
                announcements, SourcesOf(stream), basis));
        }

        return result;
    }

    /// <summary>Every event that counts, in valid-date order, ties in recording order: (stream, wire name, valid date, known from).</summary>
    public static IReadOnlyList<(string StreamId, string EventName, LocalDate ValidOn, Instant KnownFrom)> Timeline(
        IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null) =>
        [.. log.Where(e => Counts(e, asOf, knownAt, recordedBy))
            .OrderBy(e => e.Data.ValidOn).ThenBy(e => e.Sequence)
            .Select(e => (e.StreamId, e.EventName, e.Data.ValidOn, e.KnownFrom))];

    internal static IEnumerable<List<RecordedEvent>> CountingStreams(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt, Instant? recordedBy) =>
        log.Where(e => Counts(e, asOf, knownAt, recordedBy))
            .GroupBy(e => e.StreamId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Data.ValidOn).ThenBy(e => e.Sequence).ToList());

    /// <summary>Each source once, in the order the counting events (valid date, then recording order) first cite it, as "document|headline".</summary>
    internal static IReadOnlyList<string> SourcesOf(IEnumerable<RecordedEvent> stream)
    {
        var seen = new List<string>();
        foreach (var e in stream)
        {
            foreach (var source in e.Data.Provenance.Sources)
            {
                var key = $"{source.Document}|{source.Headline}";
                if (!seen.Contains(key))
                {
                    seen.Add(key);
                }
            }
        }

        return seen;
    }
}
