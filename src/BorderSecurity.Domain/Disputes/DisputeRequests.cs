namespace BorderSecurity.Domain.Disputes;

/// <summary>A request to record or resolve a dispute. Decided by <see cref="DisputeDecider"/>.</summary>
public interface IDisputeRequest : IBorderSecurityRequest;

/// <summary>
/// Record that sources disagree about a fact of one or more subjects. Emits <see cref="DisputeRecorded"/>. A figure that
/// several subjects state (a commitment and a recruitment target, a commitment and a pledge) is disputed once, naming them all.
/// </summary>
/// <remarks>
/// Timeline files of formats 1 to 4 carry one <c>subjectId</c> (<see cref="RecordDisputeV4"/>), read as a dispute about that
/// one subject. A request about one subject keeps the idempotency key it had then.
/// </remarks>
public sealed record RecordDispute : IDisputeRequest, Serialization.IKeyedInAnEarlierShape
{
    /// <summary>The new dispute's stream id.</summary>
    public required DisputeId DisputeId { get; init; }

    /// <summary>
    /// The stream ids of the commitments, targets, bills, commands, outcome indicators or pledges the fact is about (any
    /// aggregate but a dispute): at least one, none twice, each already in the store.
    /// </summary>
    public required IReadOnlyList<StreamId> SubjectIds { get; init; }

    /// <summary>The fact disputed, as a short name, for example <c>origin of the money</c>.</summary>
    public required string Fact { get; init; }

    /// <summary>Each side: at least two, each with at least one source.</summary>
    public required IReadOnlyList<DisputeSide> Sides { get; init; }

    /// <summary>When the sources were seen to disagree.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources of the record.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="DisputeId"/>.</summary>
    public StreamId StreamId => DisputeId;

    /// <summary>
    /// Two are equal when every field is, the subjects and the sides compared in order and the subjects by their text (a subject named as a
    /// <see cref="Funding.CommitmentId"/> in code is the same subject as the <see cref="Shared.StreamId"/> read from JSON).
    /// </summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(RecordDispute? other) =>
        other is not null && Equals(DisputeId, other.DisputeId)
        && (ReferenceEquals(SubjectIds, other.SubjectIds) || (SubjectIds is not null && other.SubjectIds is not null
            && SubjectIds.Select(s => s?.Value).SequenceEqual(other.SubjectIds.Select(s => s?.Value))))
        && Fact == other.Fact
        && (ReferenceEquals(Sides, other.Sides) || (Sides is not null && other.Sides is not null && Sides.SequenceEqual(other.Sides)))
        && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisputeId, SubjectIds?.Count, Fact, Sides?.Count, ValidOn, Provenance);

    /// <summary>A request about exactly one subject is keyed as files of format 4 wrote it (<see cref="RecordDisputeV4"/>).</summary>
    object Serialization.IKeyedInAnEarlierShape.KeyedAs => SubjectIds is [not null] ? RecordDisputeV4.Of(this) : this;
}

/// <summary>Resolve an open dispute. Emits <see cref="DisputeResolved"/>.</summary>
public sealed record ResolveDispute : IDisputeRequest
{
    /// <summary>The dispute's stream id.</summary>
    public required DisputeId DisputeId { get; init; }

    /// <summary>
    /// The side that prevailed, numbered from 1; or <see langword="null"/> (the default) with a <see cref="Resolution"/>.
    /// </summary>
    public int? FavouredSide { get; init; }

    /// <summary>
    /// The resolution in words; may be omitted (<see langword="null"/>, the default) when a side prevailed (its words are used).
    /// </summary>
    public string? Resolution { get; init; }

    /// <summary>Why it was resolved so.</summary>
    public required string Why { get; init; }

    /// <summary>When; not before the dispute was recorded.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that settle it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="DisputeId"/>.</summary>
    public StreamId StreamId => DisputeId;
}
