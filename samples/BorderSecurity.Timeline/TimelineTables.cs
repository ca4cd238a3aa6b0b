using BorderSecurity.Domain.Funding;
using Spectre.Console;

namespace BorderSecurity.Timeline;

/// <summary>Renders a report as Spectre.Console tables and a bar chart.</summary>
internal static partial class TimelineTables
{
    public static void Render(TimelineReport report, IAnsiConsole console)
    {
        console.Write(new Rule($"[bold]Border Security Command[/] {Markup.Escape(report.Query.ToString())} ({report.EventsReplayed} events)").LeftJustified());

        var funding = new Table().Title("Funding per recipient (£m)").AddColumns("Recipient", "Total", "New money", "Redirected", "Firm", "Up to (ceiling)", "Allocated");
        foreach (var r in report.Funding.Recipients)
        {
            var t = r.Totals;
            funding.AddRow(Markup.Escape(r.Recipient), M(t.Total), M(t.NewMoney), M(t.Redirected), M(t.Firm), M(t.Ceiling), M(t.Allocated));
        }

        var all = report.Funding.Totals;
        funding.AddRow("[bold]All[/]", M(all.Total), M(all.NewMoney), M(all.Redirected), M(all.Firm), M(all.Ceiling), M(all.Allocated));
        console.Write(funding);

        var origins = new Table().Title("Funding by origin (£m)").AddColumns("Origin", "Amount");
        foreach (var o in report.Funding.ByOrigin)
        {
            origins.AddRow(Markup.Escape(o.Origin.Label), M(o.Amount));
        }

        console.Write(origins);

        var recruitment = new Table().Title("Recruitment targets").AddColumns("Organisation", "Role", "Target", "In post", "Gap", "Status", "Announced");
        foreach (var target in report.Recruitment.Organisations.SelectMany(o => o.Targets))
        {
            recruitment.AddRow(Markup.Escape(target.Organisation), Markup.Escape(target.Role), $"{target.Headcount}", $"{target.InPost}",
                $"{target.Gap}", $"{target.Status}", target.Announcements == 1 ? "once" : $"{target.Announcements} times");
        }

        console.Write(recruitment);

        var legislation = new Table().Title("Legislation").AddColumns("Title", "Stage", "History");
        foreach (var l in report.Legislation)
        {
            legislation.AddRow(Markup.Escape(l.Title), $"{l.Stage}",
                Markup.Escape(string.Join("; ", l.History.Select(h => $"{h.Stage} {h.On:yyyy-MM-dd}"))));
        }

        console.Write(legislation);

        foreach (var overview in report.Commands)
        {
            var c = overview.Command;
            var grid = new Table().Title($"{Markup.Escape(c.Name)} at a glance").AddColumns("", "");
            grid.AddRow("Department", Markup.Escape(c.ParentDepartment));
            grid.AddRow("Established", $"{c.EstablishedOn:yyyy-MM-dd}");
            grid.AddRow("Leader", Markup.Escape(c.Leader is { } leader ? $"{leader.DisplayName}, {leader.PostTitle}" : "none yet"));
            grid.AddRow("Coordinates", Markup.Escape(string.Join(", ", c.CoordinatedAgencies)));
            grid.AddRow("Units", Markup.Escape(string.Join(", ", c.Units.Keys)));
            grid.AddRow("Agreements", Markup.Escape(string.Join(", ", c.Agreements.Keys)));
            grid.AddRow("Funding", $"{M(overview.Funding.Totals.Total)}m ({M(overview.Funding.Totals.Redirected)}m redirected, {M(overview.Funding.Totals.NewMoney)}m new; {M(overview.Funding.Totals.Ceiling)}m of it 'up to')");
            grid.AddRow("Headcount target", $"{overview.Recruitment.Target} ({overview.Recruitment.InPost} in post)");
            console.Write(grid);
        }

        var chart = new BarChart().Label($"{Markup.Escape(report.ChartSubject)}: committed funding at each month end, £m").WithMaxValue(
            Math.Max(1, (double)report.FundingByMonth.Max(m => m.Amount.Pounds) / 1_000_000));
        foreach (var month in report.FundingByMonth)
        {
            chart.AddItem($"{month.Month:yyyy-MM}", (double)month.Amount.Pounds / 1_000_000, Color.Blue);
        }

        console.Write(chart);
    }

    private static string M(Money money) => (money.Pounds / 1_000_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
