using BorderSecurity.Domain.Legislative;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>One bill in one session, as the oracle sees it.</summary>
    /// <param name="Session">The session's name, or null where the introduction named none.</param>
    /// <param name="Id">The bill's id.</param>
    /// <param name="Title">Its title as of the question (<see cref="Legislation"/>).</param>
    /// <param name="Outcome">"BeforeParliament", "CarriedOver", "RoyalAssent", "Fell", "Withdrawn" or "Defeated".</param>
    /// <param name="From">The day it entered the session.</param>
    /// <param name="On">The day of the outcome, or null while before Parliament.</param>
    /// <param name="Sources">The sources of its entry and its outcome, each once, as "document|headline".</param>
    public sealed record SessionRow(string? Session, string Id, string Title, string Outcome, LocalDate From, LocalDate? On, IReadOnlyList<string> Sources);

    /// <summary>
    /// Bills by session as of the question, from docs/events.md ("Sessions of Parliament"): an introduction puts the bill
    /// in the session it names (or in none named); a carry-over ends that session for it as carried over and puts it in the
    /// session named; an ending (withdrawn, defeated, fell) or Royal Assent ends the session it is in with that outcome. Rows
    /// ordered by session (by the year it opened, then name; names that are not YYYY-YY last; the unnamed session after
    /// all), then bill id.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="asOf">The valid date.</param>
    /// <param name="knownAt">The known-at instant, or null for everything known.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<SessionRow> BillsBySession(IEnumerable<RecordedEvent> log, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var events = log.ToList();
        var titles = Legislation(events, asOf, knownAt, recordedBy).ToDictionary(b => b.Id, b => b.Title, StringComparer.Ordinal);
        var rows = new List<SessionRow>();
        foreach (var stream in CountingStreams(events, asOf, knownAt, recordedBy))
        {
            if (!titles.TryGetValue(stream[0].StreamId, out var title))
            {
                continue;
            }

            // Each session: its name, entry day, outcome, outcome day and the events that cite sources for it.
            var sessions = new List<(string? Name, LocalDate From, string Outcome, LocalDate? On, List<RecordedEvent> Cited)>();
            void Close(RecordedEvent e, string outcome)
            {
                if (sessions.Count > 0 && sessions[^1].Outcome == "BeforeParliament")
                {
                    var open = sessions[^1];
                    open.Cited.Add(e);
                    sessions[^1] = (open.Name, open.From, outcome, e.Data.ValidOn, open.Cited);
                }
            }

            foreach (var e in stream)
            {
                switch (e.Data)
                {
                    case BillIntroduced introduced:
                        sessions.Add((introduced.Session, introduced.ValidOn, "BeforeParliament", null, [e]));
                        break;
                    case BillCarriedOver carried:
                        Close(e, "CarriedOver");
                        sessions.Add((carried.IntoSession, carried.ValidOn, "BeforeParliament", null, [e]));
                        break;
                    case BillEnded ended:
                        Close(e, ended.How switch
                        {
                            BillEnding.Withdrawn => "Withdrawn",
                            BillEnding.Defeated => "Defeated",
                            _ => "Fell",
                        });
                        break;
                    case RoyalAssentGranted:
                        Close(e, "RoyalAssent");
                        break;
                }
            }

            rows.AddRange(sessions.Select(s => new SessionRow(s.Name, stream[0].StreamId, title, s.Outcome, s.From, s.On, SourcesOf(s.Cited))));
        }

        return [.. rows
            .OrderBy(r => r.Session is null ? 2 : IsSessionName(r.Session) ? 0 : 1)
            .ThenBy(r => r.Session is { } s && IsSessionName(s) ? int.Parse(s[..4], System.Globalization.CultureInfo.InvariantCulture) : 0)
            .ThenBy(r => r.Session, StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    // "YYYY-YY": four digits, a dash, two digits (the oracle checks the shape only; the decider refuses the rest).
    private static bool IsSessionName(string session) =>
        session.Length == 7 && session[4] == '-' && session.Remove(4, 1).All(char.IsAsciiDigit);
}
