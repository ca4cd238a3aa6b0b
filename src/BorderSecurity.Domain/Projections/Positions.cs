using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// One funding commitment's latest figures as of a question, as a store found them: for each figure, its latest statement
/// that counts on both axes (the greatest valid date, then sequence, among the statements the question knows; see
/// docs/projections.md). Each store fills it from its own storage (the in-memory store from its statement lists, the
/// Marten store from its tables), and <see cref="Positions.Commitment"/> builds the position from it, the same way for every store.
/// </summary>
public sealed class LatestCommitmentFigures
{
    /// <summary>The latest creation that counts (a pledge or a redirect), or <see langword="null"/> if none does: then there is no position.</summary>
    public CommitmentCreation? Creation { get; init; }

    /// <summary>The valid date of <see cref="Creation"/>: when the commitment was made.</summary>
    public LocalDate CreatedOn { get; init; }

    /// <summary>The latest amount that counts, in pounds, or <see langword="null"/> if none does: then there is no position.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Whether a withdrawal counts.</summary>
    public bool IsWithdrawn { get; init; }

    /// <summary>
    /// The latest period that counts, or <see langword="null"/> if none does (a Marten database written before period
    /// statements existed, and not rebuilt): read as not stated.
    /// </summary>
    public FundingPeriod? Period { get; init; }

    /// <summary>The latest allocation to each capability that counts, zero ones included (they are left out of the position), in any order.</summary>
    public IEnumerable<CapabilityAmount> Allocations { get; init; } = [];

    /// <summary>The latest report of each spending line that counts (zero ones included), in any order.</summary>
    public IEnumerable<SpendingLine> Spending { get; init; } = [];

    /// <summary>Every source behind the commitment's events that count, first cited first.</summary>
    public IReadOnlyList<SourceReference> Sources { get; init; } = [];
}

/// <summary>
/// One recruitment target's latest figures as of a question, as a store found them (see <see cref="LatestCommitmentFigures"/>);
/// <see cref="Positions.Target"/> builds the position from it.
/// </summary>
public sealed class LatestTargetFigures
{
    /// <summary>The latest creation that counts (the target set), or <see langword="null"/> if none does: then there is no position.</summary>
    public TargetCreation? Creation { get; init; }

    /// <summary>The latest headcount that counts, or <see langword="null"/> if none does: then there is no position.</summary>
    public decimal? Headcount { get; init; }

    /// <summary>The latest count of people in post that counts, or <see langword="null"/> if none does (none in post).</summary>
    public decimal? InPost { get; init; }

    /// <summary>Whether a statement that the target was met counts.</summary>
    public bool IsMet { get; init; }

    /// <summary>Whether a statement that the target was abandoned counts (it outranks <see cref="IsMet"/>).</summary>
    public bool IsAbandoned { get; init; }

    /// <summary>The latest basis statement that counts (0 firm, 1 "up to"), or <see langword="null"/> if none does (firm).</summary>
    public decimal? Basis { get; init; }

    /// <summary>How many re-announcements count.</summary>
    public int Reannouncements { get; init; }

    /// <summary>Every source behind the target's events that count, first cited first.</summary>
    public IReadOnlyList<SourceReference> Sources { get; init; } = [];
}

/// <summary>
/// Builds positions from latest figures: the one place a commitment's or a target's position is made from what a store
/// read, whichever store read it (in memory or Marten; another store implementation can use it too).
/// </summary>
public static class Positions
{
    private static readonly FundingPeriod NotStated = FundingPeriod.NotStated("");

    /// <summary>
    /// A commitment's position from its latest figures: none until it is created and has an amount; once withdrawn its
    /// amount counts as zero and it has no allocations (its spending stays: money spent stays spent); its allocations are the
    /// non-zero ones, in ordinal order of the capability; its spending lines are in order of year, stage, kind; with no period
    /// stated, its period is "not stated".
    /// </summary>
    /// <param name="latest">What the store found.</param>
    /// <returns>The position, or <see langword="null"/> if the commitment has none as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="latest"/> is null.</exception>
    public static CommitmentPosition? Commitment(LatestCommitmentFigures latest)
    {
        Guard.Against.Null(latest);
        if (latest is not { Creation: { } creation, Amount: { } amount })
        {
            return null;
        }

        var withdrawn = latest.IsWithdrawn;
        CapabilityAmount[] allocations = withdrawn
            ? []
            : [.. latest.Allocations.Where(a => a.Amount > Money.Zero).OrderBy(a => a.Capability, StringComparer.Ordinal)];
        return new CommitmentPosition(creation.CommitmentId, creation.Recipient, new FundingOrigin(creation.OriginKind, creation.OriginName),
            creation.Basis, latest.CreatedOn, withdrawn ? Money.Zero : Money.FromPounds(amount), latest.Period ?? NotStated, allocations, withdrawn,
            latest.Sources)
        {
            Spending = [.. latest.Spending.OrderBy(l => l.Year).ThenBy(l => l.Stage).ThenBy(l => l.Kind)],
        };
    }

    /// <summary>
    /// A recruitment target's position from its latest figures: none until it is set and has a headcount; abandoned
    /// outranks met; once abandoned its headcount and people in post count as zero; announced once plus each re-announcement.
    /// </summary>
    /// <param name="latest">What the store found.</param>
    /// <returns>The position, or <see langword="null"/> if the target has none as of the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="latest"/> is null.</exception>
    public static TargetPosition? Target(LatestTargetFigures latest)
    {
        Guard.Against.Null(latest);
        if (latest is not { Creation: { } set, Headcount: { } headcount })
        {
            return null;
        }

        var status = latest.IsAbandoned ? RecruitmentStatus.Abandoned : latest.IsMet ? RecruitmentStatus.Met : RecruitmentStatus.Active;
        var abandoned = status == RecruitmentStatus.Abandoned;
        return new TargetPosition(set.TargetId, set.Organisation, set.Role, status, abandoned ? 0 : (int)headcount, abandoned ? 0 : (int)(latest.InPost ?? 0),
            set.Deadline, 1 + latest.Reannouncements, latest.Sources, latest.Basis == 1m ? TargetBasis.UpTo : TargetBasis.Firm);
    }
}
