using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Commands;

/// <summary>A request to change an organisational command. Decided by <see cref="CommandDecider"/>.</summary>
public interface ICommandRequest : IBorderSecurityRequest;

/// <summary>Record that a command was established. Emits <see cref="CommandEstablished"/>.</summary>
public sealed record EstablishCommand : ICommandRequest
{
    /// <summary>The new command's stream id.</summary>
    public required CommandId CommandId { get; init; }

    /// <summary>The command, as the organisation it is (the name money and targets name it by).</summary>
    public required Organisation Name { get; init; }

    /// <summary>Its department, for example <c>Home Office</c>.</summary>
    public required Organisation ParentDepartment { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommandId"/>.</summary>
    public StreamId StreamId => CommandId;
}

/// <summary>Record a leader's appointment. Emits <see cref="CommandLeaderAppointed"/>.</summary>
public sealed record AppointCommandLeader : ICommandRequest
{
    /// <summary>The command's stream id.</summary>
    public required CommandId CommandId { get; init; }

    /// <summary>The leader's name, for example <c>Martin Hewitt</c>.</summary>
    public required string LeaderName { get; init; }

    /// <summary>The post, for example <c>Border Security Commander</c>.</summary>
    public required string PostTitle { get; init; }

    /// <summary>Post-nominal honours, for example <c>CBE QPM</c>, or <see langword="null"/> (the default) when none are stated.</summary>
    public string? Honours { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommandId"/>.</summary>
    public StreamId StreamId => CommandId;
}

/// <summary>Record that an agency came under the command's coordination. Emits <see cref="AgencyJoinedCommand"/>.</summary>
public sealed record JoinAgencyToCommand : ICommandRequest
{
    /// <summary>The command's stream id.</summary>
    public required CommandId CommandId { get; init; }

    /// <summary>The agency, for example <c>National Crime Agency</c>.</summary>
    public required Organisation Agency { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommandId"/>.</summary>
    public StreamId StreamId => CommandId;
}

/// <summary>Record that an agency left the command's coordination. Emits <see cref="AgencyLeftCommand"/>.</summary>
public sealed record RemoveAgencyFromCommand : ICommandRequest
{
    /// <summary>The command's stream id.</summary>
    public required CommandId CommandId { get; init; }

    /// <summary>The agency.</summary>
    public required Organisation Agency { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommandId"/>.</summary>
    public StreamId StreamId => CommandId;
}

/// <summary>Record that a unit was created. Emits <see cref="CommandUnitCreated"/>.</summary>
public sealed record CreateCommandUnit : ICommandRequest
{
    /// <summary>The command's stream id.</summary>
    public required CommandId CommandId { get; init; }

    /// <summary>The unit's name, unique within the command.</summary>
    public required string UnitName { get; init; }

    /// <summary>What it is for.</summary>
    public required string Purpose { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommandId"/>.</summary>
    public StreamId StreamId => CommandId;
}

/// <summary>Record that provisions of an Act conferred powers on the command. Emits <see cref="CommandPowersConferred"/>.</summary>
public sealed record ConferCommandPowers : ICommandRequest
{
    /// <summary>The command's stream id.</summary>
    public required CommandId CommandId { get; init; }

    /// <summary>The Act's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>
    /// The provisions that confer the powers, as the Act numbers them (for example <c>section 1</c>); each must be in force
    /// on <see cref="ValidOn"/>. Empty only when the source does not name them (as in timeline files of format 1):
    /// then the Act must be in force.
    /// </summary>
    public required IReadOnlyList<string> Provisions { get; init; }

    /// <summary>The powers.</summary>
    public required string Powers { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommandId"/>.</summary>
    public StreamId StreamId => CommandId;

    /// <summary>Two requests are equal when every field is, the provisions compared in order.</summary>
    /// <param name="other">The other request.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ConferCommandPowers? other) =>
        other is not null && Equals(CommandId, other.CommandId) && Equals(LegislationId, other.LegislationId)
        && (ReferenceEquals(Provisions, other.Provisions) || (Provisions is not null && other.Provisions is not null && Provisions.SequenceEqual(other.Provisions)))
        && Powers == other.Powers && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CommandId, LegislationId, Provisions?.Count, Powers, ValidOn, Provenance);
}

/// <summary>Record an international agreement the command works under. Emits <see cref="InternationalAgreementJoined"/>.</summary>
public sealed record JoinInternationalAgreement : ICommandRequest
{
    /// <summary>The command's stream id.</summary>
    public required CommandId CommandId { get; init; }

    /// <summary>The agreement.</summary>
    public required string Agreement { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="CommandId"/>.</summary>
    public StreamId StreamId => CommandId;
}
