namespace BorderSecurity.Domain.Disputes;

/// <summary>One side of a dispute: what it says about the fact, and the sources that say it.</summary>
/// <param name="Says">What this side says, for example <c>new investment</c>.</param>
/// <param name="Provenance">The sources that say it; at least one.</param>
public sealed record DisputeSide(string Says, Provenance Provenance);

/// <summary>
/// Sources disagree about a fact that one or more commitments, targets, bills, commands, outcome indicators or pledges
/// state (a figure both a commitment and a recruitment target state is disputed once). Creates the dispute, open.
/// Recording a dispute changes no figure: the subjects' own events still decide what is counted.
/// </summary>
/// <remarks>
/// Wire name <c>dispute.recorded.v2</c>. Events stored as <c>dispute.recorded.v1</c> (one <c>SubjectId</c>) are read as
/// this event with that one subject (<see cref="DisputeRecordedV1.Forward"/>).
/// </remarks>
/// <param name="DisputeId">The dispute's stream id.</param>
/// <param name="SubjectIds">
/// The stream ids of what the fact is about, in the order recorded: at least one, none twice, each a commitment, target,
/// bill, command, outcome indicator or pledge.
/// </param>
/// <param name="Fact">The fact disputed, as a short name, for example <c>origin of the money</c>.</param>
/// <param name="Sides">Each side, in the order recorded; at least two, each with its sources.</param>
/// <param name="ValidOn">When the sources were seen to disagree (the latest side's date).</param>
/// <param name="Provenance">The sources of the record: every side's sources, or those that report the disagreement.</param>
[EventName("dispute.recorded.v2")]
public sealed record DisputeRecorded(
    string DisputeId, IReadOnlyList<string> SubjectIds, string Fact, IReadOnlyList<DisputeSide> Sides, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => DisputeId;

    /// <summary>Two are equal when every field is, the subjects and the sides compared in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(DisputeRecorded? other) =>
        other is not null && DisputeId == other.DisputeId
        && (ReferenceEquals(SubjectIds, other.SubjectIds) || (SubjectIds is not null && other.SubjectIds is not null && SubjectIds.SequenceEqual(other.SubjectIds)))
        && Fact == other.Fact
        && (ReferenceEquals(Sides, other.Sides) || (Sides is not null && other.Sides is not null && Sides.SequenceEqual(other.Sides)))
        && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisputeId, SubjectIds?.Count, Fact, Sides?.Count, ValidOn, Provenance);
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
