using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Projections;

/// <summary>One recruitment target as of a question.</summary>
/// <param name="TargetId">Its stream id.</param>
/// <param name="Organisation">The organisation recruiting.</param>
/// <param name="Role">The role.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Headcount">The headcount that counts (zero once abandoned).</param>
/// <param name="InPost">People in post that count (zero once abandoned).</param>
/// <param name="Deadline">The date by which, where stated.</param>
/// <param name="Announcements">How many times it was announced; a re-announcement adds none to <paramref name="Headcount"/>.</param>
/// <param name="Sources">Every source behind the events that count.</param>
/// <param name="Basis">A firm number or a ceiling ("up to"): <paramref name="Headcount"/> is a ceiling when <see cref="TargetBasis.UpTo"/>.</param>
public sealed record TargetPosition(
    string TargetId,
    string Organisation,
    string Role,
    RecruitmentStatus Status,
    int Headcount,
    int InPost,
    LocalDate? Deadline,
    int Announcements,
    IReadOnlyList<SourceReference> Sources,
    TargetBasis Basis = TargetBasis.Firm)
{
    /// <summary>The headcount as a source would say it: <c>up to 100</c> for a ceiling, <c>300</c> for a firm number.</summary>
    public string StatedHeadcount => Basis == TargetBasis.UpTo ? $"up to {Headcount:#,0}" : $"{Headcount:#,0}";

    /// <summary>People still to recruit: never negative.</summary>
    public int Gap => Math.Max(0, Headcount - InPost);

    /// <summary>The position of a target's folded state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The position.</returns>
    public static TargetPosition Of(RecruitmentTarget state)
    {
        Guard.Against.Null(state);
        return new TargetPosition(state.TargetId, state.Organisation, state.Role, state.Status, state.EffectiveHeadcount,
            state.EffectiveInPost, state.Deadline, state.Announcements, state.Sources, state.Basis);
    }
}

/// <summary>One organisation's recruitment.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Target">Its total headcount target.</param>
/// <param name="InPost">People in post.</param>
/// <param name="Gap">People still to recruit (the sum of each target's gap).</param>
/// <param name="Targets">Its targets, in id order.</param>
public sealed record OrganisationRecruitment(string Organisation, int Target, int InPost, int Gap, IReadOnlyList<TargetPosition> Targets)
{
    /// <summary>Of <see cref="Target"/>, the headcounts that are ceilings ("up to"), not firm numbers: the rest is firm.</summary>
    public int UpTo => Targets.Where(t => t.Basis == TargetBasis.UpTo).Sum(t => t.Headcount);
}

/// <summary>All recruitment as of a question.</summary>
/// <param name="Query">The question.</param>
/// <param name="Target">Total headcount target.</param>
/// <param name="InPost">Total in post.</param>
/// <param name="Gap">Total still to recruit.</param>
/// <param name="Organisations">Each organisation, in name order.</param>
public sealed partial record RecruitmentSummary(AsOfQuery Query, int Target, int InPost, int Gap, IReadOnlyList<OrganisationRecruitment> Organisations)
{
    /// <summary>One organisation's recruitment; zeros if it has no target.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>Its recruitment.</returns>
    public OrganisationRecruitment For(string organisation) =>
        Organisations.FirstOrDefault(o => o.Organisation == organisation) ?? new OrganisationRecruitment(organisation, 0, 0, 0, []);

    /// <summary>Builds the summary from target positions.</summary>
    /// <param name="query">The question.</param>
    /// <param name="targets">The positions.</param>
    /// <returns>The summary.</returns>
    public static RecruitmentSummary Of(AsOfQuery query, IEnumerable<TargetPosition> targets)
    {
        var organisations = Guard.Against.Null(targets)
            .GroupBy(t => t.Organisation)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OrganisationRecruitment(g.Key, g.Sum(t => t.Headcount), g.Sum(t => t.InPost), g.Sum(t => t.Gap),
                [.. g.OrderBy(t => t.TargetId, StringComparer.Ordinal)]))
            .ToArray();
        return new RecruitmentSummary(query, organisations.Sum(o => o.Target), organisations.Sum(o => o.InPost),
            organisations.Sum(o => o.Gap), organisations);
    }
}

/// <summary>
/// People in post set against a target on a date: the headcount that counts, the people in post that count and where the
/// target stands (<see cref="TargetPosition"/>'s figures), as a point of <see cref="Storage.IBorderSecurityQueries.TargetProgressSeriesAsync"/>.
/// </summary>
/// <param name="Headcount">The headcount that counts (zero once abandoned).</param>
/// <param name="InPost">People in post that count (zero once abandoned).</param>
/// <param name="Status">Where the target stands.</param>
/// <param name="Basis">Whether the headcount is a firm number or a ceiling ("up to").</param>
public sealed record TargetProgress(int Headcount, int InPost, RecruitmentStatus Status, TargetBasis Basis = TargetBasis.Firm)
{
    /// <summary>Before the target was set: no headcount, nobody in post (a series starts from it).</summary>
    public static readonly TargetProgress None = new(0, 0, RecruitmentStatus.Active);

    /// <summary>People still to recruit: never negative.</summary>
    public int Gap => Math.Max(0, Headcount - InPost);

    /// <summary>The progress of a target's position.</summary>
    /// <param name="position">The position, or <see langword="null"/> before the target was set.</param>
    /// <returns>Its headcount, people in post and status; <see cref="None"/> for no position.</returns>
    public static TargetProgress Of(TargetPosition? position) =>
        position is null ? None : new TargetProgress(position.Headcount, position.InPost, position.Status, position.Basis);
}
