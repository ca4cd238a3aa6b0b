using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Changes;

/// <summary>
/// The one algorithm behind <see cref="Storage.IBorderSecurityQueries.ChangesAsync"/>: both stores feed it the events in
/// the window (read by their known-from index) and the histories of the streams they touch.
/// </summary>
public static class ChangeAnswers
{
    /// <summary>The page of changes a question asks for.</summary>
    /// <param name="query">The question.</param>
    /// <param name="window">The events known in the question's window after its continuation (<see cref="ChangesQuery.Includes(RecordedEvent)"/>), in any
    /// order; others are ignored. Only the first page size plus one (in known order) are needed.</param>
    /// <param name="history">A stream's events, all of them, by stream id: for the figures' values before and after, and a dispute's subject.</param>
    /// <param name="subject">Only changes about this subject (recorded in its stream, or a dispute about it); <see langword="null"/> for all.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/>, <paramref name="window"/> or <paramref name="history"/> is null.</exception>
    public static ChangesPage Of(ChangesQuery query, IEnumerable<RecordedEvent> window, Func<string, IReadOnlyList<RecordedEvent>> history, StreamId? subject = null)
    {
        Guard.Against.Null(query);
        Guard.Against.Null(window);
        Guard.Against.Null(history);
        var start = query.KnownAfter.InUtc().Date;
        var ordered = window.Where(query.Includes)
            .OrderBy(e => e.KnownFrom).ThenBy(e => e.Sequence)
            .Select(e => (Event: e, Subject: SubjectOf(e, history, subject)))
            .Where(x => subject is null || x.Event.StreamId == subject.Value || x.Subject == subject.Value);
        var take = query.PageSize ?? int.MaxValue;
        var changes = new List<Change>();
        string? continuation = null;
        foreach (var (e, about) in ordered)
        {
            if (changes.Count == take)
            {
                var last = changes[^1];
                continuation = ChangesQuery.Encode(last.KnownFrom, last.Sequence);
                break;
            }

            changes.Add(new Change(e.KnownFrom, e.Sequence, e.ValidOn, new StreamId(e.StreamId), new StreamId(about), ChangeClassification.Of(e.Data),
                e.ValidOn < start, e.EventName, EventDescriptions.Describe(e.Data), e.Data.Provenance.Sources, FigureOf(e, query, history)));
        }

        return new ChangesPage(changes, continuation);
    }

    /// <summary>What happened between two valid dates, as known at the question's instants (<see cref="Storage.IBorderSecurityQueries.HappenedAsync"/>).</summary>
    /// <param name="query">The question.</param>
    /// <param name="window">The events that happened in the window (<see cref="HappenedQuery.Includes"/>), in any order; others are ignored.</param>
    /// <param name="history">A stream's events, all of them, by stream id: for the figures' values before and after, and a dispute's subject.</param>
    /// <param name="subject">Only changes about this subject (recorded in its stream, or a dispute about it); <see langword="null"/> for all.</param>
    /// <returns>The changes by valid date, then log order. A figure's value before and after is as of the change's valid date,
    /// over the stream's events the question knows that come before it by valid date (ties in log order), then with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/>, <paramref name="window"/> or <paramref name="history"/> is null.</exception>
    public static IReadOnlyList<Change> Happened(HappenedQuery query, IEnumerable<RecordedEvent> window, Func<string, IReadOnlyList<RecordedEvent>> history,
        StreamId? subject = null)
    {
        Guard.Against.Null(query);
        Guard.Against.Null(window);
        Guard.Against.Null(history);
        var knowledge = query.Knowledge;
        return [.. window.Where(query.Includes)
            .OrderBy(e => e.ValidOn).ThenBy(e => e.Sequence)
            .Select(e => (Event: e, Subject: SubjectOf(e, history, subject)))
            .Where(x => subject is null || x.Event.StreamId == subject.Value || x.Subject == subject.Value)
            .Select(x => new Change(x.Event.KnownFrom, x.Event.Sequence, x.Event.ValidOn, new StreamId(x.Event.StreamId), new StreamId(x.Subject),
                ChangeClassification.Of(x.Event.Data), x.Event.KnownFrom.InUtc().Date > query.To, x.Event.EventName, EventDescriptions.Describe(x.Event.Data),
                x.Event.Data.Provenance.Sources, HappenedFigureOf(x.Event, knowledge, history)))];
    }

