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
    /// <summary>A commitment as the oracle sees it.</summary>
    public sealed record Commitment(
        string Id, string Recipient, bool IsRedirected, string? OriginName, bool IsCeiling, LocalDate CommittedOn, decimal Amount,
        IReadOnlyList<(string Capability, decimal Amount)> Allocations, bool IsWithdrawn, IReadOnlyList<string> Sources);

    /// <summary>A recruitment target as the oracle sees it.</summary>
    public sealed record Target(
        string Id, string Organisation, string Role, string Status, int Headcount, int InPost, LocalDate? Deadline, int Announcements,
        IReadOnlyList<string> Sources);

    /// <summary>The oracle's sums over some commitments.</summary>
    public sealed record Sums(decimal Total, decimal NewMoney, decimal Redirected, decimal Firm, decimal Ceiling, decimal Allocated, decimal Unallocated);

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
            var allocations = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            var any = false;
            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case FundingPledged p:
                        (any, recipient, redirected, originName, ceiling, committedOn, amount) =
                            (true, p.Recipient, false, p.OriginName, p.Basis == FundingBasis.UpTo, p.ValidOn, p.Amount.Pounds);
                        break;
                    case FundingRedirected r:
                        (any, recipient, redirected, originName, ceiling, committedOn, amount) =
                            (true, r.Recipient, true, r.FromProgramme, r.Basis == FundingBasis.UpTo, r.ValidOn, r.Amount.Pounds);
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
                }
            }

            if (!any)
            {
                continue; // not a commitment (another aggregate's stream), or its creation does not count yet
            }

            result.Add(new Commitment(stream[0].StreamId, recipient!, redirected, originName, ceiling, committedOn, withdrawn ? 0 : amount,
                withdrawn ? [] : [.. allocations.Where(a => a.Value > 0).Select(a => (a.Key, a.Value))], withdrawn, SourcesOf(stream)));
        }

        return result;
    }

    /// <summary>The oracle's sums: every amount once, split by origin and by basis; unallocated is what is not allocated.</summary>
    public static Sums Sum(IEnumerable<Commitment> commitments)
    {
        decimal total = 0, newMoney = 0, redirected = 0, firm = 0, ceiling = 0, allocated = 0;
        foreach (var c in commitments)
        {
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

            foreach (var (_, a) in c.Allocations)
            {
                allocated += a;
            }
        }

        return new Sums(total, newMoney, redirected, firm, ceiling, allocated, total - allocated);
    }

    /// <summary>Every recruitment target that exists as of the question, in id order.</summary>
    public static IReadOnlyList<Target> Targets(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<Target>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            RecruitmentTargetSet? set = null;
            int headcount = 0, inPost = 0, announcements = 0;
            bool met = false, abandoned = false;
            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case RecruitmentTargetSet s:
                        (set, headcount, announcements) = (s, s.Headcount, announcements + 1);
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
                announcements, SourcesOf(stream)));
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
