namespace BorderSecurity.Domain.Disputes;

/// <summary>A request to record or resolve a dispute. Decided by <see cref="DisputeDecider"/>.</summary>
public interface IDisputeRequest : IBorderSecurityRequest;

/// <summary>Record that sources disagree about a fact. Emits <see cref="DisputeRecorded"/>.</summary>
/// <param name="DisputeId">The new dispute's stream id.</param>
/// <param name="SubjectId">The stream id of the commitment, target, bill or command the fact is about.</param>
/// <param name="Fact">The fact disputed, as a short name.</param>
/// <param name="Sides">Each side: at least two, each with at least one source.</param>
/// <param name="ValidOn">When the sources were seen to disagree.</param>
/// <param name="Provenance">The sources of the record.</param>
public sealed record RecordDispute(
    string DisputeId, string SubjectId, string Fact, IReadOnlyList<DisputeSide> Sides, LocalDate ValidOn, Provenance Provenance) : IDisputeRequest
{
    /// <inheritdoc />
    public string StreamId => DisputeId;

    /// <summary>Two are equal when every field is, the sides compared in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(RecordDispute? other) =>
        other is not null && DisputeId == other.DisputeId && SubjectId == other.SubjectId && Fact == other.Fact
        && (ReferenceEquals(Sides, other.Sides) || (Sides is not null && other.Sides is not null && Sides.SequenceEqual(other.Sides)))
        && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisputeId, SubjectId, Fact, Sides?.Count, ValidOn, Provenance);
}

/// <summary>Resolve an open dispute. Emits <see cref="DisputeResolved"/>.</summary>
/// <param name="DisputeId">The dispute's stream id.</param>
/// <param name="FavouredSide">The side that prevailed, numbered from 1; or <see langword="null"/> with a <paramref name="Resolution"/>.</param>
/// <param name="Resolution">The resolution in words; may be omitted when a side prevailed (its words are used).</param>
/// <param name="Why">Why it was resolved so.</param>
/// <param name="ValidOn">When; not before the dispute was recorded.</param>
/// <param name="Provenance">The sources that settle it.</param>
public sealed record ResolveDispute(
    string DisputeId, int? FavouredSide, string? Resolution, string Why, LocalDate ValidOn, Provenance Provenance) : IDisputeRequest
{
    /// <inheritdoc />
    public string StreamId => DisputeId;
}
