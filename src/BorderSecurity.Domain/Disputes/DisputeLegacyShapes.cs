namespace BorderSecurity.Domain.Disputes;

/// <summary>
/// The v1 shape of <see cref="DisputeRecorded"/> (<c>dispute.recorded.v1</c>): a dispute about exactly one subject. Read,
/// never written; mapped forward by <see cref="Forward"/>.
/// </summary>
/// <param name="DisputeId">The dispute's stream id.</param>
/// <param name="SubjectId">The stream id of the one commitment, target, bill, command, outcome indicator or pledge the fact is about.</param>
/// <param name="Fact">The fact disputed.</param>
/// <param name="Sides">Each side, in the order recorded.</param>
/// <param name="ValidOn">When the sources were seen to disagree.</param>
/// <param name="Provenance">The sources of the record.</param>
public sealed record DisputeRecordedV1(
    string DisputeId, string SubjectId, string Fact, IReadOnlyList<DisputeSide> Sides, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The v2 event stating exactly what this one stated: the one subject as the only one.</summary>
    /// <returns>The event in its current shape.</returns>
    public DisputeRecorded Forward() => new(DisputeId, [SubjectId], Fact, Sides, ValidOn, Provenance);
}

/// <summary>
/// <see cref="RecordDispute"/> as timeline files of formats 1 to 4 carried it: one <c>subjectId</c>. Read only (see
/// <see cref="LegacyRequestShape"/>); mapped forward to a dispute about that one subject, keyed as it was keyed then.
/// </summary>
public sealed record RecordDisputeV4
{
    /// <summary>The new dispute's stream id.</summary>
    public required DisputeId DisputeId { get; init; }

    /// <summary>The stream id of the one subject the fact is about.</summary>
    public required StreamId SubjectId { get; init; }

    /// <summary>The fact disputed.</summary>
    public required string Fact { get; init; }

    /// <summary>Each side, with its sources.</summary>
    public required IReadOnlyList<DisputeSide> Sides { get; init; }

    /// <summary>When the sources were seen to disagree.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources of the record.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request was for (written in the files after the fields, not read back): <see cref="DisputeId"/>.</summary>
    public string StreamId => DisputeId?.Value!;

    /// <summary>The request in today's shape: a dispute about the one subject.</summary>
    /// <returns>The request.</returns>
    public RecordDispute Forward() => new()
    {
        DisputeId = DisputeId,
        SubjectIds = [SubjectId],
        Fact = Fact,
        Sides = Sides,
        ValidOn = ValidOn,
        Provenance = Provenance,
    };

    /// <summary>
    /// A request of today about exactly one subject in this shape, which states the same: such a request keeps the
    /// idempotency key the library gave it before disputes could concern several subjects.
    /// </summary>
    /// <param name="request">A request about one subject.</param>
    /// <returns>The same request in this shape.</returns>
    internal static RecordDisputeV4 Of(RecordDispute request) => new()
    {
        DisputeId = request.DisputeId,
        SubjectId = request.SubjectIds[0],
        Fact = request.Fact,
        Sides = request.Sides,
        ValidOn = request.ValidOn,
        Provenance = request.Provenance,
    };
}
