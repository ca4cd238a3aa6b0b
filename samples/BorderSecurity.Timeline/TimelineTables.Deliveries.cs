using System.Globalization;
using Spectre.Console;

namespace BorderSecurity.Timeline;

// Was it delivered? Each pledge's promise beside what delivers it, the latest verdicts, and the outcome figures.
internal static partial class TimelineTables
{
    public static void RenderDeliveries(TimelineReport report, IAnsiConsole console)
    {
        foreach (var delivery in report.Deliveries)
        {
            var pledge = delivery.Pledge.Pledge;
            var table = new Table().Title($"Pledge: {Markup.Escape(pledge.Text)} ({Markup.Escape(pledge.MadeBy)}, {pledge.MadeOn:yyyy-MM-dd})")
                .AddColumns("Part", "As of the question", "Sources");
            var uk = CultureInfo.GetCultureInfo("en-GB");
            if (delivery.Commitments.Count > 0)
            {
                table.AddRow("Money promised", Markup.Escape($"{delivery.Promised.Total.Pounds.ToString("C0", uk)} ({delivery.Promised.Ceiling.Pounds.ToString("C0", uk)} of it 'up to')"
                    + (delivery.Promised.YearlyLevels.Count > 0 ? $", and {delivery.Promised.YearlyLevels.Count} yearly level(s) apart" : "")),
                    Markup.Escape(string.Join("; ", delivery.Commitments.SelectMany(c => c.Sources).Select(s => s.Document).Distinct())));
            }

            if (delivery.Spending is { } spending && delivery.Commitments.Count > 0)
            {
                table.AddRow("Money spent", Markup.Escape(spending.Commitments.All(c => c.Years.Count == 0)
                        ? "no spending reported yet"
                        : $"{spending.Spent.Pounds.ToString("C0", uk)} spent so far, {spending.StillToSpend.Pounds.ToString("C0", uk)} still to spend"
                          + (spending.Overspend > BorderSecurity.Domain.Shared.Money.Zero ? $", {spending.Overspend.Pounds.ToString("C0", uk)} over the promise" : "")),
                    "");
            }

            foreach (var target in delivery.Targets)
            {
                table.AddRow("People", Markup.Escape($"{target.InPost} in post of {target.StatedHeadcount} {target.Role} ({target.Status})"),
                    Markup.Escape(string.Join("; ", target.Sources.Select(s => s.Document))));
            }

            foreach (var command in delivery.Commands)
            {
                table.AddRow("Command", Markup.Escape($"{command.Command.Name}: established {command.Command.EstablishedOn:yyyy-MM-dd}"),
                    Markup.Escape(string.Join("; ", command.Command.Sources.Select(s => s.Document))));
            }

            foreach (var bill in delivery.Legislation)
            {
                table.AddRow("Legislation", Markup.Escape($"{bill.Legislation.Title}: {bill.Legislation.Stage}"),
                    Markup.Escape(string.Join("; ", bill.Legislation.Sources.Select(s => s.Document))));
            }

            foreach (var outcome in delivery.Outcomes)
            {
                var latest = outcome.Indicator.Values.LastOrDefault();
                table.AddRow("Outcome", Markup.Escape(latest is null
                        ? $"{outcome.Indicator.Name}: no figure yet"
                        : $"{outcome.Indicator.Name}, {latest.Period}: {latest.Latest.Stated} ({latest.Latest.Status})"),
                    Markup.Escape(string.Join("; ", latest?.Latest.Sources.Select(s => s.Document) ?? [])));
            }

            foreach (var verdict in pledge.LatestVerdicts)
            {
                table.AddRow("Verdict", Markup.Escape($"{verdict.Assessor}: {verdict.Rating} from {verdict.On:yyyy-MM-dd}"),
                    Markup.Escape(string.Join("; ", verdict.Sources.Select(s => s.Url ?? s.Document))));
            }

            if (delivery.NotRecorded.Count > 0)
            {
                table.AddRow("Not recorded yet", Markup.Escape(string.Join("; ", delivery.NotRecorded)), "");
            }

            CaptionIfDisputed(table, delivery.OpenDisputes.Count > 0);
            console.Write(table);
        }
    }
}
