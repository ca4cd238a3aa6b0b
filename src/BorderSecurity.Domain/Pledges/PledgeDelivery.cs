using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Pledges;

/// <summary>
/// A pledge's delivery view as of a question: what was promised, what delivers it as each question of the contract answers
/// it (the commitments with what they add up to, the targets with people in post, the legislation's stage, the commands,
/// the outcome figures beside them), the verdicts, and every dispute open about any of them. Every figure carries its
/// sources, as the answer it comes from does.
/// </summary>
/// <param name="Pledge">The pledge with its verdict history (<see cref="Pledges.Pledge.LatestVerdict"/> stands).</param>
/// <param name="Promised">
/// The money of <paramref name="Commitments"/>, by the one totals rule: the sum of amounts (<see cref="FundingTotals.Total"/>)
/// with yearly levels kept apart (<see cref="FundingTotals.YearlyLevels"/>), never added to it.
/// </param>
/// <param name="Commitments">The commitments it names that exist as of the question, in the pledge's order.</param>
/// <param name="Targets">The recruitment targets it names: headcount, people in post and gap.</param>
/// <param name="Legislation">The bills and Acts it names, with their stage.</param>
/// <param name="Commands">The commands it names.</param>
/// <param name="Outcomes">The outcome indicators it names: the figures beside the promise.</param>
/// <param name="NotRecorded">What it names that does not exist as of the question (not yet recorded, or dated later).</param>
public sealed record PledgeDelivery(
    PledgeOverview Pledge,
    FundingTotals Promised,
    IReadOnlyList<CommitmentPosition> Commitments,
    IReadOnlyList<TargetPosition> Targets,
    IReadOnlyList<LegislationOverview> Legislation,
    IReadOnlyList<CommandOverview> Commands,
    IReadOnlyList<IndicatorOverview> Outcomes,
    IReadOnlyList<string> NotRecorded)
{
    /// <summary>People in post against the targets' headcounts, summed over the targets it names.</summary>
    public (int Headcount, int InPost) People => (Targets.Sum(t => t.Headcount), Targets.Sum(t => t.InPost));

    /// <summary>
    /// The money delivered against <see cref="Commitments"/>: spent so far, still to spend and any overspend, by financial year
    /// (see <see cref="FundingDelivery"/>); nothing spent while no spending is reported.
    /// </summary>
    public FundingDelivery? Spending { get; init; }

    /// <summary>The disputes open for the question about the pledge or anything it names, each once, in dispute-id order.</summary>
    public IReadOnlyList<Dispute> OpenDisputes { get; init; } = [];

    /// <summary>
    /// Asks the store for a pledge's delivery view: the pledge, then each question that answers for what it names (the
    /// portfolio, the recruitment summary, and one question per bill, command or indicator), all as of the same question.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="pledgeId">The pledge.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the questions.</param>
    /// <returns>The delivery view, or <see langword="null"/> if the pledge was not made as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="pledgeId"/> is null.</exception>
    public static async Task<PledgeDelivery?> OfAsync(IBorderSecurityQueries store, PledgeId pledgeId, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        Guard.Against.Null(pledgeId);
        if (await store.PledgeOfAsync(pledgeId, query, cancellationToken).ConfigureAwait(false) is not { } pledge)
        {
            return null;
        }

        var named = pledge.Pledge.DeliveredBy;
        var funding = named.Count == 0 ? null : await store.FundingAsync(query, cancellationToken).ConfigureAwait(false);
        var recruitment = named.Count == 0 ? null : await store.RecruitmentAsync(query, cancellationToken).ConfigureAwait(false);
        var commitments = new List<CommitmentPosition>();
        var targets = new List<TargetPosition>();
        var legislation = new List<LegislationOverview>();
        var commands = new List<CommandOverview>();
        var outcomes = new List<IndicatorOverview>();
        var notRecorded = new List<string>();
        var disputes = new List<Dispute>(pledge.OpenDisputes);
        foreach (var id in named)
        {
            if (funding!.Commitments.FirstOrDefault(c => c.CommitmentId == id) is { } commitment)
            {
                commitments.Add(commitment);
                disputes.AddRange(funding.OpenDisputes.Where(d => d.IsAbout(id)));
            }
            else if (recruitment!.Organisations.SelectMany(o => o.Targets).FirstOrDefault(t => t.TargetId == id) is { } target)
            {
                targets.Add(target);
                disputes.AddRange(recruitment.OpenDisputes.Where(d => d.IsAbout(id)));
            }
            else if (await store.LegislationOfAsync(new LegislationId(id), query, cancellationToken).ConfigureAwait(false) is { } bill)
            {
                legislation.Add(bill);
                disputes.AddRange(bill.OpenDisputes);
            }
            else if (await store.CommandAsync(new Commands.CommandId(id), query, cancellationToken).ConfigureAwait(false) is { } command)
            {
                commands.Add(command);
                disputes.AddRange(command.OpenDisputes.Where(d => d.IsAbout(id)));
            }
            else if (await store.IndicatorOfAsync(new IndicatorId(id), query, cancellationToken).ConfigureAwait(false) is { } indicator)
            {
                outcomes.Add(indicator);
                disputes.AddRange(indicator.OpenDisputes);
            }
            else
            {
                notRecorded.Add(id);
            }
        }

        return new PledgeDelivery(pledge, FundingTotals.Of(commitments), commitments, targets, legislation, commands, outcomes, notRecorded)
        {
            Spending = FundingDelivery.Of(query, null, commitments),
            OpenDisputes = [.. disputes.DistinctBy(d => d.DisputeId).OrderBy(d => d.DisputeId, StringComparer.Ordinal)],
        };
    }
}
