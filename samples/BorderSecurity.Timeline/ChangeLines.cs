using System.Globalization;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Timeline;

/// <summary><c>--changes-since</c>: each change of a window on one line, in the order it became known.</summary>
internal static class ChangeLines
{
    public static async Task WriteAsync(IBorderSecurityStore store, ChangesQuery query, TextWriter output, CancellationToken cancellationToken)
    {
        var count = 0;
        for (ChangesQuery? page = query; page is not null;)
        {
            var answer = await store.ChangesAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var change in answer.Changes)
            {
                await output.WriteLineAsync(Line(change)).ConfigureAwait(false);
                count++;
            }

            page = page.Next(answer);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{count} change(s) learnt after {query.KnownAfter} and by {query.KnownBy}.")).ConfigureAwait(false);
    }

    /// <summary>Known-from date, kind (and back-fill), valid date, subject, summary, then the sources' headlines.</summary>
    public static string Line(Change change) => string.Create(CultureInfo.InvariantCulture,
        $"{change.KnownFrom:yyyy-MM-dd} {change.Kind}{(change.IsBackfill ? " (back-fill)" : "")} valid {change.ValidOn:yyyy-MM-dd} {change.Subject.Value}: {change.Summary} [sources: {string.Join("; ", change.Sources.Select(s => s.Headline))}]");
}
