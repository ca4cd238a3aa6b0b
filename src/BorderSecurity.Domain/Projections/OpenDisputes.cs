using BorderSecurity.Domain.Disputes;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// The one rule for which disputes an answer lists, used by every store: an answer lists the disputes that are open for
/// its question about any subject it includes (a commitment, a target, a bill or Act, a command), in dispute-id order. A
/// dispute about several subjects (<see cref="Dispute.SubjectIds"/>) is listed by every answer that includes any of them, once.
/// </summary>
/// <remarks>
/// <para>"Open for its question" is decided by the disputes themselves, as <see cref="Storage.IBorderSecurityQueries.DisputesAsync"/>
/// folds them for the same question: a dispute counts when its record counts (recorded on or before the as-of date,
/// known at the known-at instant, recorded by the recorded-by instant), and it is open unless its resolution counts too.
/// So a dispute resolved by the as-of date is not listed from its resolution on; one whose record is known only after the
/// known-at instant is not listed at all.</para>
/// <para>Which subjects an answer includes: a portfolio or a financial-year answer, each commitment in it; a recruitment
/// summary, each target in it; a command overview, the command and each commitment and target under its name; a
/// legislation overview or a provisions answer, the legislation; an indicator overview, the indicator.</para>
/// <para>Example: on the 2024 reference timeline the September £75m is disputed (where the money came from). Asked as of
/// 31 December 2024, the portfolio, the Border Security Command's funding, its overview and its financial-year answer
/// each list that dispute; asked as of 1 September 2024, or known at an instant before the dispute was recorded, none does.</para>
/// </remarks>
public static class OpenDisputes
{
    /// <summary>The open disputes about any of some subjects, in dispute-id order (ordinal).</summary>
    /// <param name="disputes">The disputes as of the question (each folded over its events that count), open and resolved.</param>
    /// <param name="subjectIds">The stream ids of the subjects the answer includes.</param>
    /// <returns>The open ones about those subjects.</returns>
    public static IReadOnlyList<Dispute> About(IEnumerable<Dispute> disputes, IEnumerable<string> subjectIds)
    {
        Guard.Against.Null(disputes);
        Guard.Against.Null(subjectIds);

        // An answer names thousands of subjects and is disputed about a few: hash the open disputes' subjects, not the answer's.
        var open = disputes.Where(d => d.IsOpen).ToList();
        if (open.Count == 0)
        {
            return [];
        }

        var disputed = open.SelectMany(d => d.SubjectIds).ToHashSet(StringComparer.Ordinal);
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subjectId in subjectIds)
        {
            if (disputed.Contains(subjectId))
            {
                included.Add(subjectId);
            }
        }

