namespace BorderSecurity.Domain.Commands;

/// <summary>
/// Every rule of an organisational command, in one place: turns a request and the command's current state into
/// events, or raises <see cref="DomainRuleViolationException"/> naming the rule and emits nothing.
/// </summary>
public static class CommandDecider
{
    /// <summary>Decides a request.</summary>
    /// <param name="state">The command as currently known, or <see langword="null"/> if its stream is empty.</param>
    /// <param name="request">The request.</param>
    /// <param name="referencedAct">
    /// For <see cref="ConferCommandPowers"/>: the state of the legislation it names, or <see langword="null"/> when it
    /// does not exist. Ignored for other requests.
    /// </param>
    /// <returns>The events to append.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A business rule is broken; <see cref="DomainRuleViolationException.Rule"/> names it.</exception>
    /// <remarks>
    /// Rules: a command is established once (<c>CommandAlreadyEstablished</c>); nothing happens to a command before it
    /// is established (<c>CommandMustBeEstablished</c>, <c>NothingBeforeEstablishment</c>); an agency joins only if not
    /// coordinated (<c>AgencyAlreadyCoordinated</c>) and leaves only if it is (<c>AgencyNotCoordinated</c>), at most once a
    /// day (<c>OneAgencyChangePerDate</c>); a unit, the powers from one piece of legislation and an agreement are each
    /// recorded once (<c>UnitAlreadyExists</c>, <c>PowersAlreadyConferred</c>, <c>AgreementAlreadyJoined</c>); powers come
    /// only from an Act in force on their date (<c>PowersNeedAnEnactedAct</c>) and, where the provisions that confer them
    /// are named, only once every one of them is in force on that date (<c>PowersNeedProvisionsInForce</c>); one
    /// appointment a day (<c>OneAppointmentPerDate</c>).
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(Command? state, ICommandRequest request, Legislative.Legislation? referencedAct = null)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            EstablishCommand r => [Establish(state, r)],
            _ when state is null => throw Broken("CommandMustBeEstablished", $"command '{request.StreamId}' is not established; nothing can happen to it before it is."),
            AppointCommandLeader r => [Appoint(state, r)],
            JoinAgencyToCommand r => [Join(state, r)],
            RemoveAgencyFromCommand r => [Leave(state, r)],
            CreateCommandUnit r => [CreateUnit(state, r)],
            ConferCommandPowers r => [ConferPowers(state, r, referencedAct)],
            JoinInternationalAgreement r => [JoinAgreement(state, r)],
            _ => throw new ArgumentException($"Unknown command request type {request.GetType().Name}.", nameof(request)),
        };
    }

    private static CommandEstablished Establish(Command? state, EstablishCommand r)
    {
        var name = Guard.Against.Null(r.Name, nameof(r.Name)).Name;
        var department = Guard.Against.Null(r.ParentDepartment, nameof(r.ParentDepartment)).Name;
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (state is not null)
        {
            throw Broken("CommandAlreadyEstablished", $"command '{r.CommandId}' was already established on {state.EstablishedOn:yyyy-MM-dd}.");
        }

        return new CommandEstablished(r.CommandId.Value, name, department, r.ValidOn, provenance);
    }

    private static CommandLeaderAppointed Appoint(Command state, AppointCommandLeader r)
    {
        var leader = Guard.Against.InvalidText(r.LeaderName, nameof(r.LeaderName));
        var post = Guard.Against.InvalidText(r.PostTitle, nameof(r.PostTitle));
        var honours = Guard.Against.InvalidOptionalText(r.Honours, nameof(r.Honours));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeEstablishment(state, r.ValidOn);
        if (state.Leader?.AppointedOn == r.ValidOn)
        {
            throw Broken("OneAppointmentPerDate", $"{state.Leader.DisplayName} was already appointed on {r.ValidOn:yyyy-MM-dd}.");
        }

        return new CommandLeaderAppointed(state.CommandId, leader, post, honours, r.ValidOn, provenance);
    }

    private static AgencyJoinedCommand Join(Command state, JoinAgencyToCommand r)
    {
        var agency = Guard.Against.Null(r.Agency, nameof(r.Agency)).Name;
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeEstablishment(state, r.ValidOn);
        var known = state.Agencies.GetValueOrDefault(agency);
        if (known is { IsCoordinated: true })
        {
            throw Broken("AgencyAlreadyCoordinated", $"{agency} is already coordinated by {state.Name} (since {known.StatedOn:yyyy-MM-dd}).");
        }

        OneChangePerDate(known, agency, r.ValidOn);
        return new AgencyJoinedCommand(state.CommandId, agency, r.ValidOn, provenance);
    }

    private static AgencyLeftCommand Leave(Command state, RemoveAgencyFromCommand r)
    {
        var agency = Guard.Against.Null(r.Agency, nameof(r.Agency)).Name;
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeEstablishment(state, r.ValidOn);
        var known = state.Agencies.GetValueOrDefault(agency);
        if (known is not { IsCoordinated: true })
        {
            throw Broken("AgencyNotCoordinated", $"{agency} is not coordinated by {state.Name}.");
        }

        OneChangePerDate(known, agency, r.ValidOn);
        return new AgencyLeftCommand(state.CommandId, agency, reason, r.ValidOn, provenance);
    }

    private static CommandUnitCreated CreateUnit(Command state, CreateCommandUnit r)
    {
        var unit = Guard.Against.InvalidText(r.UnitName, nameof(r.UnitName));
        var purpose = Guard.Against.InvalidText(r.Purpose, nameof(r.Purpose));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeEstablishment(state, r.ValidOn);
        if (state.Units.ContainsKey(unit))
        {
            throw Broken("UnitAlreadyExists", $"{state.Name} already has a unit named '{unit}'.");
        }

        return new CommandUnitCreated(state.CommandId, unit, purpose, r.ValidOn, provenance);
    }

    private static CommandPowersConferred ConferPowers(Command state, ConferCommandPowers r, Legislative.Legislation? referencedAct)
    {
        var legislationId = Guard.Against.Null(r.LegislationId, nameof(r.LegislationId)).Value;
        Guard.Against.Null(r.Provisions, nameof(r.Provisions));
        var provisions = r.Provisions.Select(p => Guard.Against.InvalidText(p, nameof(r.Provisions)).Trim()).ToArray();
        if (provisions.Distinct(StringComparer.Ordinal).Count() != provisions.Length)
        {
            throw new ArgumentException("Provisions must not name the same provision twice.", nameof(r.Provisions));
        }

        var powers = Guard.Against.InvalidText(r.Powers, nameof(r.Powers));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeEstablishment(state, r.ValidOn);
        if (state.Powers.ContainsKey(legislationId))
        {
            throw Broken("PowersAlreadyConferred", $"powers from '{legislationId}' were already conferred on {state.Name}.");
        }

        if (referencedAct?.IsActOn(r.ValidOn) != true)
        {
            throw Broken("PowersNeedAnEnactedAct",
                referencedAct is null
                    ? $"no legislation '{legislationId}' is recorded to confer powers."
                    : $"'{referencedAct.Title}' was not an Act in force on {r.ValidOn:yyyy-MM-dd}; a bill confers no powers.");
        }

        var notInForce = provisions.Where(p => !referencedAct.IsInForceOn(p, r.ValidOn)).ToArray();
        if (notInForce.Length > 0)
        {
            throw Broken("PowersNeedProvisionsInForce",
                $"{string.Join(", ", notInForce)} of '{referencedAct.Title}' {(notInForce.Length == 1 ? "was" : "were")} not in force on {r.ValidOn:yyyy-MM-dd}"
                + string.Concat(notInForce.Select(p => referencedAct.Provisions.TryGetValue(p, out var known) ? $" ({p} from {known.Since:yyyy-MM-dd})" : $" ({p} not commenced)"))
                + "; powers exist only once the provisions that confer them are in force.");
        }

        return new CommandPowersConferred(state.CommandId, legislationId, provisions, powers, r.ValidOn, provenance);
    }

    private static InternationalAgreementJoined JoinAgreement(Command state, JoinInternationalAgreement r)
    {
        var agreement = Guard.Against.InvalidText(r.Agreement, nameof(r.Agreement));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeEstablishment(state, r.ValidOn);
        if (state.Agreements.ContainsKey(agreement))
        {
            throw Broken("AgreementAlreadyJoined", $"'{agreement}' is already recorded for {state.Name}.");
        }

        return new InternationalAgreementJoined(state.CommandId, agreement, r.ValidOn, provenance);
    }

    private static void NotBeforeEstablishment(Command state, LocalDate on)
    {
        if (on < state.EstablishedOn)
        {
            throw Broken("NothingBeforeEstablishment",
                $"{on:yyyy-MM-dd} is before {state.Name} was established on {state.EstablishedOn:yyyy-MM-dd}.");
        }
    }

    private static void OneChangePerDate(AgencyMembership? known, string agency, LocalDate on)
    {
        if (known?.StatedOn == on)
        {
            throw Broken("OneAgencyChangePerDate", $"{agency}'s membership was already changed on {on:yyyy-MM-dd}.");
        }
    }

    private static DomainRuleViolationException Broken(string rule, string detail) => new(Command.AggregateName, rule, detail);
}
