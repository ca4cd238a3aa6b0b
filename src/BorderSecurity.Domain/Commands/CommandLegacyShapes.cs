namespace BorderSecurity.Domain.Commands;

/// <summary>The v1 shape of <see cref="CommandPowersConferred"/> (<c>command.powers-conferred.v1</c>): no provisions named.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Powers">The powers.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CommandPowersConferredV1(string CommandId, string LegislationId, string Powers, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The v2 event with no provisions named (the v1 event named none; it is not guessed).</summary>
    /// <returns>The event in its current shape.</returns>
    public CommandPowersConferred Forward() => new(CommandId, LegislationId, [], Powers, ValidOn, Provenance);
}

/// <summary>The shape of <see cref="ConferCommandPowers"/> in timeline files of format 1: no provisions named.</summary>
/// <param name="CommandId">The command's stream id.</param>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Powers">The powers.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record ConferCommandPowersV1(string CommandId, string LegislationId, string Powers, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The stream the request was for, as timeline files of format 1 wrote it after the fields (ignored when read).</summary>
    public string StreamId => CommandId;

    /// <summary>The current request with no provisions named, decided by the rule for unnamed provisions (the Act in force).</summary>
    /// <returns>The request in its current shape.</returns>
    public ConferCommandPowers Forward() => new()
    {
        CommandId = LegacyFields.Read(nameof(CommandId), () => new CommandId(CommandId)),
        LegislationId = LegacyFields.Read(nameof(LegislationId), () => new Legislative.LegislationId(LegislationId)),
        Provisions = [],
        Powers = Powers,
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}
