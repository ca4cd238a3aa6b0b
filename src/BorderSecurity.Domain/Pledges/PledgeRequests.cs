namespace BorderSecurity.Domain.Pledges;

/// <summary>A request to record a pledge or a verdict on it. Decided by <see cref="PledgeDecider"/>.</summary>
public interface IPledgeRequest : IBorderSecurityRequest;

/// <summary>Record a pledge. Emits <see cref="PledgeMade"/>.</summary>
public sealed record MakePledge : IPledgeRequest
{
    /// <summary>The new pledge's stream id.</summary>
    public required PledgeId PledgeId { get; init; }

    /// <summary>What was promised, in a short line.</summary>
    public required string Text { get; init; }

    /// <summary>Who made it.</summary>
    public required string MadeBy { get; init; }

    /// <summary>The pledge this one is a part of (it must already be recorded); <see langword="null"/> (the default) for a whole pledge.</summary>
    public PledgeId? PartOf { get; init; }

    /// <summary>When it was made.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that state it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="PledgeId"/>.</summary>
    public StreamId StreamId => PledgeId;

    /// <summary>Two are equal when every field is, the wholes compared by their text.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(MakePledge? other) =>
        other is not null && Equals(PledgeId, other.PledgeId) && Text == other.Text && MadeBy == other.MadeBy && PartOf?.Value == other.PartOf?.Value
        && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PledgeId, Text, ValidOn);
}

/// <summary>Link what delivers or measures a pledge to it. Emits <see cref="PledgeDelivererLinked"/>.</summary>
public sealed record LinkPledgeDeliverer : IPledgeRequest
{
    /// <summary>The pledge's stream id; the pledge must be recorded.</summary>
    public required PledgeId PledgeId { get; init; }

    /// <summary>The stream id of a commitment, target, bill or Act, command or outcome indicator the store already holds.</summary>
    public required StreamId SubjectId { get; init; }

    /// <summary>When the sources tie it to the pledge; not before the pledge was made.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that tie it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="PledgeId"/>.</summary>
    public StreamId StreamId => PledgeId;

    /// <summary>Two are equal when every field is, the subjects compared by their text.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(LinkPledgeDeliverer? other) =>
        other is not null && Equals(PledgeId, other.PledgeId) && SubjectId?.Value == other.SubjectId?.Value && ValidOn == other.ValidOn
        && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PledgeId, SubjectId?.Value, ValidOn);
}

/// <summary>Record a named assessor's verdict on a pledge. Emits <see cref="VerdictGiven"/>.</summary>
public sealed record GiveVerdict : IPledgeRequest
{
    /// <summary>The pledge's stream id; the pledge must be recorded.</summary>
    public required PledgeId PledgeId { get; init; }

    /// <summary>Who judged.</summary>
    public required string Assessor { get; init; }

    /// <summary>The verdict.</summary>
    public required VerdictRating Rating { get; init; }

    /// <summary>What it rests on, in words.</summary>
    public required string Evidence { get; init; }

    /// <summary>The date it stands from; not before the pledge was made.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources: the assessor's own page at least.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="PledgeId"/>.</summary>
    public StreamId StreamId => PledgeId;
}
