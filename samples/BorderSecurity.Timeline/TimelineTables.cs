using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using Spectre.Console;

namespace BorderSecurity.Timeline;

/// <summary>Renders a report as Spectre.Console tables and a bar chart.</summary>
internal static partial class TimelineTables
{
    public static void Render(TimelineReport report, IAnsiConsole console)
    {
        console.Write(new Rule($"[bold]Border Security Command[/] {Markup.Escape(report.Query.ToString())} ({report.EventsReplayed} events)").LeftJustified());

        // Sums of amounts (in-year, over years, period not stated); yearly levels in a table of their own, never added to them.
        var funding = new Table().Title("Funding per recipient (£m): sums of amounts (in-year, over years, period not stated)")
            .AddColumns("Recipient", "Total", "New money", "Redirected", "Firm", "Up to (ceiling)", "Allocated");
        var disputed = report.Funding.OpenDisputes;
        foreach (var r in report.Funding.Recipients)
        {
            var t = r.Totals;
            funding.AddRow(Markup.Escape(r.Recipient) + Mark(disputed, r.CommitmentIds), M(t.Total), M(t.NewMoney), M(t.Redirected), M(t.Firm), M(t.Ceiling), M(t.Allocated));
        }

        var all = report.Funding.Totals;
        funding.AddRow("[bold]All[/]", M(all.Total), M(all.NewMoney), M(all.Redirected), M(all.Firm), M(all.Ceiling), M(all.Allocated));
        CaptionIfDisputed(funding, disputed.Count > 0);
        console.Write(funding);

        if (all.YearlyLevels.Count > 0)
        {
            var levels = new Table().Title("Yearly levels (£m each year): never added to the sums above")
                .AddColumns("Recipient", "Level", "A year", "New money", "Redirected", "Firm", "Up to (ceiling)");
            foreach (var (who, level) in report.Funding.Recipients.SelectMany(r => r.Totals.YearlyLevels.Select(l => (Markup.Escape(r.Recipient), l)))
                         .Concat(all.YearlyLevels.Select(l => ("[bold]All[/]", l))))
            {
                levels.AddRow(who, Markup.Escape(level.Label), M(level.PerYear), M(level.NewMoney), M(level.Redirected), M(level.Firm), M(level.Ceiling));
            }

            console.Write(levels);
        }

        var origins = new Table().Title("Funding by origin (£m)").AddColumns("Origin", "Sum of amounts", "Yearly levels (a year)");
        foreach (var o in report.Funding.ByOrigin)
        {
            origins.AddRow(Markup.Escape(o.Origin.Label), M(o.Amount), Levels(o.YearlyLevels));
        }

        console.Write(origins);

        var recruitment = new Table().Title("Recruitment targets").AddColumns("Organisation", "Role", "Target", "In post", "Gap", "Status", "Announced");
        foreach (var target in report.Recruitment.Organisations.SelectMany(o => o.Targets))
        {
            recruitment.AddRow(Markup.Escape(target.Organisation) + Mark(report.Recruitment.OpenDisputes, [target.TargetId]), Markup.Escape(target.Role), target.StatedHeadcount, $"{target.InPost}",
                $"{target.Gap}", $"{target.Status}", target.Announcements == 1 ? "once" : $"{target.Announcements} times");
        }

        CaptionIfDisputed(recruitment, report.Recruitment.OpenDisputes.Count > 0);
        console.Write(recruitment);

        var legislation = new Table().Title("Legislation").AddColumns("Title", "Stage", "History");
        var anyBillDisputed = false;
        foreach (var l in report.Legislation)
        {
            // The bill's own state carries no disputes; the report's disputes, under the one rule, say which are open about it.
            var mark = Mark(report.Disputes, [l.LegislationId]);
            anyBillDisputed |= mark.Length > 0;
            legislation.AddRow(Markup.Escape(l.Title) + mark, $"{l.Stage}",
                Markup.Escape(string.Join("; ", l.History.Select(h => $"{h.Stage} {h.On:yyyy-MM-dd}"))));
        }

        CaptionIfDisputed(legislation, anyBillDisputed);
        console.Write(legislation);

        foreach (var overview in report.Commands)
        {
            var c = overview.Command;
            var grid = new Table().Title($"{Markup.Escape(c.Name)} at a glance").AddColumns("", "");
            // The command's own row is marked for a dispute about the command; funding and headcount for theirs.
            grid.AddRow("Department" + Mark(overview.OpenDisputes, [c.CommandId]), Markup.Escape(c.ParentDepartment));
            grid.AddRow("Established", $"{c.EstablishedOn:yyyy-MM-dd}");
            grid.AddRow("Leader", Markup.Escape(c.Leader is { } leader ? $"{leader.DisplayName}, {leader.PostTitle}" : "none yet"));
            grid.AddRow("Coordinates", Markup.Escape(string.Join(", ", c.CoordinatedAgencies)));
            grid.AddRow("Units", Markup.Escape(string.Join(", ", c.Units.Keys)));
            grid.AddRow("Agreements", Markup.Escape(string.Join(", ", c.Agreements.Keys)));
            var fundingMark = Mark(overview.OpenDisputes, overview.Funding.CommitmentIds);
            var headcountMark = Mark(overview.OpenDisputes, overview.Recruitment.Targets.Select(t => t.TargetId));
            grid.AddRow("Funding" + fundingMark, $"{M(overview.Funding.Totals.Total)}m ({M(overview.Funding.Totals.Redirected)}m redirected, {M(overview.Funding.Totals.NewMoney)}m new; {M(overview.Funding.Totals.Ceiling)}m of it 'up to')");
            if (overview.Funding.Totals.YearlyLevels.Count > 0)
            {
                grid.AddRow("Yearly levels" + fundingMark, Levels(overview.Funding.Totals.YearlyLevels) + " (each an amount each year, not added to the funding above)");
            }

            grid.AddRow("Headcount target" + headcountMark, $"{overview.Recruitment.Target} ({overview.Recruitment.InPost} in post)");
            CaptionIfDisputed(grid, overview.OpenDisputes.Count > 0);
            console.Write(grid);
        }

        // Only what is known as of the question: month ends up to its date, then the date itself (never a later month).
        var asOf = report.Query.AsOf;
        var chart = new BarChart()
            .Label($"{Markup.Escape(report.ChartSubject)}: sum of amounts committed at each month end to {asOf:yyyy-MM-dd} (the as-of date), £m")
            .WithMaxValue(Math.Max(1, (double)report.FundingByMonth.DefaultIfEmpty().Max(m => m?.Amount.Pounds ?? 0) / 1_000_000));
        foreach (var point in report.FundingByMonth)
        {
            chart.AddItem(point.On == asOf ? $"{point.On:yyyy-MM-dd}" : $"{point.On:yyyy-MM}", (double)point.Amount.Pounds / 1_000_000, Color.Blue);
        }

        console.Write(chart);
        if (report.FundingByMonth.LastOrDefault() is { YearlyLevels.Count: > 0 } last)
        {
            console.MarkupLine($"Yearly levels as of {asOf:yyyy-MM-dd}, not drawn (each an amount each year): {Levels(last.YearlyLevels)}");
        }
    }

    private static string Levels(IEnumerable<YearlyLevelAmount> levels) =>
        Markup.Escape(string.Join("; ", levels.Select(l => $"{M(l.PerYear)}m {l.Label}")));

    private static string Levels(IEnumerable<YearlyLevelTotals> levels) =>
        Markup.Escape(string.Join("; ", levels.Select(l =>
            $"{M(l.PerYear)}m {l.Label} ({M(l.NewMoney)}m new, {M(l.Redirected)}m redirected; {M(l.Ceiling)}m of it 'up to')")));

    private static string M(Money money) => (money.Pounds / 1_000_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
