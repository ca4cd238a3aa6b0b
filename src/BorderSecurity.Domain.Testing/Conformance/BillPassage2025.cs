using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.ReferenceTimeline;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

/// <summary>
/// The Border Security, Asylum and Immigration Bill's passage after its announcement in the King's Speech
/// (17 July 2024, in <see cref="ReferenceTimeline2024"/>): both Houses, two rounds of consideration of amendments,
/// Royal Assent, and commencement of its first provisions, with the powers they confer on the Border Security Command.
/// </summary>
/// <remarks>
/// <para>Not sourced facts. The project's sources folder (../shared/sources) ends in November 2024, so these dates
/// come from outside it and are labelled by the source each step cites: <see cref="Recalled"/> (dates recalled from the
/// bill's passage and not verified against the Bills API: introduction, the Commons and Lords stages, Royal Assent) and
/// <see cref="Illustrative"/> (the dates of the rounds of consideration of amendments, and which sections commenced
/// when: shaped like the real passage, not taken from it). No step cites a page it was not checked against. Check them
/// against the bill's official page (<see cref="Sources2024.BorderSecurityBillPage"/>, whose stages are at the Bills API
/// path <c>/api/v1/Bills/3929/Stages</c>) and legislation.gov.uk before quoting any of them.</para>
/// </remarks>
public static class BillPassage2025
{
    /// <summary>A date recalled from the bill's passage, not from the project's sources and not verified.</summary>
    public static readonly SourceReference Recalled = new("recalled",
        "Date recalled from the bill's passage; not in the project's sources and not verified against bills.parliament.uk");

    /// <summary>An illustrative date or provision: shaped like the real passage, not taken from it.</summary>
    public static readonly SourceReference Illustrative = new("illustrative",
        "Illustrative date or provision for the worked example; not a sourced fact");

    /// <summary>The provisions commenced on Royal Assent (illustrative).</summary>
    public static readonly IReadOnlyList<string> OnRoyalAssent = ["section 62", "section 63"];

    /// <summary>The provisions that establish the Border Security Commander and confer its functions (illustrative numbering).</summary>
    public static readonly IReadOnlyList<string> CommanderProvisions = ["section 1", "section 2", "section 3"];

    /// <summary>When the Commander's provisions commence (illustrative).</summary>
    public static readonly LocalDate CommanderProvisionsCommence = new(2026, 2, 2);

    /// <summary>Every parliamentary stage after the announcement, with the House and the Bills API name an as-of question should give.</summary>
    public static readonly IReadOnlyList<(LocalDate On, ParliamentHouse House, BillStage Stage, string Name)> Stages =
    [
        (new(2025, 1, 30), ParliamentHouse.Commons, BillStage.FirstReading, "1st reading (House of Commons)"),
        (new(2025, 2, 10), ParliamentHouse.Commons, BillStage.SecondReading, "2nd reading (House of Commons)"),
        (new(2025, 3, 13), ParliamentHouse.Commons, BillStage.CommitteeStage, "Committee stage (House of Commons)"),
        (new(2025, 5, 12), ParliamentHouse.Commons, BillStage.ReportStage, "Report stage (House of Commons)"),
        (new(2025, 5, 12), ParliamentHouse.Commons, BillStage.ThirdReading, "3rd reading (House of Commons)"),
        (new(2025, 5, 13), ParliamentHouse.Lords, BillStage.FirstReading, "1st reading (House of Lords)"),
        (new(2025, 6, 3), ParliamentHouse.Lords, BillStage.SecondReading, "2nd reading (House of Lords)"),
        (new(2025, 10, 13), ParliamentHouse.Lords, BillStage.CommitteeStage, "Committee stage (House of Lords)"),
        (new(2025, 11, 11), ParliamentHouse.Lords, BillStage.ReportStage, "Report stage (House of Lords)"),
        (new(2025, 11, 17), ParliamentHouse.Lords, BillStage.ThirdReading, "3rd reading (House of Lords)"),
        (new(2025, 11, 25), ParliamentHouse.Commons, BillStage.ConsiderationOfAmendments, "Consideration of Lords amendments (House of Commons)"),
        (new(2025, 11, 27), ParliamentHouse.Lords, BillStage.ConsiderationOfAmendments, "Consideration of Commons amendments (House of Lords)"),
        (new(2025, 12, 1), ParliamentHouse.Commons, BillStage.ConsiderationOfAmendments, "Consideration of Lords amendments (House of Commons)"),
        (new(2025, 12, 1), ParliamentHouse.Lords, BillStage.ConsiderationOfAmendments, "Consideration of Commons amendments (House of Lords)"),
    ];

    /// <summary>The date of Royal Assent (recalled).</summary>
    public static readonly LocalDate RoyalAssentOn = new(2025, 12, 2);

    /// <summary>The Act's title.</summary>
    public const string ActTitle = "Border Security, Asylum and Immigration Act 2025";

    /// <summary>The powers the Commander's provisions confer on the Border Security Command.</summary>
    public const string CommanderPowers = "Statutory functions of the Border Security Commander";

    /// <summary>The steps after the 2024 reference timeline, each known from noon UTC on its date.</summary>
    public static IReadOnlyList<TimelineStep> Steps { get; } =
    [
        .. Stages.Select((s, i) => new TimelineStep(Noon(s.On), i == 0
            ? new IntroduceBill
            {
                LegislationId = BorderSecurityBillId,
                Title = "Border Security, Asylum and Immigration Bill",
                House = ParliamentHouse.Commons,
                ValidOn = s.On,
                Provenance = Provenance.Of(Recalled),
            }
            : new CompleteParliamentaryStage
            {
                LegislationId = BorderSecurityBillId,
                House = s.House,
                Stage = s.Stage,
                ValidOn = s.On,
                Provenance = Provenance.Of(SourceOf(s.On)),
            })),
        new(Noon(RoyalAssentOn), new GrantRoyalAssent
        {
            LegislationId = BorderSecurityBillId,
            ActTitle = ActTitle,
            ValidOn = RoyalAssentOn,
            Provenance = Provenance.Of(Recalled),
        }),
        new(Noon(RoyalAssentOn), new CommenceLegislation
        {
            LegislationId = BorderSecurityBillId,
            Provisions = OnRoyalAssent,
            ValidOn = RoyalAssentOn,
            Provenance = Provenance.Of(Illustrative),
        }),
        new(Noon(new LocalDate(2026, 1, 12)), new CommenceLegislation
        {
            LegislationId = BorderSecurityBillId,
            Provisions = CommanderProvisions,
            ValidOn = CommanderProvisionsCommence,
            Provenance = Provenance.Of(Illustrative),
        }),
        new(Noon(CommanderProvisionsCommence), new ConferCommandPowers
        {
            CommandId = BorderSecurityCommandId,
            LegislationId = BorderSecurityBillId,
            Provisions = CommanderProvisions,
            Powers = CommanderPowers,
            ValidOn = CommanderProvisionsCommence,
            Provenance = Provenance.Of(Illustrative),
        }),
    ];

    private static SourceReference SourceOf(LocalDate on) =>
        on >= new LocalDate(2025, 11, 25) ? Illustrative : Recalled;

    private static Instant Noon(LocalDate on) => on.At(new LocalTime(12, 0)).InUtc().ToInstant();
}
