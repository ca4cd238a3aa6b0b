namespace BorderSecurity.Domain.Commands;

/// <summary>A request to change an organisational command. Decided by <see cref="CommandDecider"/>.</summary>
public interface ICommandRequest : IBorderSecurityRequest;

/// <summary>Record that a command was established. Emits <see cref="CommandEstablished"/>.</summary>
/// <param name="CommandId">The new command's stream id.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentDepartment">Its department.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record EstablishCommand(
    string CommandId, string Name, string ParentDepartment, LocalDate ValidOn, Provenance Provenance) : ICommandRequest
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>Record a leader's appointment. Emits <see cref="CommandLeaderAppointed"/>.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="LeaderName">The leader's name.</param>
/// <param name="PostTitle">The post.</param>
/// <param name="Honours">Post-nominal honours, or <see langword="null"/>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record AppointCommandLeader(
    string CommandId, string LeaderName, string PostTitle, string? Honours, LocalDate ValidOn, Provenance Provenance) : ICommandRequest
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>Record that an agency came under the command's coordination. Emits <see cref="AgencyJoinedCommand"/>.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="Agency">The agency.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record JoinAgencyToCommand(
    string CommandId, string Agency, LocalDate ValidOn, Provenance Provenance) : ICommandRequest
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>Record that an agency left the command's coordination. Emits <see cref="AgencyLeftCommand"/>.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="Agency">The agency.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record RemoveAgencyFromCommand(
    string CommandId, string Agency, string Reason, LocalDate ValidOn, Provenance Provenance) : ICommandRequest
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>Record that a unit was created. Emits <see cref="CommandUnitCreated"/>.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="UnitName">The unit.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CreateCommandUnit(
    string CommandId, string UnitName, string Purpose, LocalDate ValidOn, Provenance Provenance) : ICommandRequest
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>Record that provisions of an Act conferred powers on the command. Emits <see cref="CommandPowersConferred"/>.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">
/// The provisions that confer the powers, as the Act numbers them (for example <c>section 1</c>); each must be in force
/// on <paramref name="ValidOn"/>. Empty only when the source does not name them (as in timeline files of format 1):
/// then the Act must be in force.
/// </param>
/// <param name="Powers">The powers.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record ConferCommandPowers(
    string CommandId, string LegislationId, IReadOnlyList<string> Provisions, string Powers, LocalDate ValidOn, Provenance Provenance) : ICommandRequest
{
    /// <inheritdoc />
    public string StreamId => CommandId;

    /// <summary>Two requests are equal when every field is, the provisions compared in order.</summary>
    /// <param name="other">The other request.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ConferCommandPowers? other) =>
        other is not null && CommandId == other.CommandId && LegislationId == other.LegislationId
        && (ReferenceEquals(Provisions, other.Provisions) || (Provisions is not null && other.Provisions is not null && Provisions.SequenceEqual(other.Provisions)))
        && Powers == other.Powers && ValidOn == other.ValidOn && Equals(Provenance, other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CommandId, LegislationId, Provisions?.Count, Powers, ValidOn, Provenance);
}

/// <summary>Record an international agreement the command works under. Emits <see cref="InternationalAgreementJoined"/>.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="Agreement">The agreement.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record JoinInternationalAgreement(
    string CommandId, string Agreement, LocalDate ValidOn, Provenance Provenance) : ICommandRequest
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}
