using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BorderSecurity.Api.Pages;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Shared;
using NodaTime;

namespace BorderSecurity.Samples.Tests;

// The delivery page's outcome chart (issue 25) beyond the reference timeline: a revised value, many periods, none.
public class PageOutcomeChartTests
{
    private static readonly LocalDate Start = new(2024, 10, 1);

    [Fact]
    public void ARevisedValueIsDescribedAsStatedWithItsFirstRelease()
    {
        var revised = new OutcomeValue(CountPeriod.Month(2024, 10),
        [
            new OutcomeRelease(5_000, OutcomeQualifier.MoreThan, ReleaseStatus.Reported, null, []),
            new OutcomeRelease(5_123, OutcomeQualifier.Exact, ReleaseStatus.ProvisionalOfficial, "Official release", []),
        ]);
        var outcome = Overview(revised);

        var svg = OutcomeChart.Svg(outcome, "outcome-chart-1");

        OutcomeChart.Description(outcome).Should().Be(
            "People arriving in small boats (people), each period's latest release: 2024-10-01/2024-10-31: 5,123 (ProvisionalOfficial; first released as more than 5,000).");
        svg.Should().StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 360\" role=\"img\" aria-labelledby=\"outcome-chart-1\" aria-describedby=\"outcome-chart-1-desc\"")
            .And.Contain("<title id=\"outcome-chart-1\">People arriving in small boats, people by period, as known</title>")
            .And.Contain("<desc id=\"outcome-chart-1-desc\">People arriving in small boats (people), each period&#39;s latest release: 2024-10-01/2024-10-31: 5,123 (ProvisionalOfficial; first released as more than 5,000).</desc>");
        Regex.Count(svg, "<svg").Should().Be(1, "the plot's own root is replaced, not nested");
    }

    [Fact]
    public void ManyPeriodsAreDrawnAndEachIsInTheDescription()
    {
        var values = Enumerable.Range(0, 12)
            .Select(m => new OutcomeValue(CountPeriod.Month(2024, m + 1), [new OutcomeRelease(100 * (m + 1), OutcomeQualifier.Around, ReleaseStatus.Reported, null, [])]))
            .ToArray();
        var outcome = Overview(values);

        OutcomeChart.Svg(outcome, "many").Should().Contain("<desc id=\"many-desc\">");
        OutcomeChart.Description(outcome).Should().Contain("2024-01-01/2024-01-31: around 100 (Reported)")
            .And.Contain("2024-12-01/2024-12-31: around 1,200 (Reported)");
    }

    [Fact]
    public void AMonthsBarIsLabelledAsTheMonthAndAnyOtherPeriodAsTheTableWritesIt()
    {
        OutcomeChart.Label(CountPeriod.Month(2024, 2)).Should().Be("2024-02");
        OutcomeChart.Label(CountPeriod.Days(new LocalDate(2024, 11, 1), new LocalDate(2024, 11, 2))).Should().Be("2024-11-01/2024-11-02");
        OutcomeChart.Label(CountPeriod.Days(new LocalDate(2024, 10, 2), new LocalDate(2024, 11, 1))).Should().Be("2024-10-02/2024-11-01");
        OutcomeChart.Label(CountPeriod.Day(new LocalDate(2024, 9, 17))).Should().Be("2024-09-17");
    }

    [Fact]
    public void AnIndicatorWithNoValueAsOfTheQuestionIsNotDrawn() =>
        OutcomeChart.Svg(Overview(), "none").Should().BeEmpty();

    private static IndicatorOverview Overview(params OutcomeValue[] values) =>
        new(new AsOfQuery(Start.PlusMonths(3)),
            new OutcomeIndicator("indicator:small-boat-arrivals", "People arriving in small boats", "people", IndicatorMeasure.OverPeriod, Start, [.. values], []));
}
