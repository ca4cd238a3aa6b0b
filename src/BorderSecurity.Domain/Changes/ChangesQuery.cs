using System.Globalization;
using System.Text;

namespace BorderSecurity.Domain.Changes;

/// <summary>
/// A question about change between two known instants: everything learnt after <see cref="KnownAfter"/> and by
/// <see cref="KnownBy"/> (an event counts when its known-from instant is in that window, whatever its valid date),
/// optionally a page at a time.
/// </summary>
/// <remarks>
/// Validated on construction: <see cref="KnownBy"/> before <see cref="KnownAfter"/>, a page size outside 1 to
/// <see cref="MaxPageSize"/> or a continuation this window did not give throw an exception naming the parameter. Ask for
/// the next page with <see cref="Next"/> and the continuation of the page before (<see cref="ChangesPage.Continuation"/>).
/// </remarks>
public sealed record ChangesQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 1000;

    private const string Prefix = "c1:";

    /// <summary>Creates a question about what became known after <paramref name="knownAfter"/> and by <paramref name="knownBy"/>.</summary>
    /// <param name="knownAfter">A: changes known at this instant are not included (exclusive).</param>
    /// <param name="knownBy">B: changes known at or before this instant are included (inclusive); not before A.</param>
    /// <param name="pageSize">At most this many changes per answer, 1 to <see cref="MaxPageSize"/>; <see langword="null"/> for all at once.</param>
    /// <param name="continuation">Where to go on from: the <see cref="ChangesPage.Continuation"/> of the page before, unchanged; <see langword="null"/> for the first page.</param>
    /// <param name="recordedBy">Only what this store had recorded by this instant counts (the audit view: the answer for an
    /// instant that has passed never changes); <see langword="null"/> for everything recorded.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="knownBy"/> is before <paramref name="knownAfter"/>, or <paramref name="pageSize"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="continuation"/> is not one this window gave.</exception>
    public ChangesQuery(Instant knownAfter, Instant knownBy, int? pageSize = null, string? continuation = null, Instant? recordedBy = null)
    {
        if (knownBy < knownAfter)
        {
            throw new ArgumentOutOfRangeException(nameof(knownBy), knownBy,
                $"knownBy ({knownBy}) is before knownAfter ({knownAfter}): the window of changes must not end before it starts.");
        }

        if (pageSize is { } size && (size < 1 || size > MaxPageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), size, $"pageSize must be from 1 to {MaxPageSize} (was {size}).");
        }

        KnownAfter = knownAfter;
        KnownBy = knownBy;
        RecordedBy = recordedBy;
        PageSize = pageSize;
        Continuation = continuation;
        if (continuation is not null)
        {
            ResumeAfter = Decode(continuation);
            if (ResumeAfter.Value.KnownFrom <= knownAfter || ResumeAfter.Value.KnownFrom > knownBy)
            {
                throw new ArgumentException("continuation was not given for this window of changes; pass the one the page before returned, with the same knownAfter and knownBy.",
                    nameof(continuation));
            }
        }
    }

    /// <summary>A: the instant after which changes count (exclusive).</summary>
    public Instant KnownAfter { get; }

    /// <summary>B: the instant by which changes count (inclusive).</summary>
    public Instant KnownBy { get; }

    /// <summary>Only what this store had recorded by this instant counts; <see langword="null"/> for everything recorded.</summary>
    public Instant? RecordedBy { get; }

    /// <summary>At most this many changes per answer; <see langword="null"/> for all.</summary>
    public int? PageSize { get; }

    /// <summary>The continuation this question goes on from, or <see langword="null"/> for the first page.</summary>
    public string? Continuation { get; }

    /// <summary>
    /// Where this page starts: after the change known from <c>KnownFrom</c> at log position <c>Sequence</c> (the last of the
    /// page before, decoded from <see cref="Continuation"/>), or <see langword="null"/> for the first page.
    /// </summary>
    public (Instant KnownFrom, long Sequence)? ResumeAfter { get; }

    /// <summary>The question for the page after <paramref name="page"/>.</summary>
    /// <param name="page">A page this question (or one with the same window) returned.</param>
    /// <returns>The next page's question, or <see langword="null"/> when <paramref name="page"/> was the last.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/> is null.</exception>
    public ChangesQuery? Next(ChangesPage page) =>
        Guard.Against.Null(page).Continuation is { } next ? new ChangesQuery(KnownAfter, KnownBy, PageSize, next, RecordedBy) : null;

    /// <summary>Whether an event is in the window, recorded by <see cref="RecordedBy"/> and after the continuation.</summary>
    /// <param name="recorded">The event.</param>
    /// <returns><see langword="true"/> when it belongs to this page or a later one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recorded"/> is null.</exception>
    public bool Includes(RecordedEvent recorded) =>
        Includes(Guard.Against.Null(recorded).KnownFrom, recorded.Sequence) && Records(recorded.RecordedAt);

    /// <summary>Whether an event written by this store at <paramref name="recordedAt"/> counts: recorded by <see cref="RecordedBy"/>.</summary>
    /// <param name="recordedAt">When the store recorded it.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public bool Records(Instant recordedAt) => RecordedBy is not { } by || recordedAt <= by;

    /// <summary>Whether a change known from <paramref name="knownFrom"/>, at log position <paramref name="sequence"/>, is in the window and after the continuation.</summary>
    /// <param name="knownFrom">When it became known.</param>
    /// <param name="sequence">Its position in the log.</param>
    /// <returns><see langword="true"/> when it belongs to this page or a later one.</returns>
    public bool Includes(Instant knownFrom, long sequence) =>
        knownFrom > KnownAfter && knownFrom <= KnownBy
        && (ResumeAfter is not { } after || knownFrom > after.KnownFrom || (knownFrom == after.KnownFrom && sequence > after.Sequence));

    internal static string Encode(Instant knownFrom, long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{Prefix}{knownFrom.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)}:{sequence.ToString(CultureInfo.InvariantCulture)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (Instant KnownFrom, long Sequence) Decode(string continuation)
    {
        try
        {
            var padded = continuation.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && text[Prefix.Length..].Split(':') is [var ticks, var sequence]
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return (Instant.FromUnixTimeTicks(t), s);
            }
        }
        catch (FormatException)
        {
        }
        catch (ArgumentOutOfRangeException)
        {
        }

        throw new ArgumentException("continuation is not a continuation this store gave; pass the one the page before returned, unchanged.", nameof(continuation));
    }
}
