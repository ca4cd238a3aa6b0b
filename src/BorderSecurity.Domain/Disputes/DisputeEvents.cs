namespace BorderSecurity.Domain.Disputes;

/// <summary>One side of a dispute: what it says about the fact, and the sources that say it.</summary>
/// <param name="Says">What this side says, for example <c>new investment</c>.</param>
/// <param name="Provenance">The sources that say it; at least one.</param>
public sealed record DisputeSide(string Says, Provenance Provenance);

/// <summary>
/// Sources disagree about a fact of a commitment, target, bill, command, outcome indicator or pledge. Creates the dispute, open. Recording a
/// dispute changes no figure: the subject's own events still decide what is counted.
/// </summary>
/// <param name="DisputeId">The dispute's stream id.</param>
/// <param name="SubjectId">The stream id of what the fact is about: a commitment, target, bill, command, outcome indicator or pledge.</param>
/// <param name="Fact">The fact disputed, as a short name, for example <c>origin of the money</c>.</param>
/// <param name="Sides">Each side, in the order recorded; at least two, each with its sources.</param>
/// <param name="ValidOn">When the sources were seen to disagree (the latest side's date).</param>
/// <param name="Provenance">The sources of the record: every side's sources, or those that report the disagreement.</param>
[EventName("dispute.recorded.v1")]
public sealed record DisputeRecorded(
    string DisputeId, string SubjectId, string Fact, IReadOnlyList<DisputeSide> Sides, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => DisputeId;

    /// <summary>Two are equal when every field is, the sides compared in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(DisputeRecorded? other) =>
        other is not null && DisputeId == other.DisputeId && SubjectId == other.SubjectId && Fact == other.Fact
        && (ReferenceEquals(Sides, other.Sides) || (Sides is not null && other.Sides is not null && Sides.SequenceEqual(other.Sides)))
        && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisputeId, SubjectId, Fact, Sides?.Count, ValidOn, Provenance);
}

/// <summary>An open dispute was resolved: one side prevailed, or a resolution was stated; closes the dispute.</summary>
/// <param name="DisputeId">The dispute's stream id.</param>
/// <param name="FavouredSide">The side that prevailed, numbered from 1 in <see cref="DisputeRecorded.Sides"/>; <see langword="null"/> when the resolution is neither side.</param>
/// <param name="Resolution">What is now taken as the fact: the prevailing side's words, or the stated resolution.</param>
/// <param name="Why">Why it was resolved so.</param>
/// <param name="ValidOn">When; not before the dispute was recorded.</param>
/// <param name="Provenance">The sources that settle it.</param>
[EventName("dispute.resolved.v1")]
public sealed record DisputeResolved(
    string DisputeId, int? FavouredSide, string Resolution, string Why, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => DisputeId;
}
