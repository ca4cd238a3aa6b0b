using Spectre.Console;

namespace BorderSecurity.Timeline;

// Outcome figures: what the sources say happened, each value as a source stated it, with its status and every revision.
internal static partial class TimelineTables
{
    public static void RenderOutcomes(TimelineReport report, IAnsiConsole console)
    {
        if (report.Outcomes.Count == 0)
        {
            return;
        }

        var table = new Table().Title("Outcomes (as reported and revised)").AddColumns("Indicator", "Period", "Value", "Status", "Earlier releases", "Sources");
        foreach (var indicator in report.Outcomes)
        {
            foreach (var value in indicator.Indicator.Values)
            {
                table.AddRow(
                    Markup.Escape(indicator.Indicator.Name) + Mark(indicator.OpenDisputes, [indicator.IndicatorId]),
                    Markup.Escape(value.Period.ToString()),
                    Markup.Escape($"{value.Latest.Stated} {indicator.Indicator.Unit}"),
                    $"{value.Latest.Status}",
                    Markup.Escape(string.Join("; ", value.Releases.SkipLast(1).Select(r => $"{r.Stated} ({r.Status})"))),
                    Markup.Escape(string.Join("; ", value.Latest.Sources.Select(s => s.Document))));
            }
        }

        CaptionIfDisputed(table, report.Outcomes.Any(i => i.OpenDisputes.Count > 0));
        console.Write(table);
    }
}
