using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>A change as the oracle sees it: plain values, the kind as its name, sources as "document|headline".</summary>
    public sealed record ChangeView(
        Instant KnownFrom, long Sequence, LocalDate ValidOn, string Stream, string Subject, string Kind, bool IsBackfill,
        IReadOnlyList<string> Sources, string? Figure, string? Dimension, decimal? Before, decimal? After);

    /// <summary>
    /// What was learnt after <paramref name="knownAfter"/> and by <paramref name="knownBy"/>, from the rules in
    /// docs/changes.md: every event whose known-from instant is in the window, in known order (ties in log order), its kind
    /// from its type, a back-fill when its valid date is before the window's start date (UTC); for a figure, its value as
    /// of the event's valid date over the stream's events known before it (known-from, then log order) and with it: the
    /// last statement by valid date, ties in log order; zero once withdrawn (amounts) or abandoned (heads, in post).
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="knownAfter">A, exclusive.</param>
    /// <param name="knownBy">B, inclusive.</param>
    /// <param name="subject">Only changes in this stream or disputes about it; null for all.</param>
    /// <param name="recordedBy">Only events the store had recorded by then count (the changes and the values before and after); null for all.</param>
    /// <returns>The changes.</returns>
    public static IReadOnlyList<ChangeView> Changes(IEnumerable<RecordedEvent> log, Instant knownAfter, Instant knownBy, string? subject = null,
        Instant? recordedBy = null)
    {
        var all = log.Where(e => recordedBy is null || e.RecordedAt <= recordedBy.Value).ToList();
        var disputeSubject = DisputeSubjects(all);
        var start = knownAfter.InUtc().Date;
        var result = new List<ChangeView>();
        foreach (var e in all.Where(e => e.KnownFrom > knownAfter && e.KnownFrom <= knownBy).OrderBy(e => e.KnownFrom).ThenBy(e => e.Sequence))
        {
            var about = SubjectOf(e, disputeSubject, subject);
            if (subject is not null && e.StreamId != subject && about != subject)
            {
                continue;
            }

            var figure = OracleFigure(e.Data);
            decimal? before = null, after = null;
            if (figure is { } f)
            {
                var stream = all.Where(x => x.StreamId == e.StreamId).ToList();
                var known = stream.Where(x => x.KnownFrom < e.KnownFrom || (x.KnownFrom == e.KnownFrom && x.Sequence < e.Sequence)).ToList();
                before = OracleValue(known, f.Name, f.Dimension, e.ValidOn);
                known.Add(e);
                after = OracleValue(known, f.Name, f.Dimension, e.ValidOn);
            }

            result.Add(new ChangeView(e.KnownFrom, e.Sequence, e.ValidOn, e.StreamId, about, OracleKind(e.Data), e.ValidOn < start, DistinctSources([e]),
                figure?.Name, figure?.Dimension, before, after));
        }

        return result;
    }

    // docs/changes.md, "Kinds of change": one kind per event type.
    private static string OracleKind(IBorderSecurityEvent e) => e switch
    {
        FundingPledged or FundingRedirected or RecruitmentTargetSet or LegislationAnnounced or EnactedLegislationRecorded or CommandEstablished
            or IndicatorDefined => "New",
        FundingReannounced or RecruitmentTargetReannounced => "Reannouncement",
        FundingRevised or RecruitmentTargetRevised or OutcomeRevised => "Revision",
        FundingAmountCorrected or FundingPeriodCorrected or RecruitmentTargetCorrected or RecruitmentTargetBasisCorrected => "Correction",
        FundingWithdrawn or RecruitmentTargetAbandoned => "Withdrawal",
        FundingPeriodRevised or FundingAllocated => "CoverageChange",
        BillIntroduced or ParliamentaryStageStarted or ParliamentaryStageCompleted or BillCarriedOver or BillEnded or RoyalAssentGranted or LegislationCommenced or LegislationRepealed
            => "StageOrCommencement",
        CommandPowersConferred => "PowersConferred",
        CommandLeaderAppointed or AgencyJoinedCommand or AgencyLeftCommand or CommandUnitCreated or InternationalAgreementJoined => "CommandChange",
        RecruitmentProgressRecorded or RecruitmentTargetMet or OutcomeReleased => "Progress",
        DisputeRecorded => "DisputeOpened",
        DisputeResolved => "DisputeResolved",
        PledgeMade => "New",
        PledgeDelivererLinked => "CoverageChange",
        VerdictGiven => "Verdict",
        SpendingReported => "Spending",
        _ => throw new InvalidOperationException($"The oracle has no kind for {e.GetType().Name}."),
    };

    private static (string Name, string Dimension)? OracleFigure(IBorderSecurityEvent e) => e switch
    {
        FundingPledged or FundingRedirected or FundingReannounced or FundingRevised or FundingAmountCorrected or FundingWithdrawn
            or FundingPeriodRevised or FundingPeriodCorrected => ("amount", ""),
        FundingAllocated a => ("allocation", a.Capability),
        SpendingReported r => ("spending", SpendingKey(r)),
        RecruitmentTargetSet or RecruitmentTargetReannounced or RecruitmentTargetRevised or RecruitmentTargetCorrected or RecruitmentTargetAbandoned
            => ("headcount", ""),
        RecruitmentProgressRecorded or RecruitmentTargetMet => ("inpost", ""),
        _ => null,
    };

    // docs/changes.md: a spending line's dimension is "<year> <planned|outturn> <resource|capital|unstated>".
    private static string SpendingKey(SpendingReported r) =>
        $"{r.Year} {(r.Stage == SpendingStage.Outturn ? "outturn" : "planned")} {r.Kind switch { SpendingKind.Resource => "resource", SpendingKind.Capital => "capital", _ => "unstated" }}";

    private static decimal? OracleValue(List<RecordedEvent> known, string figure, string dimension, LocalDate asOf)
    {
        decimal? value = null;
        var ended = false;
        foreach (var e in known.Where(x => x.ValidOn <= asOf).OrderBy(x => x.ValidOn).ThenBy(x => x.Sequence))
        {
            decimal? stated = (figure, e.Data) switch
            {
                ("amount", FundingPledged p) => p.Amount.Pounds,
                ("amount", FundingRedirected r) => r.Amount.Pounds,
                ("amount", FundingRevised r) => r.RevisedAmount.Pounds,
                ("amount", FundingAmountCorrected c) => c.CorrectedAmount.Pounds,
                ("allocation", FundingAllocated a) when a.Capability == dimension => a.Amount.Pounds,
                ("spending", SpendingReported r) when SpendingKey(r) == dimension => r.Amount.Pounds,
                ("headcount", RecruitmentTargetSet s) => s.Headcount,
                ("headcount", RecruitmentTargetRevised r) => r.RevisedHeadcount,
                ("headcount", RecruitmentTargetCorrected c) => c.CorrectedHeadcount,
                ("inpost", RecruitmentProgressRecorded p) => p.InPost,
                ("inpost", RecruitmentTargetMet m) => m.InPost,
                _ => null,
            };
            if (stated is not null)
            {
                value = stated;
            }

            ended |= (figure is "amount" or "allocation" && e.Data is FundingWithdrawn)
                || (figure is "headcount" or "inpost" && e.Data is RecruitmentTargetAbandoned);
        }

        return value is not null && ended ? 0m : value;
    }
}

