namespace BorderSecurity.Domain.Disputes;

/// <summary>How a dispute was resolved.</summary>
/// <param name="FavouredSide">The side that prevailed, numbered from 1, or <see langword="null"/>.</param>
/// <param name="Resolution">What is now taken as the fact.</param>
/// <param name="Why">Why.</param>
/// <param name="On">When.</param>
/// <param name="Provenance">The sources that settle it.</param>
public sealed record DisputeResolution(int? FavouredSide, string Resolution, string Why, LocalDate On, Provenance Provenance);

/// <summary>The state of one dispute, folded from its events: a fact of one or more subjects the sources disagree about.</summary>
/// <param name="DisputeId">The stream id.</param>
/// <param name="SubjectIds">
/// The stream ids of the commitments, targets, bills, commands, outcome indicators or pledges the fact is about, in the
/// order recorded; at least one. Every answer that includes any of them lists the dispute while it is open.
/// </param>
/// <param name="Fact">The fact disputed.</param>
/// <param name="Sides">Each side with its sources, in the order recorded.</param>
/// <param name="RecordedOn">The valid date of the record.</param>
/// <param name="Resolution">The resolution, or <see langword="null"/> while the dispute is open.</param>
/// <param name="Sources">Every source cited by the record, its sides and its resolution, each once.</param>
public sealed record Dispute(
    string DisputeId,
    IReadOnlyList<string> SubjectIds,
    string Fact,
    IReadOnlyList<DisputeSide> Sides,
    LocalDate RecordedOn,
    DisputeResolution? Resolution,
    ImmutableList<SourceReference> Sources)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(Dispute);

    /// <summary>Whether the dispute is still open (not resolved).</summary>
    public bool IsOpen => Resolution is null;

    /// <summary>The first subject the dispute names (<see cref="SubjectIds"/>[0]).</summary>
    /// <remarks>
    /// Kept so code written when a dispute concerned exactly one subject still compiles; a dispute may now concern several,
    /// so read <see cref="SubjectIds"/> (or ask <see cref="IsAbout"/>). Not written to JSON.
    /// </remarks>
    [Obsolete("A dispute may concern several subjects: read SubjectIds, or ask IsAbout(subjectId).")]
    [System.Text.Json.Serialization.JsonIgnore]
    public string SubjectId => SubjectIds[0];

    /// <summary>Whether the dispute is about a subject: whether <see cref="SubjectIds"/> names it.</summary>
    /// <param name="subjectId">A stream id.</param>
    /// <returns><see langword="true"/> when the dispute names it.</returns>
    public bool IsAbout(string subjectId) => SubjectIds.Contains(subjectId, StringComparer.Ordinal);

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the dispute is recorded.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    public static Dispute? Evolve(Dispute? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, DisputeRecorded e) => new Dispute(e.DisputeId, e.SubjectIds, e.Fact, e.Sides, e.ValidOn, null,
                e.Sides.Aggregate(ImmutableList<SourceReference>.Empty.Cite(e.Provenance), (s, side) => s.Cite(side.Provenance))),
            (null, _) => null,
            ({ Resolution: null }, DisputeResolved e) => state with
            {
                Resolution = new DisputeResolution(e.FavouredSide, e.Resolution, e.Why, e.ValidOn, e.Provenance),
                Sources = state.Sources.Cite(e.Provenance),
            },
            _ => state,
        };
}
