using System.Globalization;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// One outcome indicator's values as bars (ScottPlot, SVG), as known for the page's question: one bar per period, its
/// height the latest release's count and, for up to six bars, its label the count as the source states it ("more than
/// 5,000": a floor is drawn at the floor and says so); a calendar month is labelled <c>2024-10</c>. When a value was revised, its first release is a marker on the same bar. Counts start from
/// zero. The page's table beside it holds the same numbers, and its CSV link the same rows as <c>GET /outcomes/{id}</c>.
/// </summary>
public static class OutcomeChart
{
    private static readonly ScottPlot.Color Latest = ScottPlot.Color.FromHex("#1d4f91");
    private static readonly ScottPlot.Color First = ScottPlot.Color.FromHex("#f47738");
    private const int LabelledBars = 6;

    /// <summary>The picture, or empty when the indicator has no value as of the question.</summary>
    /// <param name="outcome">The indicator as the store answers it for the question.</param>
    /// <param name="id">An id for the SVG's title and description, unique on the page.</param>
    /// <returns>The SVG markup.</returns>
    public static string Svg(IndicatorOverview outcome, string id)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var indicator = outcome.Indicator;
        if (indicator.Values.Count == 0)
        {
            return "";
        }

        var plot = new ScottPlot.Plot();
        var ticks = new List<ScottPlot.Tick>();
        var revised = false;
        for (var i = 0; i < indicator.Values.Count; i++)
        {
            var value = indicator.Values[i];
            // Labels side by side stay readable up to a few bars; beyond, the description and the table say each value.
            var label = indicator.Values.Count <= LabelledBars ? value.Latest.Stated : "";
            plot.Add.Bar(new ScottPlot.Bar { Position = i, Value = value.Latest.Count, FillColor = Latest, Label = label });
            if (value.Releases.Count > 1)
            {
                plot.Add.Marker(i, value.First.Count, ScottPlot.MarkerShape.FilledDiamond, 12, First);
                revised = true;
            }

            ticks.Add(new ScottPlot.Tick(i, Label(value.Period)));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        if (indicator.Values.Count > LabelledBars && ticks.Any(t => t.Label.Length > "2024-10".Length))
        {
            // Many periods that are not months: slanted, they fit side by side; the room on the left keeps the first whole.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 150;
            plot.Axes.Left.MinimumSize = 130;
        }

        plot.Axes.SetLimitsY(0, indicator.Values.Max(v => Math.Max(v.Latest.Count, v.First.Count)) * 1.3);
        plot.Axes.SetLimitsX(-0.75, indicator.Values.Count - 0.25);
        plot.YLabel($"{indicator.Unit} (latest release)");
        plot.XLabel(indicator.Measure == IndicatorMeasure.OnDate ? "date counted" : "period counted");
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "latest release, as stated", FillColor = Latest });
        if (revised)
        {
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "first release", FillColor = First });
        }

        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        return VintageChart.Scalable(plot, 720, 360, id, $"{indicator.Name}, {indicator.Unit} by period, as known", Description(outcome));
    }

    /// <summary>A period as its bar's label: a calendar month as <c>2024-10</c>, any other period as the table writes it.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The label.</returns>
    public static string Label(CountPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.From.Day == 1 && period.To == period.From.PlusMonths(1).PlusDays(-1)
            ? period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : period.ToString();
    }

    /// <summary>
    /// The chart's text alternative: each period's value as the source states it, with the release it comes from and, when
    /// revised, what it was first, for example <c>2024-10-01/2024-10-31: more than 5,000 (Reported)</c>.
    /// </summary>
    /// <param name="outcome">The indicator as answered.</param>
    /// <returns>The sentence.</returns>
    public static string Description(IndicatorOverview outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var values = outcome.Indicator.Values.Select(v => string.Create(CultureInfo.InvariantCulture,
            $"{v.Period}: {v.Latest.Stated} ({v.Latest.Status}{(v.Releases.Count > 1 ? $"; first released as {v.First.Stated}" : "")})"));
        return $"{outcome.Indicator.Name} ({outcome.Indicator.Unit}), each period's latest release: {string.Join("; ", values)}.";
    }
}