        return [.. open.Where(d => d.SubjectIds.Any(included.Contains)).OrderBy(d => d.DisputeId, StringComparer.Ordinal)];
    }

    /// <summary>The portfolio with the open disputes about its commitments.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="FundingPortfolio.OpenDisputes"/> set.</returns>
    public static FundingPortfolio Attach(FundingPortfolio answer, IEnumerable<Dispute> disputes) =>
        Guard.Against.Null(answer) with { OpenDisputes = About(disputes, answer.Commitments.Select(c => c.CommitmentId)) };

    /// <summary>The financial-year answer with the open disputes about the commitments it counts.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="FinancialYearFunding.OpenDisputes"/> set.</returns>
    public static FinancialYearFunding Attach(FinancialYearFunding answer, IEnumerable<Dispute> disputes) =>
        Guard.Against.Null(answer) with { OpenDisputes = About(disputes, answer.Commitments.Select(c => c.CommitmentId)) };

    /// <summary>The recruitment summary with the open disputes about its targets.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="RecruitmentSummary.OpenDisputes"/> set.</returns>
    public static RecruitmentSummary Attach(RecruitmentSummary answer, IEnumerable<Dispute> disputes) =>
        Guard.Against.Null(answer) with { OpenDisputes = About(disputes, answer.Organisations.SelectMany(o => o.Targets).Select(t => t.TargetId)) };

    /// <summary>The command overview with the open disputes about the command and the commitments and targets under its name.</summary>
    /// <param name="answer">The answer, or <see langword="null"/> when the command does not exist for the question.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="CommandOverview.OpenDisputes"/> set, or <see langword="null"/>.</returns>
    public static CommandOverview? Attach(CommandOverview? answer, IEnumerable<Dispute> disputes) =>
        answer is null
            ? null
            : answer with
            {
                OpenDisputes = About(disputes, answer.Funding.CommitmentIds.Append(answer.Command.CommandId)
                    .Concat(answer.Recruitment.Targets.Select(t => t.TargetId))),
            };

    /// <summary>The legislation overview with the open disputes about the legislation.</summary>
    /// <param name="answer">The answer, or <see langword="null"/> when the legislation does not exist for the question.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="LegislationOverview.OpenDisputes"/> set, or <see langword="null"/>.</returns>
    public static LegislationOverview? Attach(LegislationOverview? answer, IEnumerable<Dispute> disputes) =>
        answer is null ? null : answer with { OpenDisputes = About(disputes, [answer.LegislationId]) };

    /// <summary>The indicator overview with the open disputes about the indicator.</summary>
    /// <param name="answer">The answer, or <see langword="null"/> when the indicator is not defined for the question.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="IndicatorOverview.OpenDisputes"/> set, or <see langword="null"/>.</returns>
    public static IndicatorOverview? Attach(IndicatorOverview? answer, IEnumerable<Dispute> disputes) =>
        answer is null ? null : answer with { OpenDisputes = About(disputes, [answer.IndicatorId]) };

    /// <summary>The pledge overview with the open disputes about the pledge.</summary>
    /// <param name="answer">The answer, or <see langword="null"/> when the pledge is not made for the question.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="PledgeOverview.OpenDisputes"/> set, or <see langword="null"/>.</returns>
    public static PledgeOverview? Attach(PledgeOverview? answer, IEnumerable<Dispute> disputes) =>
        answer is null ? null : answer with { OpenDisputes = About(disputes, [answer.PledgeId]) };

    /// <summary>The provisions answer with the open disputes about the legislation.</summary>
    /// <param name="answer">The answer, or <see langword="null"/> when the legislation does not exist for the question.</param>
    /// <param name="disputes">The disputes as of its question.</param>
    /// <returns>The answer with <see cref="ProvisionsInForce.OpenDisputes"/> set, or <see langword="null"/>.</returns>
    public static ProvisionsInForce? Attach(ProvisionsInForce? answer, IEnumerable<Dispute> disputes) =>
        answer is null ? null : answer with { OpenDisputes = About(disputes, [answer.LegislationId]) };
}

/// <content>The open disputes about its commitments.</content>
public sealed partial record FundingPortfolio
{
    /// <summary>The disputes open for the question about any commitment in the portfolio, in dispute-id order; each names the subjects it concerns (its <c>SubjectIds</c>), among them at least one commitment of the portfolio. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}

/// <content>The open disputes about the commitments it counts.</content>
public sealed partial record FinancialYearFunding
{
    /// <summary>The disputes open for the question about any commitment counted, in dispute-id order. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}

/// <content>The open disputes about its targets.</content>
public sealed partial record RecruitmentSummary
{
    /// <summary>The disputes open for the question about any target in the summary, in dispute-id order. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}

/// <content>The open disputes about the command, its commitments and its targets.</content>
public sealed partial record CommandOverview
{
    /// <summary>The disputes open for the question about the command or any commitment or target in the overview, in dispute-id order. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}

/// <content>The open disputes about the legislation.</content>
public sealed partial record LegislationOverview
{
    /// <summary>The disputes open for the question about the legislation, in dispute-id order. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}

/// <content>The open disputes about the legislation.</content>
public sealed partial record ProvisionsInForce
{
    /// <summary>The disputes open for the question about the legislation, in dispute-id order. See <see cref="Projections.OpenDisputes"/>.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];
}
