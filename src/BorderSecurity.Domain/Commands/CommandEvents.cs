namespace BorderSecurity.Domain.Commands;

/// <summary>An organisational command was established. Creates the command; nothing can happen to it before.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="Name">Its name, for example <c>Border Security Command</c>.</param>
/// <param name="ParentDepartment">The department it sits in, for example <c>Home Office</c>.</param>
/// <param name="ValidOn">When it was established.</param>
/// <param name="Provenance">The sources.</param>
[EventName("command.established.v1")]
public sealed record CommandEstablished(
    string CommandId, string Name, string ParentDepartment, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>A leader was appointed to the command; they replace any earlier leader from <paramref name="ValidOn"/> on.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="LeaderName">The leader's name, for example <c>Martin Hewitt</c>.</param>
/// <param name="PostTitle">The post, for example <c>Border Security Commander</c>.</param>
/// <param name="Honours">Post-nominal honours, for example <c>CBE QPM</c>, or <see langword="null"/>.</param>
/// <param name="ValidOn">When the appointment was announced.</param>
/// <param name="Provenance">The sources.</param>
[EventName("command.leader-appointed.v1")]
public sealed record CommandLeaderAppointed(
    string CommandId, string LeaderName, string PostTitle, string? Honours, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>An agency came under the command's coordination.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="Agency">The agency, for example <c>National Crime Agency</c>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("command.agency-joined.v1")]
public sealed record AgencyJoinedCommand(
    string CommandId, string Agency, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>An agency left the command's coordination.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="Agency">The agency.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("command.agency-left.v1")]
public sealed record AgencyLeftCommand(
    string CommandId, string Agency, string Reason, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>A unit was created under the command. The valid date is when its creation was announced.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="UnitName">The unit, for example <c>OIC Intelligence Source Unit</c>.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("command.unit-created.v1")]
public sealed record CommandUnitCreated(
    string CommandId, string UnitName, string Purpose, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}

/// <summary>
/// Provisions of an Act conferred powers on the command; the valid date is when they were in force. Replaces
/// <c>command.powers-conferred.v1</c> (<see cref="CommandPowersConferredV1"/>), which named no provisions.
/// </summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">The provisions that confer them; empty only where the source named none (v1 events).</param>
/// <param name="Powers">The powers conferred.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("command.powers-conferred.v2")]
public sealed record CommandPowersConferred(
    string CommandId, string LegislationId, IReadOnlyList<string> Provisions, string Powers, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommandId;

    /// <summary>Two events are equal when every field is, the provisions compared in order.</summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(CommandPowersConferred? other) =>
        other is not null && CommandId == other.CommandId && LegislationId == other.LegislationId && Provisions.SequenceEqual(other.Provisions)
        && Powers == other.Powers && ValidOn == other.ValidOn && Provenance.Equals(other.Provenance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CommandId, LegislationId, Provisions.Count, Powers, ValidOn, Provenance);
}

/// <summary>The UK joined an international agreement that the command works under, for example the G7 action plan against migrant smuggling.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="Agreement">The agreement.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
[EventName("command.international-agreement-joined.v1")]
public sealed record InternationalAgreementJoined(
    string CommandId, string Agreement, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => CommandId;
}
