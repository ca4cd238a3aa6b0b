using System.Text.Json;
using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Tests.Funding;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2025/26", 2025)]
    [InlineData("2025-26", 2025)]
    [InlineData("FY2024/25", 2024)]
    [InlineData("1999/00", 1999)]
    public void ParsesTheUsualSpellings(string text, int startYear) =>
        FinancialYear.Parse(text).Should().Be(new FinancialYear(startYear));

    [Theory]
    [InlineData("2025/27")]
    [InlineData("2025")]
    [InlineData("25/26")]
    [InlineData("")]
    [InlineData("2025/2026")]
    public void RejectsWhatIsNotAFinancialYear(string text) =>
        FluentActions.Invoking(() => FinancialYear.Parse(text)).Should().Throw<FormatException>().WithMessage("*2025/26*");

    [Fact]
    public void RunsFromTheFirstOfAprilToTheThirtyFirstOfMarch()
    {
        var year = new FinancialYear(2025);
        year.Start.Should().Be(new LocalDate(2025, 4, 1));
        year.End.Should().Be(new LocalDate(2026, 3, 31));
        year.ToString().Should().Be("2025/26");
        FinancialYear.Of(new LocalDate(2026, 3, 31)).Should().Be(year);
        FinancialYear.Of(new LocalDate(2026, 4, 1)).Should().Be(new FinancialYear(2026));
        year.Contains(new LocalDate(2025, 3, 31)).Should().BeFalse();
        year.Next().Should().Be(new FinancialYear(2026));
    }

    [Fact]
    public void IsWrittenAsItsText()
    {
        JsonSerializer.Serialize(new FinancialYear(2028)).Should().Be("\"2028/29\"");
        JsonSerializer.Deserialize<FinancialYear>("\"2028/29\"").Should().Be(new FinancialYear(2028));
        FluentActions.Invoking(() => JsonSerializer.Deserialize<FinancialYear>("2028")).Should().Throw<JsonException>();
    }

    [Fact]
    public void ARangeListsEveryYearAndRefusesToRunBackwards()
    {
        FinancialYear.Range(new FinancialYear(2024), new FinancialYear(2026)).Select(y => y.ToString()).Should().Equal("2024/25", "2025/26", "2026/27");
        FluentActions.Invoking(() => FinancialYear.Range(new FinancialYear(2026), new FinancialYear(2024))).Should().Throw<ArgumentException>();
    }
}
