namespace BorderSecurity.Domain.Commands;

/// <summary>A command's leader.</summary>
/// <param name="Name">The leader's name.</param>
/// <param name="PostTitle">The post.</param>
/// <param name="Honours">Post-nominal honours, or <see langword="null"/>.</param>
/// <param name="AppointedOn">When the appointment was announced.</param>
public sealed record CommandLeader(string Name, string PostTitle, string? Honours, LocalDate AppointedOn)
{
    /// <summary>The name with honours, for example <c>Martin Hewitt CBE QPM</c>.</summary>
    public string DisplayName => Honours is null ? Name : $"{Name} {Honours}";
}

/// <summary>Whether an agency is coordinated by the command, as of the latest statement about it.</summary>
/// <param name="IsCoordinated">Whether it is coordinated.</param>
/// <param name="StatedOn">The valid date of that statement.</param>
public sealed record AgencyMembership(bool IsCoordinated, LocalDate StatedOn);

/// <summary>Something the command has: a unit, powers or an agreement, with when and where it is from.</summary>
/// <param name="Name">The unit, the legislation id, or the agreement.</param>
/// <param name="Detail">The unit's purpose or the powers; <see langword="null"/> for an agreement.</param>
/// <param name="On">When.</param>
public sealed record CommandFeature(string Name, string? Detail, LocalDate On)
{
    /// <summary>For powers, the provisions of the Act that confer them (empty where not named, and for units and agreements).</summary>
    public IReadOnlyList<string> Provisions { get; init; } = [];
}

/// <summary>
/// The state of one organisational command (such as the Border Security Command), folded from its events.
/// </summary>
/// <param name="CommandId">The stream id.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentDepartment">Its department.</param>
/// <param name="EstablishedOn">When it was established.</param>
/// <param name="Leader">Its leader, by latest appointment date, if any.</param>
/// <param name="Agencies">Every agency ever stated, with whether it is coordinated.</param>
/// <param name="Units">Its units by name.</param>
/// <param name="Powers">Powers conferred, by legislation id.</param>
/// <param name="Agreements">International agreements, by name.</param>
/// <param name="Sources">Every source that reported any of its events.</param>
public sealed record Command(
    string CommandId,
    string Name,
    string ParentDepartment,
    LocalDate EstablishedOn,
    CommandLeader? Leader,
    ImmutableSortedDictionary<string, AgencyMembership> Agencies,
    ImmutableSortedDictionary<string, CommandFeature> Units,
    ImmutableSortedDictionary<string, CommandFeature> Powers,
    ImmutableSortedDictionary<string, CommandFeature> Agreements,
    ImmutableList<SourceReference> Sources)
{
    /// <summary>The aggregate's name, as it appears in rule violations.</summary>
    public const string AggregateName = nameof(Command);

    /// <summary>The agencies the command coordinates now, in name order.</summary>
    public IEnumerable<string> CoordinatedAgencies => Agencies.Where(a => a.Value.IsCoordinated).Select(a => a.Key);

    /// <summary>Applies one event. Total: never throws, and ignores events it does not know or that cannot apply.</summary>
    /// <param name="state">The state so far, or <see langword="null"/> before the command is established.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new state.</returns>
    public static Command? Evolve(Command? state, IBorderSecurityEvent @event) =>
        (state, @event) switch
        {
            (null, CommandEstablished e) => new Command(e.CommandId, e.Name, e.ParentDepartment, e.ValidOn, null,
                ImmutableSortedDictionary.Create<string, AgencyMembership>(StringComparer.Ordinal),
                ImmutableSortedDictionary.Create<string, CommandFeature>(StringComparer.Ordinal),
                ImmutableSortedDictionary.Create<string, CommandFeature>(StringComparer.Ordinal),
                ImmutableSortedDictionary.Create<string, CommandFeature>(StringComparer.Ordinal),
                [.. e.Provenance.Sources]),
            (null, _) => null,
            (_, CommandLeaderAppointed e) => state.Cite(e.Provenance) with
            {
                Leader = state.Leader is { } current && current.AppointedOn > e.ValidOn
                    ? current
                    : new CommandLeader(e.LeaderName, e.PostTitle, e.Honours, e.ValidOn),
            },
            (_, AgencyJoinedCommand e) => state.StateAgency(e.Agency, true, e.ValidOn).Cite(e.Provenance),
            (_, AgencyLeftCommand e) => state.StateAgency(e.Agency, false, e.ValidOn).Cite(e.Provenance),
            (_, CommandUnitCreated e) => state.Cite(e.Provenance) with
            {
                Units = state.Units.SetItem(e.UnitName, new CommandFeature(e.UnitName, e.Purpose, e.ValidOn)),
            },
            (_, CommandPowersConferred e) => state.Cite(e.Provenance) with
            {
                Powers = state.Powers.SetItem(e.LegislationId, new CommandFeature(e.LegislationId, e.Powers, e.ValidOn) { Provisions = e.Provisions }),
            },
            (_, InternationalAgreementJoined e) => state.Cite(e.Provenance) with
            {
                Agreements = state.Agreements.SetItem(e.Agreement, new CommandFeature(e.Agreement, null, e.ValidOn)),
            },
            _ => state,
        };

    private Command StateAgency(string agency, bool coordinated, LocalDate on) =>
        Agencies.TryGetValue(agency, out var existing) && existing.StatedOn > on
            ? this
            : this with { Agencies = Agencies.SetItem(agency, new AgencyMembership(coordinated, on)) };

    private Command Cite(Provenance provenance) => this with { Sources = Sources.Cite(provenance) };
}
