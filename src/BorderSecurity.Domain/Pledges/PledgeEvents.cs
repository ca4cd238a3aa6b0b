namespace BorderSecurity.Domain.Pledges;

/// <summary>How an assessor rates a pledge (the scale of Full Fact's government tracker).</summary>
public enum VerdictRating
{
    /// <summary>Done.</summary>
    Achieved = 0,

    /// <summary>Not done yet, but going as promised.</summary>
    OnTrack = 1,

    /// <summary>Some steps taken.</summary>
    SignsOfProgress = 2,

    /// <summary>Not going as promised.</summary>
    OffTrack = 3,

    /// <summary>Broken.</summary>
    NotKept = 4,

    /// <summary>The assessor says it cannot be rated (too vague, or no evidence either way).</summary>
    CannotBeRated = 5,
}

/// <summary>A pledge was made: what was promised and by whom. Creates the pledge; what delivers it is linked after (<see cref="PledgeDelivererLinked"/>).</summary>
/// <param name="PledgeId">The pledge's stream id.</param>
/// <param name="Text">What was promised, in a short line, for example <c>Create a Border Security Command</c>.</param>
/// <param name="MadeBy">Who made it.</param>
/// <param name="PartOf">The pledge it is a part of, for a broad pledge split into parts rated separately; else <see langword="null"/>.</param>
/// <param name="ValidOn">When it was made (the earliest date its sources give).</param>
/// <param name="Provenance">The sources that state it.</param>
[EventName("pledge.made.v1")]
public sealed record PledgeMade(
    string PledgeId, string Text, string MadeBy, string? PartOf, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => PledgeId;
}

/// <summary>
/// A commitment, target, bill or Act, command or outcome indicator was linked to a pledge as what delivers or measures it,
/// from <paramref name="ValidOn"/> on (as the sources tie it to the pledge).
/// </summary>
/// <param name="PledgeId">The pledge's stream id.</param>
/// <param name="SubjectId">The stream id of what delivers or measures it.</param>
/// <param name="ValidOn">When the sources tie it to the pledge.</param>
/// <param name="Provenance">The sources that tie it.</param>
[EventName("pledge.deliverer-linked.v1")]
public sealed record PledgeDelivererLinked(string PledgeId, string SubjectId, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => PledgeId;
}

/// <summary>A named assessor gave a verdict on a pledge, on the evidence stated.</summary>
/// <param name="PledgeId">The pledge's stream id.</param>
/// <param name="Assessor">Who judged, for example <c>Full Fact</c>.</param>
/// <param name="Rating">The verdict.</param>
/// <param name="Evidence">What the verdict rests on, in words.</param>
/// <param name="ValidOn">The date the verdict stands from.</param>
/// <param name="Provenance">The sources: the assessor's own page at least.</param>
[EventName("pledge.verdict-given.v1")]
public sealed record VerdictGiven(string PledgeId, string Assessor, VerdictRating Rating, string Evidence, LocalDate ValidOn, Provenance Provenance)
    : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => PledgeId;
}
