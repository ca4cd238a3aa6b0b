using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Projections;
using Spectre.Console;

namespace BorderSecurity.Timeline;

// Disputed figures: a row whose figure includes a subject with an open dispute is marked, and its table says where to look.
internal static partial class TimelineTables
{
    /// <summary>The mark after a disputed row's first cell.</summary>
    private const string DisputedMark = " [yellow]*[/]";

    /// <summary>The caption of a table with marked rows.</summary>
    private const string DisputedCaption = "[yellow]*[/] disputed: see Open disputes";

    /// <summary>The mark for a row about some subjects, if any of them has an open dispute among <paramref name="open"/>.</summary>
    private static string Mark(IReadOnlyList<Dispute> open, IEnumerable<string> subjectIds) =>
        OpenDisputes.About(open, subjectIds).Count > 0 ? DisputedMark : "";

    /// <summary>Captions a table when any of its rows is marked.</summary>
    private static void CaptionIfDisputed(Table table, bool anyMarked)
    {
        if (anyMarked)
        {
            table.Caption(DisputedCaption);
        }
    }
}
