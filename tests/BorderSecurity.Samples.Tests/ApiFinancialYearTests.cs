using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BorderSecurity.Api;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;

namespace BorderSecurity.Samples.Tests;

public class ApiFinancialYearTests
{
    [Fact]
    public async Task FundingByFinancialYearShowsTheBscs150mOverTwoYearsUnsplit()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        foreach (var step in ReferenceTimeline2024.Steps)
        {
            var body = JsonSerializer.Serialize(step.Request, step.Request.GetType(), TimelineFile.JsonOptions);
            var response = await client.PostAsync($"/requests/{step.Request.GetType().Name}", new StringContent(body, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        using var json = JsonDocument.Parse(await client.GetStringAsync(
            "/funding/financial-years?from=2024/25&to=2025/26&asOf=2025-01-01&recipient=Border%20Security%20Command"));

        var years = json.RootElement.GetProperty("years").EnumerateArray().ToArray();
        years.Select(y => y.GetProperty("year").GetString()).Should().Equal("2024/25", "2025/26");
        foreach (var year in years)
        {
            year.GetProperty("forTheYear").GetProperty("total").GetDecimal().Should().Be(0m);
            var span = year.GetProperty("unsplitSpans").EnumerateArray().Single();
            span.GetProperty("firstYear").GetString().Should().Be("2024/25");
            span.GetProperty("lastYear").GetString().Should().Be("2025/26");
            span.GetProperty("totals").GetProperty("total").GetDecimal().Should().Be(150_000_000m);
        }
    }

    [Theory]
    [InlineData("from=2024&to=2025/26&asOf=2025-01-01", "from")]
    [InlineData("from=2024/25&to=2025/27&asOf=2025-01-01", "to")]
    [InlineData("from=2025/26&to=2024/25&asOf=2025-01-01", "to")]
    [InlineData("from=2024/25&to=2025/26", "asOf")]
    public async Task BadYearsOrDatesAreAProblemNamingTheField(string query, string field)
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.Anonymous().GetAsync($"/funding/financial-years?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be(field);
    }
}
