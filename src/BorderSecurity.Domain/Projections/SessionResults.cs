using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Projections;

/// <summary>One bill in one session of Parliament, as of a question.</summary>
/// <param name="LegislationId">The bill's stream id.</param>
/// <param name="Title">Its title as of the question (the Act's title once it has Royal Assent).</param>
/// <param name="Outcome">What became of it in the session.</param>
/// <param name="From">The day it was introduced in the session, or carried over into it.</param>
/// <param name="On">The day of the outcome, or <see langword="null"/> while before Parliament.</param>
/// <param name="Sources">The sources of its entry into the session and of its outcome.</param>
public sealed record SessionBill(string LegislationId, string Title, SessionOutcome Outcome, LocalDate From, LocalDate? On, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Two are equal when every field is, the sources compared in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(SessionBill? other) =>
        other is not null && LegislationId == other.LegislationId && Title == other.Title && Outcome == other.Outcome
        && From == other.From && On == other.On && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LegislationId, Outcome, From, On);
}

/// <summary>The bills of one session of Parliament, in id order.</summary>
/// <param name="Session">The session, for example <c>2024-25</c>.</param>
/// <param name="Bills">Each bill introduced in it or carried over into it, with what became of it there.</param>
public sealed record SessionBills(string Session, IReadOnlyList<SessionBill> Bills)
{
    /// <summary>The bills with one outcome, for example those that fell at the end of the session.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The bills, in id order.</returns>
    public IReadOnlyList<SessionBill> With(SessionOutcome outcome) => [.. Bills.Where(b => b.Outcome == outcome)];
}

/// <summary>
/// Bills by session of Parliament and outcome, as of a date and as known at an instant: "which bills fell at the end of
/// the 2024-25 session?" A bill is listed in the session it was introduced in and in each session it was carried over
/// into, with what became of it in each (<see cref="Legislation.Sessions"/>); a bill whose introduction named no session
/// is listed in <see cref="SessionNotStated"/> for that part of its life. Bills only announced, and Acts recorded as
/// already enacted, were in no session the model knows of and are not listed.
/// </summary>
/// <param name="Query">The question.</param>
/// <param name="Sessions">Each session named, oldest first (by the year it opened, then name; a name stored in free text before names were checked, last).</param>
/// <param name="SessionNotStated">The bills, in id order, for the session their introduction did not name.</param>
public sealed record BillsBySession(AsOfQuery Query, IReadOnlyList<SessionBills> Sessions, IReadOnlyList<SessionBill> SessionNotStated)
{
    /// <summary>Asks a store: its legislation as of the question (<see cref="IBorderSecurityQueries.LegislationAsync"/>), by session.</summary>
    /// <param name="store">The store.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer.</returns>
    public static async Task<BillsBySession> OfAsync(IBorderSecurityQueries store, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        Guard.Against.Null(query);
        var legislation = await store.LegislationAsync(query, cancellationToken).ConfigureAwait(false);
        return Of(query, legislation.Select(l => l.Legislation));
    }

    /// <summary>The answer for legislation already folded for the question.</summary>
    /// <param name="query">The question.</param>
    /// <param name="legislation">Every piece of legislation as of the question.</param>
    /// <returns>The answer.</returns>
    public static BillsBySession Of(AsOfQuery query, IEnumerable<Legislation> legislation)
    {
        Guard.Against.Null(query);
        Guard.Against.Null(legislation);
        var rows = legislation
            .OrderBy(l => l.LegislationId, StringComparer.Ordinal)
            .SelectMany(l => l.Sessions.Select(s => (s.Session, Bill: new SessionBill(l.LegislationId, l.Title, s.Outcome, s.From, s.On, s.Sources))))
            .ToList();
        var named = rows.Where(r => r.Session is not null)
            .GroupBy(r => r.Session!, StringComparer.Ordinal)
            .OrderBy(g => ParliamentarySessions.TryParse(g.Key, out var name) ? ParliamentarySessions.StartYear(name) : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SessionBills(g.Key, [.. g.Select(r => r.Bill)]))
            .ToList();
        return new BillsBySession(query, named, [.. rows.Where(r => r.Session is null).Select(r => r.Bill)]);
    }

    /// <summary>The bills of one session, or <see langword="null"/> when no bill the answer knows was in it.</summary>
    /// <param name="session">The session, for example <c>2024-25</c>.</param>
    /// <returns>The session's bills, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="session"/> is not a session's name (<see cref="ParliamentarySessions.Parse"/>).</exception>
    public SessionBills? Session(string session)
    {
        var name = ParliamentarySessions.Parse(session, nameof(session));
        return Sessions.FirstOrDefault(s => s.Session == name);
    }

    /// <summary>The bills of one session with one outcome, for example those that fell at its end; empty when none.</summary>
    /// <param name="session">The session, for example <c>2024-25</c>.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The bills, in id order.</returns>
    /// <exception cref="ArgumentException"><paramref name="session"/> is not a session's name.</exception>
    public IReadOnlyList<SessionBill> Bills(string session, SessionOutcome outcome) => Session(session)?.With(outcome) ?? [];
}
