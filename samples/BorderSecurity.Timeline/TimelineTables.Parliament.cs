using BorderSecurity.Domain.Legislative;
using Spectre.Console;

namespace BorderSecurity.Timeline;

// A bill's history per House: each House's stages in order, then the steps outside Parliament.
internal static partial class TimelineTables
{
    public static void RenderBillHistories(TimelineReport report, IAnsiConsole console)
    {
        foreach (var bill in report.Legislation.Where(l => l.OriginatingHouse is not null))
        {
            var underWay = bill.UnderWay is { } u ? $"; under way: {u.Name} since {u.On:yyyy-MM-dd}" : "";
            var table = new Table().Title($"{Markup.Escape(bill.Title)}: {Markup.Escape((bill.Position?.Name ?? bill.Stage.ToString()) + underWay)}")
                .AddColumns("House", "Stage", "Date");
            foreach (var house in bill.History.GroupBy(h => h.House is { } x ? BillStages.NameOf(x) : "Outside Parliament"))
            {
                foreach (var step in house)
                {
                    table.AddRow(Markup.Escape(house.Key), Markup.Escape(step.BillStage is { } s && step.House is { } h ? BillStages.NameOf(s, h) : $"{step.Stage} {step.Detail}"),
                        $"{step.On:yyyy-MM-dd}");
                }
            }

            console.Write(table);
        }
    }
}
