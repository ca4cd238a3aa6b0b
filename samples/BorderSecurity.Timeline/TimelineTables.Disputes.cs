using Spectre.Console;

namespace BorderSecurity.Timeline;

// Open disputes: where the sources disagree about a fact and nothing has settled it yet; one table per dispute.
internal static partial class TimelineTables
{
    public static void RenderOpenDisputes(TimelineReport report, IAnsiConsole console)
    {
        var open = report.Disputes.Where(d => d.IsOpen).ToList();
        if (open.Count == 0)
        {
            return;
        }

        console.Write(new Rule("Open disputes"));
        foreach (var dispute in open)
        {
            var table = new Table().Title($"{Markup.Escape(dispute.Fact)} (since {dispute.RecordedOn:yyyy-MM-dd})")
                .Caption(Markup.Escape(string.Join(", ", dispute.SubjectIds))).AddColumns("Side", "Sources");
            foreach (var side in dispute.Sides)
            {
                table.AddRow(Markup.Escape(side.Says), Markup.Escape(string.Join("\n", side.Provenance.Sources.Select(s => s.Document))));
            }

            console.Write(table);
        }
    }
}
