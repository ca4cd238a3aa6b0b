namespace BorderSecurity.Domain.ReferenceTimeline;

/// <summary>
/// The sources behind the 2024 reference timeline: five news articles (by file name in the project's shared
/// sources folder), the dates checked against other public reporting, and the public pages a reader can follow
/// (official pages, an independent tracker, mirrors of Home Office releases), each with its address.
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

    // Public pages a reader can follow (listed in the shared sources README as seen to exist; never fetched by the model).
    // Official first, then the independent tracker, then mirrors of Home Office releases (not official pages). Each
    // cites its address as both the document and the link; where the README quotes a page, the quote is those words.

    /// <summary>Official: the Illegal Migration Act 2023 (c. 37) on legislation.gov.uk.</summary>
    public static readonly SourceReference IllegalMigrationAct2023Text = new("legislation.gov.uk/ukpga/2023/37",
        "Illegal Migration Act 2023 (c. 37)", publisher: "legislation.gov.uk", url: "https://www.legislation.gov.uk/ukpga/2023/37");

    /// <summary>Official: the King's Speech 2024 on GOV.UK (17 July 2024), which announced the Border Security, Asylum and Immigration Bill.</summary>
    public static readonly SourceReference KingsSpeech2024 = new("gov.uk/government/speeches/the-kings-speech-2024",
        "The King's Speech 2024", new LocalDate(2024, 7, 17), "GOV.UK", "https://www.gov.uk/government/speeches/the-kings-speech-2024");

    /// <summary>Official: the Border Security, Asylum and Immigration Bill's page on UK Parliament's Bills site (bill 3929, its stages).</summary>
    public static readonly SourceReference BorderSecurityBillPage = new("bills.parliament.uk/bills/3929",
        "Border Security, Asylum and Immigration Bill (bill 3929)", publisher: "UK Parliament", url: "https://bills.parliament.uk/bills/3929");

    /// <summary>
    /// Official: the Border Security Command's own page on GOV.UK. It gives 5 July 2024 as the day the command was
    /// established (other reporting gives the launch on 7 July) and names Martin Hewitt as its leader.
    /// </summary>
    public static readonly SourceReference CommandAboutPage = new("gov.uk/government/organisations/border-security-command/about",
        "Border Security Command: about us", publisher: "GOV.UK", url: "https://www.gov.uk/government/organisations/border-security-command/about",
        quote: "established on 5 July 2024");

    /// <summary>
    /// Independent: Full Fact's government tracker entry for the Border Security Command (dated, sourced steps: the
    /// 7 July 2024 launch, "up to £75 million" reallocated from the Illegal Migration Act on 17 September, "a further
    /// £75 million" on 4 November).
    /// </summary>
    public static readonly SourceReference FullFactTracker = new("fullfact.org/government-tracker/border-security-command",
        "Government tracker: Border Security Command", publisher: "Full Fact", url: "https://fullfact.org/government-tracker/border-security-command");

    /// <summary>A mirror (not an official page) of the Home Office release on the command's launch in July 2024.</summary>
    public static readonly SourceReference LaunchReleaseMirror = new("wired-gov.net mirror of the Home Office launch release",
        "Home Secretary launches new Border Security Command", publisher: "wired-gov.net (mirror of a Home Office release)",
        url: "https://www.wired-gov.net/wg/news.nsf/articles/home+secretary+launches+new+border+security+command+08072024112000?open");

    /// <summary>
    /// A mirror (not an official page) of the Home Office release of September 2024: the "up to £75 million", redirected
    /// from the Illegal Migration Act budget, under a headline that calls it new investment.
    /// </summary>
    public static readonly SourceReference SeptemberReleaseMirror = new("wired-gov.net mirror of the Home Office September release",
        "New investment for Border Security Command", publisher: "wired-gov.net (mirror of a Home Office release)",
        url: "https://www.wired-gov.net/wg/news.nsf/articles/new+investment+for+border+security+command+18092024101010?open",
        quote: "up to £75 million");
}
