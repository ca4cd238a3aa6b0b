namespace BorderSecurity.Domain.Legislative;

/// <summary>
/// The v1 shape of <see cref="ParliamentaryStageCompleted"/> (<c>legislation.stage-completed.v1</c>): one coarse stage
/// (second reading to <see cref="LegislationStage.OtherHouse"/>) and the House as text. Read, never written; mapped
/// forward by <see cref="Forward"/>.
/// </summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Stage">The coarse stage.</param>
/// <param name="House">The House as text, for example <c>House of Commons</c>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record ParliamentaryStageCompletedV1(
    string LegislationId, LegislationStage Stage, string House, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>
    /// The v2 event stating exactly what this one stated: second to third reading keep their stage in the House named;
    /// <see cref="LegislationStage.OtherHouse"/> (passed the other House, stages not named) becomes
    /// <see cref="BillStage.StagesNotStated"/> in that House, never a specific stage; a House the text does not name
    /// stays <see cref="ParliamentHouse.NotStated"/>.
    /// </summary>
    /// <returns>The event in its current shape.</returns>
    public ParliamentaryStageCompleted Forward() =>
        new(LegislationId, BillStages.ParseHouse(House), StageOf(Stage), ValidOn, Provenance);

    /// <summary>The v2 stage a v1 stage states.</summary>
    /// <param name="stage">The v1 stage.</param>
    /// <returns>The v2 stage.</returns>
    public static BillStage StageOf(LegislationStage stage) => stage switch
    {
        LegislationStage.Introduced => BillStage.FirstReading,
        LegislationStage.SecondReading => BillStage.SecondReading,
        LegislationStage.Committee => BillStage.CommitteeStage,
        LegislationStage.Report => BillStage.ReportStage,
        LegislationStage.ThirdReading => BillStage.ThirdReading,
        _ => BillStage.StagesNotStated,
    };
}

/// <summary>
/// The v1 shape of <see cref="BillIntroduced"/> (<c>legislation.introduced.v1</c>): no session. Read, never written; mapped
/// forward by <see cref="Forward"/>.
/// </summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Title">The bill's title.</param>
/// <param name="House">The House as text.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record BillIntroducedV1(string LegislationId, string Title, string House, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The v2 event: the session was not stated, so none is guessed (<see cref="BillIntroduced.Session"/> is <see langword="null"/>).</summary>
    /// <returns>The event in its current shape.</returns>
    public BillIntroduced Forward() => new(LegislationId, Title, House, null, ValidOn, Provenance);
}

/// <summary>The v1 shape of <see cref="LegislationCommenced"/> (<c>legislation.commenced.v1</c>): the provisions as one text.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">The provisions as one text, for example <c>sections 1 to 5</c>.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record LegislationCommencedV1(string LegislationId, string Provisions, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The v2 event: the old text becomes the one provision named, exactly as stated (it is not split).</summary>
    /// <returns>The event in its current shape.</returns>
    public LegislationCommenced Forward() => new(LegislationId, [Provisions], ValidOn, Provenance);
}

/// <summary>The shape of <see cref="CompleteParliamentaryStage"/> in timeline files of format 1.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Stage">The coarse stage.</param>
/// <param name="House">The House as text.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CompleteParliamentaryStageV1(
    string LegislationId, LegislationStage Stage, string House, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The stream the request was for, as timeline files of format 1 wrote it after the fields (ignored when read).</summary>
    public string StreamId => LegislationId;

    /// <summary>The current request, mapped as <see cref="ParliamentaryStageCompletedV1.Forward"/> maps the event.</summary>
    /// <returns>The request in its current shape.</returns>
    public CompleteParliamentaryStage Forward() => new()
    {
        LegislationId = LegacyFields.Read(nameof(LegislationId), () => new LegislationId(LegislationId)),
        House = BillStages.ParseHouse(House),
        Stage = ParliamentaryStageCompletedV1.StageOf(Stage),
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}

/// <summary>The shape of <see cref="CommenceLegislation"/> in timeline files of format 1.</summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Provisions">The provisions as one text.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record CommenceLegislationV1(string LegislationId, string Provisions, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The stream the request was for, as timeline files of format 1 wrote it after the fields (ignored when read).</summary>
    public string StreamId => LegislationId;

    /// <summary>The current request: the old text as the one provision named.</summary>
    /// <returns>The request in its current shape.</returns>
    public CommenceLegislation Forward() => new()
    {
        LegislationId = LegacyFields.Read(nameof(LegislationId), () => new LegislationId(LegislationId)),
        Provisions = [Provisions],
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}

/// <summary>
/// The shape of <see cref="IntroduceBill"/> in timeline files of formats 1 and 2: the House as text, for example
/// <c>House of Commons</c>. Read only; mapped forward by <see cref="Forward"/>.
/// </summary>
/// <param name="LegislationId">The legislation's stream id.</param>
/// <param name="Title">The bill's title.</param>
/// <param name="House">The House as text: <c>House of Commons</c>/<c>Commons</c> or <c>House of Lords</c>/<c>Lords</c>, in any case.</param>
/// <param name="ValidOn">When.</param>
/// <param name="Provenance">The sources.</param>
public sealed record IntroduceBillV2(string LegislationId, string Title, string House, LocalDate ValidOn, Provenance Provenance)
{
    /// <summary>The stream the request was for, as files of formats 1 and 2 wrote it after the fields (ignored when read).</summary>
    public string StreamId => LegislationId;

    /// <summary>
    /// The current request: the House read as <see cref="BillStages.ParseHouse"/> reads it. The text named a House
    /// whenever the request was accepted (the decider refused any other), so no House is guessed.
    /// </summary>
    /// <returns>The request in its current shape.</returns>
    /// <exception cref="ArgumentException"><see cref="House"/> names neither House (the message names the field), or another field is invalid.</exception>
    public IntroduceBill Forward() => new()
    {
        LegislationId = LegacyFields.Read(nameof(LegislationId), () => new LegislationId(LegislationId)),
        Title = Title,
        House = BillStages.ParseHouse(House) is var house and not ParliamentHouse.NotStated
            ? house
            : throw new ArgumentException(
                $"House must name the House of Commons or the House of Lords, for example \"House of Commons\" (was '{House}').", nameof(House)),
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}

/// <summary>
/// The shape of <see cref="IntroduceBill"/> in timeline files of formats 3 and 4: the House as an enum, no session. Read
/// only; mapped forward by <see cref="Forward"/> (no session: none is guessed).
/// </summary>
public sealed record IntroduceBillV4
{
    /// <summary>The legislation's stream id.</summary>
    public required LegislationId LegislationId { get; init; }

    /// <summary>The bill's title.</summary>
    public required string Title { get; init; }

    /// <summary>The House it was introduced in.</summary>
    public required ParliamentHouse House { get; init; }

    /// <summary>When.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request was for (written in the files, not read back): <see cref="LegislationId"/>.</summary>
    public string StreamId => LegislationId.Value;

    /// <summary>The request in today's shape, its session not stated.</summary>
    /// <returns>The request.</returns>
    public IntroduceBill Forward() => new()
    {
        LegislationId = LegislationId,
        Title = Title,
        House = House,
        ValidOn = ValidOn,
        Provenance = Provenance,
    };
}
