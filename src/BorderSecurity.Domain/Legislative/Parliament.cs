namespace BorderSecurity.Domain.Legislative;

/// <summary>A House of the UK Parliament.</summary>
public enum ParliamentHouse
{
    /// <summary>Not stated: only ever read from old events whose House text named neither House; never accepted in a request.</summary>
    NotStated = 0,

    /// <summary>The House of Commons.</summary>
    Commons = 1,

    /// <summary>The House of Lords.</summary>
    Lords = 2,
}

/// <summary>
/// A stage a bill completes in one House, named as UK Parliament's Bills API names them (see
/// <see cref="BillStages.NameOf(BillStage, ParliamentHouse)"/>). In each House a bill passes 1st reading, 2nd reading, Committee stage, Report
/// stage and 3rd reading in that order; after both Houses, each considers the other's amendments as often as it takes
/// ("ping-pong") before Royal Assent.
/// </summary>
public enum BillStage
{
    /// <summary>1st reading. In the originating House this is the bill's introduction (<see cref="BillIntroduced"/>).</summary>
    FirstReading = 1,

    /// <summary>2nd reading.</summary>
    SecondReading = 2,

    /// <summary>Committee stage (a public bill committee, a committee of the whole House or a Grand Committee).</summary>
    CommitteeStage = 3,

    /// <summary>Report stage. May be skipped when a bill leaves a committee of the whole House unamended.</summary>
    ReportStage = 4,

    /// <summary>3rd reading.</summary>
    ThirdReading = 5,

    /// <summary>Consideration of the other House's amendments (<c>Consideration of Lords amendments</c> in the Commons, <c>Consideration of Commons amendments</c> in the Lords); repeatable, alternating between the Houses.</summary>
    ConsiderationOfAmendments = 6,

    /// <summary>
    /// Passed the House, which stages not stated: a source said only that the bill passed the second House (what the v1
    /// stage <c>OtherHouse</c> meant, which maps here). Accepted only in the second House straight after the originating
    /// House's 3rd reading, in place of its stages; never shown as a specific stage.
    /// </summary>
    StagesNotStated = 7,
}

/// <summary>How a bill ended without Royal Assent.</summary>
public enum BillEnding
{
    /// <summary>Withdrawn by its promoter.</summary>
    Withdrawn = 1,

    /// <summary>Defeated in a vote (for example at 2nd reading).</summary>
    Defeated = 2,

    /// <summary>Fell at the end of the session without a carry-over motion.</summary>
    FellAtEndOfSession = 3,
}

/// <summary>Where a bill stands: the last stage it completed, in which House, and when.</summary>
/// <param name="House">The House.</param>
/// <param name="Stage">The stage completed.</param>
/// <param name="On">When.</param>
public sealed record BillPosition(ParliamentHouse House, BillStage Stage, LocalDate On)
{
    /// <summary>The stage's name as the Bills API gives it, with the House, for example <c>Committee stage (House of Lords)</c>.</summary>
    public string Name => $"{BillStages.NameOf(Stage, House)} ({BillStages.NameOf(House)})";
}

/// <summary>Names and parsing of Houses and stages.</summary>
public static class BillStages
{
    /// <summary>The other House.</summary>
    /// <param name="house">A House.</param>
    /// <returns>The other one; <see cref="ParliamentHouse.NotStated"/> stays not stated.</returns>
    public static ParliamentHouse Other(ParliamentHouse house) => house switch
    {
        ParliamentHouse.Commons => ParliamentHouse.Lords,
        ParliamentHouse.Lords => ParliamentHouse.Commons,
        _ => ParliamentHouse.NotStated,
    };

    /// <summary>A House's name, for example <c>House of Commons</c>.</summary>
    /// <param name="house">The House.</param>
    /// <returns>Its name.</returns>
    public static string NameOf(ParliamentHouse house) => house switch
    {
        ParliamentHouse.Commons => "House of Commons",
        ParliamentHouse.Lords => "House of Lords",
        _ => "House not stated",
    };

    /// <summary>A stage's name as UK Parliament's Bills API gives it, for example <c>2nd reading</c> or <c>Consideration of Lords amendments</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="house">The House it is taken in (it names whose amendments are considered).</param>
    /// <returns>The name.</returns>
    public static string NameOf(BillStage stage, ParliamentHouse house) => stage switch
    {
        BillStage.FirstReading => "1st reading",
        BillStage.SecondReading => "2nd reading",
        BillStage.CommitteeStage => "Committee stage",
        BillStage.ReportStage => "Report stage",
        BillStage.ThirdReading => "3rd reading",
        BillStage.ConsiderationOfAmendments => Other(house) switch
        {
            ParliamentHouse.Commons => "Consideration of Commons amendments",
            ParliamentHouse.Lords => "Consideration of Lords amendments",
            _ => "Consideration of amendments",
        },
        BillStage.StagesNotStated => "Passed (stages not stated)",
        _ => stage.ToString(),
    };

    /// <summary>
    /// Reads a House from text as old events and requests state it: <c>House of Commons</c>/<c>Commons</c> or
    /// <c>House of Lords</c>/<c>Lords</c> (any case, surrounding spaces ignored); anything else is not stated.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The House, or <see cref="ParliamentHouse.NotStated"/>.</returns>
    public static ParliamentHouse ParseHouse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "HOUSE OF COMMONS" or "COMMONS" => ParliamentHouse.Commons,
        "HOUSE OF LORDS" or "LORDS" => ParliamentHouse.Lords,
        _ => ParliamentHouse.NotStated,
    };
}
