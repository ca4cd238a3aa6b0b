namespace BorderSecurity.Domain.ReferenceTimeline;

/// <summary>
/// The sources behind the 2024 reference timeline: five news articles (by file name in the project's shared
/// sources folder) and the dates checked against other public reporting.
/// </summary>
public static class Sources2024
{
    /// <summary>Tech press, 6 Nov 2024: the PM commits an extra £75m to the BSC for surveillance equipment; £150m over two years.</summary>
    public static readonly SourceReference TechPressExtra75m = new("000_5fb847a755e04d8d.txt",
        "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", new LocalDate(2024, 11, 6));

    /// <summary>4 Nov 2024: the PM announces a recruitment drive (300 BSC staff, 100 NCA officers, OIC unit, CPS, £6m INTERPOL, £24m ISOC).</summary>
    public static readonly SourceReference RecruitmentDrive = new("001_adec81f052894c3a.txt",
        "Prime Minister Starmer announces recruitment drive to boost border security", new LocalDate(2024, 11, 4));

    /// <summary>Aggregator, autumn 2024 (no exact date): a new £75m investment in the BSC. Contains an error (it names Rishi Sunak as PM).</summary>
    public static readonly SourceReference AggregatorNew75m = new("002_42653983a009148c.txt",
        "New £75 million investment in the Border Security Command");

    /// <summary>September 2024 (no exact date): "up to £75 million" for the BSC, redirected from the Illegal Migration Act.</summary>
    public static readonly SourceReference NewFundingForTech = new("003_42febc41d18400fd.txt",
        "New funding for tech for Border Security Command");

    /// <summary>The Independent, 4 Nov 2024: "treat people smugglers like terrorists"; the additional £75m is new money from the Budget.</summary>
    public static readonly SourceReference TreatSmugglersLikeTerrorists = new("004_15ffba115c23e480.txt",
        "Starmer: \"treat people smugglers like terrorists\"", new LocalDate(2024, 11, 4), "The Independent");

    /// <summary>Dates the articles leave vague, checked against other public reporting (listed in the shared sources README).</summary>
    public static readonly SourceReference CheckedFacts = new("README.md",
        "Facts checked against other public reporting (dates the articles leave vague)");
}
