using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Api.Endpoints;

/// <summary>
/// The changes as an Atom feed (RFC 4287), written with <c>System.ServiceModel.Syndication</c>: the newest
/// <see cref="MaxEntries"/> changes learnt after <c>knownAfter</c> and by <c>knownBy</c>, newest first.
/// </summary>
/// <remarks>
/// Each entry is one change: its id a <c>tag:</c> URI (RFC 4151) from its stream and log sequence, so a reader sees the
/// same id on every request and never repeats an entry; its title the change's summary; its updated instant the change's
/// known-from instant; its kind a category; each source a <c>rel="related"</c> link titled with the source's headline (the
/// source's address, or a <c>tag:</c> URI naming the document where the source has none). The feed's updated instant is
/// its newest entry's.
/// </remarks>
public static class ChangeFeed
{
    /// <summary>The feed's media type.</summary>
    public const string MediaType = "application/atom+xml";

    /// <summary>The most entries a feed carries: the newest.</summary>
    public const int MaxEntries = 100;

    /// <summary>The start of the window when <c>knownAfter</c> is absent: before anything a store holds was known.</summary>
    public static readonly Instant BeginningOfTime = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>The tagging entity of every id this feed mints (RFC 4151).</summary>
    public const string TaggingEntity = "bordersecurity.example,2024";

    /// <summary>The feed of the window's changes.</summary>
    /// <param name="knownAfter">The optional start (exclusive, ISO-8601): <see cref="BeginningOfTime"/> when absent.</param>
    /// <param name="knownBy">The optional end (inclusive, ISO-8601): the clock's instant when absent.</param>
    /// <param name="subject">Optional: only the changes about this subject.</param>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The feed, or a 400 problem naming the parameter.</returns>
    public static async Task<IResult> FeedAsync(string? knownAfter, string? knownBy, string? subject, IBorderSecurityStore store, IClock clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        Instant? after = null;
        if (knownAfter is not null && (!AsOfParameters.TryParseInstant(knownAfter, out after) || after is null))
        {
            return AsOfParameters.InvalidInstant("knownAfter", knownAfter);
        }

        Instant? by = null;
        if (knownBy is not null && (!AsOfParameters.TryParseInstant(knownBy, out by) || by is null))
        {
            return AsOfParameters.InvalidInstant("knownBy", knownBy);
        }

        Instant from = after ?? BeginningOfTime, to = by ?? clock.GetCurrentInstant();
        StreamId? about;
        try
        {
            _ = new ChangesQuery(from, to);
            about = subject is null ? null : new StreamId(subject);
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName is "knownBy" ? "knownBy" : "subject";
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, $"Invalid {field}", e.Message, field);
        }

        // Newest first without reading the whole window: windows going back from its end, each four times as long as the
        // one before (a day, four days, ...), each read through the known-from index, until they hold the newest
        // MaxEntries changes or reach the window's start. A long, quiet history costs a dozen small reads, not a scan.
        var windows = new List<IReadOnlyList<Change>>();
        try
        {
            var upper = to;
            var span = Duration.FromDays(1);
            var count = 0;
            while (true)
            {
                var lower = upper - from <= span ? from : upper - span;
                var window = await ReadAllAsync(store, new ChangesQuery(lower, upper, ChangesQuery.MaxPageSize), about, ct);
                windows.Add(window);
                count += window.Count;
                if (count >= MaxEntries || lower == from)
                {
                    break;
                }

                (upper, span) = (lower, span * 4);
            }
        }
        catch (ArgumentException e) when (e.ParamName is "subjectId")
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid subject", e.Message, "subject");
        }

        var entries = windows.SelectMany(w => w.Reverse()).Take(MaxEntries).ToList();
        return TypedResults.Bytes(Write(entries, subject), MediaType + "; charset=utf-8");
    }

    // Every change of one window, a page at a time (oldest first).
    private static async Task<IReadOnlyList<Change>> ReadAllAsync(IBorderSecurityStore store, ChangesQuery first, StreamId? about, CancellationToken ct)
    {
        var changes = new List<Change>();
        for (ChangesQuery? query = first; query is not null;)
        {
            var page = about is null ? await store.ChangesAsync(query, ct) : await store.ChangesAboutAsync(about, query, ct);
            changes.AddRange(page.Changes);
            query = query.Next(page);
        }

        return changes;
    }

    /// <summary>The stable id of a change's entry: a <c>tag:</c> URI from its stream and log sequence.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The id.</returns>
    public static string EntryId(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"tag:{TaggingEntity}:change/{Uri.EscapeDataString(change.Stream.Value)}/{change.Sequence.ToString(CultureInfo.InvariantCulture)}";
    }

    private static byte[] Write(IReadOnlyList<Change> entries, string? subject)
    {
        var feed = new SyndicationFeed(
            subject is null ? "Border Security: what changed" : $"Border Security: what changed about {subject}",
            "Everything learnt, newest first: each change classified, with its sources.",
            null,
            $"tag:{TaggingEntity}:changes" + (subject is null ? "" : "/" + Uri.EscapeDataString(subject)),
            entries.Count > 0 ? entries[0].KnownFrom.ToDateTimeOffset() : DateTimeOffset.UnixEpoch)
        {
            Items = [.. entries.Select(Entry)],
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Entry(Change change)
    {
        var item = new SyndicationItem
        {
            Id = EntryId(change),
            Title = new TextSyndicationContent(change.Summary),
            LastUpdatedTime = change.KnownFrom.ToDateTimeOffset(),
            Summary = new TextSyndicationContent(
                $"{change.Kind}{(change.IsBackfill ? " (back-fill)" : "")} about {change.Subject.Value}, valid from {change.ValidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."),
        };
        item.Categories.Add(new SyndicationCategory(change.Kind.ToString()));
        foreach (var source in change.Sources)
        {
            var href = source.Url is { } url ? new Uri(url) : new Uri($"tag:{TaggingEntity}:source/{Uri.EscapeDataString(source.Document)}");
            item.Links.Add(new SyndicationLink(href, "related", source.Headline, null, 0));
        }

        return item;
    }
}
