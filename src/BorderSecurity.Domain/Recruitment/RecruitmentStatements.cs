namespace BorderSecurity.Domain.Recruitment;

/// <summary>What a target's creation fixes for good: whose target it is, for which role, by when.</summary>
/// <param name="TargetId">The target's stream id.</param>
/// <param name="Organisation">The recruiting organisation.</param>
/// <param name="Role">The role.</param>
/// <param name="Deadline">The deadline, if one was stated.</param>
public sealed record TargetCreation(string TargetId, string Organisation, string Role, LocalDate? Deadline);

/// <summary>
/// What each recruitment event states (see <see cref="FigureStatement"/>): the one mapping every store's projection uses,
/// as the aggregate's registration (RecruitmentTargetAggregate) states it.
/// </summary>
public static class RecruitmentStatements
{
    /// <summary>The figures a recruitment event states.</summary>
    /// <param name="e">A recruitment event (any other event states nothing here).</param>
    /// <returns>The statements.</returns>
    public static IReadOnlyList<FigureStatement> Of(IBorderSecurityEvent e) =>
        Aggregates.Of(Guard.Against.Null(e)) is { Aggregate: AggregateKind.RecruitmentTarget } registration ? registration.States(e) : [];

    /// <summary>The creation a target's setting states, or <see langword="null"/> for any other event.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The creation.</returns>
    public static TargetCreation? CreationOf(IBorderSecurityEvent e) => Guard.Against.Null(e) switch
    {
        RecruitmentTargetSet s => new(s.TargetId, s.Organisation, s.Role, s.Deadline),
        _ => null,
    };
}
