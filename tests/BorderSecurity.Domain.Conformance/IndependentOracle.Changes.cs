using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
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
    /// <returns>The changes.</returns>
    public static IReadOnlyList<ChangeView> Changes(IEnumerable<RecordedEvent> log, Instant knownAfter, Instant knownBy, string? subject = null)
    {
        var all = log.ToList();
        var disputeSubject = all.Select(e => e.Data).OfType<DisputeRecorded>()
            .GroupBy(d => d.DisputeId).ToDictionary(g => g.Key, g => g.First().SubjectId);
        var start = knownAfter.InUtc().Date;
        var result = new List<ChangeView>();
        foreach (var e in all.Where(e => e.KnownFrom > knownAfter && e.KnownFrom <= knownBy).OrderBy(e => e.KnownFrom).ThenBy(e => e.Sequence))
        {
            var about = e.Data switch
            {
                DisputeRecorded r => r.SubjectId,
                DisputeResolved d => disputeSubject.TryGetValue(d.DisputeId, out var s) ? s : e.StreamId,
                _ => e.StreamId,
            };
            if (subject is not null && e.StreamId != subject && about != subject)
            {
                continue;
            }

            var sources = new List<string>();
            foreach (var source in e.Data.Provenance.Sources)
            {
                var text = $"{source.Document}|{source.Headline}";
                if (!sources.Contains(text))
                {
                    sources.Add(text);
                }
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

            result.Add(new ChangeView(e.KnownFrom, e.Sequence, e.ValidOn, e.StreamId, about, OracleKind(e.Data), e.ValidOn < start, sources,
                figure?.Name, figure?.Dimension, before, after));
        }

        return result;
    }

    // docs/changes.md, "Kinds of change": one kind per event type.
    private static string OracleKind(IBorderSecurityEvent e) => e switch
    {
        FundingPledged or FundingRedirected or RecruitmentTargetSet or LegislationAnnounced or EnactedLegislationRecorded or CommandEstablished => "New",
        FundingReannounced or RecruitmentTargetReannounced => "Reannouncement",
        FundingRevised or RecruitmentTargetRevised => "Revision",
        FundingAmountCorrected or FundingPeriodCorrected or RecruitmentTargetCorrected => "Correction",
        FundingWithdrawn or RecruitmentTargetAbandoned => "Withdrawal",
        FundingPeriodRevised or FundingAllocated => "CoverageChange",
        BillIntroduced or ParliamentaryStageCompleted or BillCarriedOver or BillEnded or RoyalAssentGranted or LegislationCommenced or LegislationRepealed
            => "StageOrCommencement",
        CommandPowersConferred => "PowersConferred",
        CommandLeaderAppointed or AgencyJoinedCommand or AgencyLeftCommand or CommandUnitCreated or InternationalAgreementJoined => "CommandChange",
        RecruitmentProgressRecorded or RecruitmentTargetMet => "Progress",
        DisputeRecorded => "DisputeOpened",
        DisputeResolved => "DisputeResolved",
        _ => throw new InvalidOperationException($"The oracle has no kind for {e.GetType().Name}."),
    };

    private static (string Name, string Dimension)? OracleFigure(IBorderSecurityEvent e) => e switch
    {
        FundingPledged or FundingRedirected or FundingReannounced or FundingRevised or FundingAmountCorrected or FundingWithdrawn
            or FundingPeriodRevised or FundingPeriodCorrected => ("amount", ""),
        FundingAllocated a => ("allocation", a.Capability),
        RecruitmentTargetSet or RecruitmentTargetReannounced or RecruitmentTargetRevised or RecruitmentTargetCorrected or RecruitmentTargetAbandoned
            => ("headcount", ""),
        RecruitmentProgressRecorded or RecruitmentTargetMet => ("inpost", ""),
        _ => null,
    };

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