public static partial class IndependentOracle
{
    /// <summary>A vintage as the oracle sees it: when it became known, the value, first release or not, the kinds that made it, sources.</summary>
    public sealed record VintageView(Instant KnownFrom, decimal? Value, bool IsFirstRelease, IReadOnlyList<string> ChangedBy, IReadOnlyList<string> Sources);

    /// <summary>
    /// The vintages of one stream's figure as of <paramref name="asOf"/>, from docs/changes.md: at each instant an event
    /// stating the figure (dated by <paramref name="asOf"/>) became known, the figure's value over the events known then;
    /// a vintage where the value differs from the one before (the first where it is first stated).
    /// </summary>
    public static IReadOnlyList<VintageView> StreamVintages(IEnumerable<RecordedEvent> log, string stream, string figure, LocalDate asOf)
    {
        var events = log.Where(e => e.StreamId == stream).ToList();
        var stating = events.Where(e => e.ValidOn <= asOf && OracleFigure(e.Data) is { } f && f.Name == figure).ToList();
        return Vintages(stating, at => OracleValue([.. events.Where(e => e.KnownFrom <= at)], figure, "", asOf));
    }

    /// <summary>
    /// The vintages of a recipient's total as of <paramref name="asOf"/>: the oracle's own total (<see cref="Funding"/>'s sums
    /// for the recipient) as known at each instant an event of its commitments dated by <paramref name="asOf"/> became known.
    /// </summary>
    public static IReadOnlyList<VintageView> RecipientVintages(IReadOnlyList<RecordedEvent> log, string recipient, LocalDate asOf)
    {
        var commitments = log.Select(e => e.Data switch
        {
            FundingPledged p when p.Recipient == recipient => p.CommitmentId,
            FundingRedirected r when r.Recipient == recipient => r.CommitmentId,
            _ => null,
        }).OfType<string>().ToHashSet();
        var events = log.Where(e => commitments.Contains(e.StreamId) && e.ValidOn <= asOf).ToList();
        return Vintages(events, at => RecipientTotal(log, recipient, asOf, at));
    }

