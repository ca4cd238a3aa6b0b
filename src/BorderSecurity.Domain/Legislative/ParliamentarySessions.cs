using System.Globalization;

namespace BorderSecurity.Domain.Legislative;

/// <summary>What became of a bill in one session of Parliament.</summary>
public enum SessionOutcome
{
    /// <summary>Still before Parliament in that session as of the question: nothing has ended its time there yet.</summary>
    BeforeParliament = 0,

    /// <summary>Carried over into a later session (<see cref="BillCarriedOver"/>), keeping the stages it had completed.</summary>
    CarriedOver = 1,

    /// <summary>Received Royal Assent in that session.</summary>
    RoyalAssent = 2,

    /// <summary>Fell at the end of the session (<see cref="BillEnding.FellAtEndOfSession"/>).</summary>
    Fell = 3,

    /// <summary>Withdrawn by its promoter (<see cref="BillEnding.Withdrawn"/>).</summary>
    Withdrawn = 4,

    /// <summary>Defeated in a vote (<see cref="BillEnding.Defeated"/>).</summary>
    Defeated = 5,
}

/// <summary>A bill's time in one session of Parliament: when it entered the session and what became of it there.</summary>
/// <param name="Session">The session, for example <c>2024-25</c>, or <see langword="null"/> where its introduction named none.</param>
/// <param name="From">The day it was introduced in the session, or carried over into it.</param>
/// <param name="Outcome">What became of it in the session.</param>
/// <param name="On">The day of the outcome (carry-over, ending or Royal Assent), or <see langword="null"/> while before Parliament.</param>
/// <param name="Sources">The sources of its entry into the session and of its outcome, each once.</param>
public sealed record BillSession(string? Session, LocalDate From, SessionOutcome Outcome, LocalDate? On, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Two are equal when every field is, the sources compared in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(BillSession? other) =>
        other is not null && Session == other.Session && From == other.From && Outcome == other.Outcome && On == other.On
        && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Session, From, Outcome, On, Sources.Count);

    /// <summary>This session ended for the bill with <paramref name="outcome"/> on <paramref name="on"/>; unchanged unless it was still before Parliament.</summary>
    internal BillSession Close(SessionOutcome outcome, LocalDate on, Provenance provenance) =>
        Outcome != SessionOutcome.BeforeParliament ? this : this with
        {
            Outcome = outcome,
            On = on,
            Sources = [.. Sources.Concat(provenance.Sources).Distinct()],
        };
}

/// <summary>
/// Sessions of Parliament, named as the UK Parliament names them: the year the session opened and the last two digits of
/// the year it was prorogued, for example <c>2024-25</c> (or <c>2019-21</c> for a long session).
/// </summary>
public static class ParliamentarySessions
{
    /// <summary>The longest session accepted, in years from its opening to its end (the longest modern sessions ran about two).</summary>
    public const int MaxYears = 3;

    /// <summary>Reads a session's name, rejecting anything that is not <c>YYYY-YY</c> with the end no earlier than the start.</summary>
    /// <param name="session">The name, for example <c>2024-25</c>; surrounding spaces are ignored.</param>
    /// <param name="parameterName">The field it came from, named in the error.</param>
    /// <returns>The name, trimmed.</returns>
    /// <exception cref="ArgumentException">The name is not a session's; the message names <paramref name="parameterName"/>.</exception>
    public static string Parse(string? session, string parameterName) =>
        TryParse(session, out var name)
            ? name
            : throw new ArgumentException(
                $"{parameterName} must name a session of Parliament as YYYY-YY, the year it opened and the last two digits of the year it ended, " +
                $"for example \"2024-25\" (was '{session}').", parameterName);

    /// <summary>
    /// Reads a session's name as <see cref="Parse"/> does, without throwing: events stored before sessions were checked
    /// may name a session in free text, which reads but cannot be ordered.
    /// </summary>
    /// <param name="session">The name.</param>
    /// <param name="name">The name, trimmed, when it is a session's.</param>
    /// <returns><see langword="true"/> when it is a session's name.</returns>
    public static bool TryParse(string? session, out string name)
    {
        var text = session?.Trim() ?? "";
        name = text;
        return text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var endDigits)
            && start >= 1801
            && EndYear(start, endDigits) - start <= MaxYears;
    }

    /// <summary>The year a session opened: the first four digits of its name.</summary>
    /// <param name="session">A name <see cref="Parse"/> accepts.</param>
    /// <returns>The year.</returns>
    public static int StartYear(string session) => int.Parse(Parse(session, nameof(session)).AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The year a session ended: its name's last two digits in the century that puts it on or after its opening.</summary>
    /// <param name="session">A name <see cref="Parse"/> accepts.</param>
    /// <returns>The year.</returns>
    public static int EndYear(string session)
    {
        var text = Parse(session, nameof(session));
        return EndYear(StartYear(text), int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>Whether <paramref name="later"/> may follow <paramref name="earlier"/>: it opens no earlier than the year <paramref name="earlier"/> ended, and is another session.</summary>
    /// <param name="earlier">A session.</param>
    /// <param name="later">Another session.</param>
    /// <returns><see langword="true"/> when it may follow.</returns>
    public static bool Follows(string later, string earlier) =>
        !string.Equals(Parse(later, nameof(later)), Parse(earlier, nameof(earlier)), StringComparison.Ordinal) && StartYear(later) >= EndYear(earlier);

    private static int EndYear(int start, int endDigits)
    {
        var end = (start / 100 * 100) + endDigits;
        if (end < start)
        {
            end += 100;
        }

        return end;
    }
}
