using System.Globalization;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// The "what was known when" picture, drawn on the server as SVG by ScottPlot (a maintained .NET chart library): the
/// funding series once per vintage, on the same axes, each a step line from the first date to the question's date, the
/// newest drawn thickest. The page puts a table with the same numbers beside it, and a CSV link.
/// </summary>
public static class VintageChart
{
    /// <summary>The picture as an SVG element that scales to its container (a <c>viewBox</c>, no fixed size).</summary>
    /// <param name="vintages">The vintages, in the order they became known.</param>
    /// <param name="asOf">Where the lines end: the question's date.</param>
    /// <returns>The SVG markup, or empty when there is nothing to draw.</returns>
    public static string Svg(IReadOnlyList<SeriesVintage<FundingSeriesValue>> vintages, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(vintages);
        if (vintages.Count == 0)
        {
            return "";
        }

        const int width = 720, height = 400;
        var plot = new ScottPlot.Plot();
        for (var i = 0; i < vintages.Count; i++)
        {
            var points = vintages[i].Points;
            var xs = points.Select(p => X(p.From)).Append(X(asOf < points[^1].From ? points[^1].From : asOf)).ToArray();
            var ys = points.Select(p => Millions(p.Value.Total)).Append(Millions(points[^1].Value.Total)).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"known from {vintages[i].KnownFrom.InUtc():yyyy-MM-dd}");
            line.LineWidth = i == vintages.Count - 1 ? 4 : 2;
            line.MarkerSize = 6;
        }

        // ISO dates on the axis, and money from zero: a line that starts at zero does not exaggerate a step.
        var ticks = plot.Axes.DateTimeTicksBottom();
        if (ticks.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        plot.Axes.SetLimitsY(0, vintages.SelectMany(v => v.Points).Max(p => Millions(p.Value.Total)) * 1.15);
        plot.YLabel("£ million (sum of amounts)");
        plot.XLabel("valid date");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return Scalable(plot, width, height, "vintage-chart", "Funding over valid time, once per vintage");
    }

    /// <summary>
    /// A plot as SVG that scales to the page (360 px phones included: a <c>viewBox</c> instead of a fixed size), an image
    /// to assistive technology, titled and, when given, described (the figure's caption and table say the rest).
    /// </summary>
    /// <param name="plot">The plot.</param>
    /// <param name="width">Its drawing width.</param>
    /// <param name="height">Its drawing height.</param>
    /// <param name="id">An id for its title, unique on the page (its description's is the id followed by <c>-desc</c>).</param>
    /// <param name="title">Its title.</param>
    /// <param name="description">What it shows in words (a <c>desc</c> element the image is described by), or <see langword="null"/>.</param>
    /// <returns>The SVG markup.</returns>
    public static string Scalable(ScottPlot.Plot plot, int width, int height, string id, string title, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = svg.IndexOf('>', start);
        var described = description is null ? "" : $" aria-describedby=\"{id}-desc\"";
        var root = string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}\"{described} focusable=\"false\"><title id=\"{id}\">{System.Net.WebUtility.HtmlEncode(title)}</title>");
        if (description is not null)
        {
            root += $"<desc id=\"{id}-desc\">{System.Net.WebUtility.HtmlEncode(description)}</desc>";
        }

        return root + svg[(end + 1)..];
    }

    private static double X(LocalDate date) => date.ToDateTimeUnspecified().ToOADate();

    private static double Millions(Money money) => (double)(money.Pounds / 1_000_000m);
}