    private static IReadOnlyList<VintageView> Vintages(List<RecordedEvent> stating, Func<Instant, decimal?> valueAt)
    {
        var result = new List<VintageView>();
        foreach (var at in stating.Select(e => e.KnownFrom).Distinct().Order())
        {
            var value = valueAt(at);
            if ((result.Count == 0 && value is null) || (result.Count > 0 && result[^1].Value == value))
            {
                continue;
            }

            var known = stating.Where(e => e.KnownFrom == at).OrderBy(e => e.Sequence).ToList();
            result.Add(new VintageView(at, value, result.Count == 0, [.. known.Select(e => OracleKind(e.Data))], DistinctSources(known)));
        }

        return result;
    }
}

public static partial class IndependentOracle
{
    private static decimal? RecipientTotal(IReadOnlyList<RecordedEvent> log, string recipient, LocalDate asOf, Instant knownAt) =>
        Sum(Commitments(log, asOf, knownAt).Where(c => c.Recipient == recipient)).Total;
}

public static partial class IndependentOracle
{
    /// <summary>A vintage of an outcome value as the oracle sees it: the vintage, and the release's qualifier, status and reason.</summary>
    public sealed record IndicatorVintageView(VintageView Vintage, string Qualifier, string Status, string? Reason);

    /// <summary>
    /// The vintages of an indicator's value for one period as of <paramref name="asOf"/>, from docs/changes.md ("Vintages of an
    /// outcome value"): at each instant a release or revision of the period (dated by <paramref name="asOf"/>) became known,
    /// the one recorded last among those known then; every such instant is a vintage, the first the first release.
    /// </summary>
    public static IReadOnlyList<IndicatorVintageView> IndicatorVintages(IEnumerable<RecordedEvent> log, string indicator, Outcomes.CountPeriod period, LocalDate asOf)
    {
        var releases = log.Where(e => e.StreamId == indicator && e.ValidOn <= asOf && e.Data switch
        {
            Outcomes.OutcomeReleased r => r.Period == period,
            Outcomes.OutcomeRevised r => r.Period == period,
            _ => false,
        }).OrderBy(e => e.Sequence).ToList();
        var result = new List<IndicatorVintageView>();
        foreach (var at in releases.Select(e => e.KnownFrom).Distinct().Order())
        {
            var latest = releases.Last(e => e.KnownFrom <= at);
            var (count, qualifier, status, reason) = latest.Data switch
            {
                Outcomes.OutcomeReleased r => (r.Count, r.Qualifier, r.Status, (string?)null),
                Outcomes.OutcomeRevised r => (r.Count, r.Qualifier, r.Status, r.Reason),
                _ => throw new InvalidOperationException("only releases and revisions are read"),
            };
            var known = releases.Where(e => e.KnownFrom == at).ToList();
            result.Add(new IndicatorVintageView(
                new VintageView(at, count, result.Count == 0, [.. known.Select(e => OracleKind(e.Data))], DistinctSources(known)),
                qualifier.ToString(), status.ToString(), reason));
        }

        return result;
    }
}