    private static FigureChange? HappenedFigureOf(RecordedEvent change, AsOfQuery knowledge, Func<string, IReadOnlyList<RecordedEvent>> history)
    {
        if (ChangeClassification.FigureOf(change.Data) is not var (figure, dimension))
        {
            return null;
        }

        var before = history(change.StreamId).Where(e => knowledge.Knows(e.KnownFrom, e.RecordedAt)
            && (e.ValidOn < change.ValidOn || (e.ValidOn == change.ValidOn && e.Sequence < change.Sequence))).ToList();
        var after = before.Append(change);
        return new FigureChange(figure, dimension, ValueOf(before, figure, dimension, change.ValidOn), ValueOf(after, figure, dimension, change.ValidOn));
    }

    /// <summary>The error for a change question about a subject the store holds no stream of.</summary>
    /// <param name="subjectId">The subject asked about.</param>
    /// <returns>An <see cref="ArgumentException"/> naming <c>subjectId</c>.</returns>
    public static ArgumentException UnknownSubject(StreamId subjectId) =>
        new($"{Guard.Against.Null(subjectId).Value} is not a commitment, target, bill, command or dispute this store holds: no event was ever recorded in that stream.",
            nameof(subjectId));

    /// <summary>Whether an event is about a subject: recorded in its stream, or a dispute recorded or resolved about it (among others).</summary>
    internal static bool IsAbout(RecordedEvent e, StreamId subject, Func<string, IReadOnlyList<RecordedEvent>> history) =>
        e.StreamId == subject.Value || SubjectOf(e, history, subject) == subject.Value;

    // What a change is about: its stream; for a dispute, the subject asked about when the dispute names it, else the first
    // subject it names (a dispute may concern several; see Change.Subject).
    private static string SubjectOf(RecordedEvent e, Func<string, IReadOnlyList<RecordedEvent>> history, StreamId? asked)
    {
        var subjects = e.Data switch
        {
            DisputeRecorded r => r.SubjectIds,
            DisputeResolved => history(e.StreamId).Select(x => x.Data).OfType<DisputeRecorded>().FirstOrDefault()?.SubjectIds,
            _ => null,
        };
        return subjects is null || subjects.Count == 0 ? e.StreamId
            : asked is not null && subjects.Contains(asked.Value, StringComparer.Ordinal) ? asked.Value
            : subjects[0];
    }

    private static FigureChange? FigureOf(RecordedEvent change, ChangesQuery query, Func<string, IReadOnlyList<RecordedEvent>> history)
    {
        if (ChangeClassification.FigureOf(change.Data) is not var (figure, dimension))
        {
            return null;
        }

        var stream = history(change.StreamId);
        var before = stream.Where(e => query.Records(e.RecordedAt) && (e.KnownFrom < change.KnownFrom || (e.KnownFrom == change.KnownFrom && e.Sequence < change.Sequence)));
        var after = before.Append(change);
        return new FigureChange(figure, dimension, ValueOf(before, figure, dimension, change.ValidOn), ValueOf(after, figure, dimension, change.ValidOn));
    }

    // The figure as of a valid date over the events known: the last statement of it by valid date, ties in log order; zero
    // once the commitment is withdrawn (its amount and allocations; money spent stays spent) or the target abandoned.
    internal static decimal? ValueOf(IEnumerable<RecordedEvent> known, string figure, string dimension, LocalDate asOf)
    {
        decimal? value = null;
        var ended = false;
        var stop = figure switch
        {
            Figures.Amount or Figures.Allocation => Figures.Withdrawn,
            Figures.Spending => null,
            _ => Figures.Abandoned,
        };
        foreach (var e in known.Where(e => e.ValidOn <= asOf).OrderBy(e => e.ValidOn).ThenBy(e => e.Sequence))
        {
            foreach (var s in EventStatements.Of(e.Data))
            {
                if (s.Figure == figure && s.Dimension == dimension)
                {
                    value = s.Value;
                }
                else if (stop is not null && s.Figure == stop)
                {
                    ended = true;
                }
            }
        }

        return value is not null && ended ? 0m : value;
    }
}
