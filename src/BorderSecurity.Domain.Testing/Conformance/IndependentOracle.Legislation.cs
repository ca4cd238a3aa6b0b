using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    // The stages in the order docs/events.md lists them; the oracle ranks stages by this list, not by the enum's values.
    private static readonly string[] StageOrder =
        ["Announced", "Introduced", "SecondReading", "Committee", "Report", "ThirdReading", "OtherHouse", "RoyalAssent", "Commenced", "Repealed"];

    /// <summary>One stage a bill or Act reached, as the oracle sees it.</summary>
    /// <param name="Stage">The stage's name.</param>
    /// <param name="On">Its valid date.</param>
    /// <param name="Detail">The house, the occasion it was announced at, the provisions commenced or the repealing Act; null when the event names none.</param>
    public sealed record StageStep(string Stage, LocalDate On, string? Detail);

    /// <summary>A bill or Act as the oracle sees it.</summary>
    /// <param name="Id">The legislation id.</param>
    /// <param name="Title">Its title: the Act's title once Royal Assent counts, else the bill's.</param>
    /// <param name="Stage">The furthest stage reached.</param>
    /// <param name="History">Every stage that counts, by date, then stage order, then the order they count in (valid date, then recording).</param>
    /// <param name="Sources">Each source once, in the order first cited.</param>
    /// <param name="UnderWay">The stage begun and not yet completed, as "House|Stage|yyyy-MM-dd", or null.</param>
    public sealed record Bill(string Id, string Title, string Stage, IReadOnlyList<StageStep> History, IReadOnlyList<string> Sources, string? UnderWay = null);

    /// <summary>
    /// Every bill or Act that exists as of the question, in id order. From docs/events.md: announcing, introducing or
    /// recording an enacted Act creates it (an enacted Act starts at Royal Assent); every later event adds the stage it
    /// names; the furthest stage is the highest reached; Royal Assent renames it to the Act's title.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="asOf">The valid date.</param>
    /// <param name="knownAt">The known-at instant, or null for everything known.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>The bills and Acts.</returns>
    public static IReadOnlyList<Bill> Legislation(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var result = new List<Bill>();
        foreach (var stream in CountingStreams(log, asOf, knownAt, recordedBy))
        {
            string? title = null;
            string? originatingHouse = null;
            var history = new List<StageStep>();
            var cited = new List<RecordedEvent>();
            string? underWay = null;
            foreach (var e in stream)
            {
                // A stage begun is under way until a stage is completed, the bill ends or has Royal Assent; it adds no step.
                if (title is not null)
                {
                    switch (e.Data)
                    {
                        case ParliamentaryStageStarted s:
                            underWay = $"{HouseName(s.House)}|{s.Stage}|{s.ValidOn:yyyy-MM-dd}";
                            cited.Add(e);
                            continue;
                        case ParliamentaryStageCompleted or BillEnded or RoyalAssentGranted:
                            underWay = null;
                            break;
                    }
                }

                // The furthest stage so far, in the order the events count (carry-over and ending keep it).
                var furthestSoFar = history.Count == 0 ? "Announced" : history.MaxBy(h => Array.IndexOf(StageOrder, h.Stage))!.Stage;
                var step = e.Data switch
                {
                    LegislationAnnounced a => new StageStep("Announced", a.ValidOn, a.AnnouncedIn),
                    EnactedLegislationRecorded r => new StageStep("RoyalAssent", r.ValidOn, null),
                    BillIntroduced b => new StageStep("Introduced", b.ValidOn, b.House),
                    ParliamentaryStageCompleted c => new StageStep(CoarseStage(c, originatingHouse), c.ValidOn, HouseName(c.House)),
                    BillCarriedOver o => new StageStep(furthestSoFar, o.ValidOn, $"carried over into session {o.IntoSession}"),
                    BillEnded x => new StageStep(furthestSoFar, x.ValidOn, $"ended: {x.How}"),
                    RoyalAssentGranted g => new StageStep("RoyalAssent", g.ValidOn, null),
                    LegislationCommenced c => new StageStep("Commenced", c.ValidOn, string.Join(", ", c.Provisions)),
                    LegislationRepealed r => new StageStep("Repealed", r.ValidOn, r.RepealedBy),
                    _ => null,
                };
                if (e.Data is BillIntroduced introduced)
                {
                    originatingHouse = HouseOf(introduced.House);
                }

                if (step is null)
                {
                    continue; // not legislation
                }

                if (title is null)
                {
                    switch (e.Data)
                    {
                        case LegislationAnnounced a: title = a.Title; break;
                        case EnactedLegislationRecorded r: title = r.Title; break;
                        case BillIntroduced b: title = b.Title; break;
                        default: continue; // nothing happens to legislation before it exists
                    }
                }
                else if (e.Data is RoyalAssentGranted assent)
                {
                    title = assent.ActTitle;
                }

                history.Add(step);
                cited.Add(e);
            }

            if (title is null)
            {
                continue;
            }

            var furthest = history.Select(h => Array.IndexOf(StageOrder, h.Stage)).Max();
            var ordered = history
                .OrderBy(h => h.On)
                .ThenBy(h => Array.IndexOf(StageOrder, h.Stage))
                .ToList(); // stable: steps of one stage on one day (two commencements, two rounds of ping-pong) in the order they count
            result.Add(new Bill(stream[0].StreamId, title, StageOrder[furthest], ordered, SourcesOf(cited), underWay));
        }

        return result;
    }

    // From docs/events.md: the coarse stage of a stage in one House. In the originating House, 1st reading is
    // "Introduced" and the 2nd reading to 3rd reading keep their names; everything in the other House, between the
    // Houses, or in a House not stated is "OtherHouse".
    private static string CoarseStage(ParliamentaryStageCompleted c, string? originatingHouse) =>
        HouseName(c.House) != originatingHouse || originatingHouse is null ? "OtherHouse" : c.Stage switch
        {
            BillStage.FirstReading => "Introduced",
            BillStage.SecondReading => "SecondReading",
            BillStage.CommitteeStage => "Committee",
            BillStage.ReportStage => "Report",
            BillStage.ThirdReading => "ThirdReading",
            _ => "OtherHouse",
        };

    private static string? HouseOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "HOUSE OF COMMONS" or "COMMONS" => "House of Commons",
        "HOUSE OF LORDS" or "LORDS" => "House of Lords",
        _ => "House not stated",
    };

    private static string HouseName(ParliamentHouse house) => house switch
    {
        ParliamentHouse.Commons => "House of Commons",
        ParliamentHouse.Lords => "House of Lords",
        _ => "House not stated",
    };

    /// <summary>Whether a bill or Act is an Act in force on a date: Royal Assent on or before it and no repeal by then.</summary>
    /// <param name="bill">The bill or Act.</param>
    /// <param name="on">The date.</param>
    /// <returns>Whether it is an Act in force.</returns>
    public static bool IsActInForce(Bill bill, LocalDate on) =>
        bill.History.Any(h => h.Stage == "RoyalAssent" && h.On <= on) && !bill.History.Any(h => h.Stage == "Repealed" && h.On <= on);
}
