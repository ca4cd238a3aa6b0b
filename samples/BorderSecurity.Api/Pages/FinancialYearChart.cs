using System.Globalization;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// The financial-year split as bars (ScottPlot, SVG): for each UK financial year the money for that year alone, and
/// beside it the yearly levels that apply in it, never stacked on it. The page's table holds the same numbers.
/// </summary>
public static class FinancialYearChart
{
    /// <summary>The picture, or empty when there is no money in any year.</summary>
    /// <param name="funding">The answer by financial year.</param>
    /// <returns>The SVG markup.</returns>
    public static string Svg(FinancialYearFunding funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        if (funding.Years.All(y => y.ForTheYear.Total.Pounds == 0 && y.YearlyLevel.Total.Pounds == 0))
        {
            return "";
        }

        var plot = new ScottPlot.Plot();
        var ticks = new List<ScottPlot.Tick>();
        for (var i = 0; i < funding.Years.Count; i++)
        {
            var year = funding.Years[i];
            plot.Add.Bar(new ScottPlot.Bar { Position = (i * 3) + 1, Value = Millions(year.ForTheYear.Total), FillColor = ScottPlot.Color.FromHex("#1d4f91") });
            plot.Add.Bar(new ScottPlot.Bar { Position = (i * 3) + 2, Value = Millions(year.YearlyLevel.Total), FillColor = ScottPlot.Color.FromHex("#f47738") });
            ticks.Add(new ScottPlot.Tick((i * 3) + 1.5, year.Year.ToString()));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("£ million");
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "for the year alone", FillColor = ScottPlot.Color.FromHex("#1d4f91") });
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "yearly levels (apart)", FillColor = ScottPlot.Color.FromHex("#f47738") });
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return VintageChart.Scalable(plot, 720, 360, "year-chart", "Money for each financial year alone, with the yearly levels beside it");
    }

    private static double Millions(Money money) => (double)(money.Pounds / 1_000_000m);
}
