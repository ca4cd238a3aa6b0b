using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using BorderSecurity.Api.Demo;
using BorderSecurity.Csv;

namespace BorderSecurity.Samples.Tests;

// The pages' answers to bad questions (issue 25): a wrong parameter is a 400 page naming it (HTML-encoded, as the page
// shows it), a bill or source nobody knows a 404. No page needs a script, and the delivery page's outcome chart has its
// numbers in words, in its table and as the API's CSV.
public partial class PageHttpTests
{
    // Every page of the sample, each by a question the reference timeline answers, and a page naming a wrong parameter.
    private static readonly string[] Pages =
    [
        "/",
        "/?asOf=2024-11-05&knownAt=2024-10-01T00:00:00Z",
        "/?asOf=November",
        "/what-was-known?recipient=Border%20Security%20Command&asOf=2024-11-30",
        "/changes-between?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z",
        "/bills?asOf=2024-12-31",
        "/bills/legislation:border-security-asylum-immigration-bill?asOf=2024-12-31",
        "/delivered?asOf=2024-12-31",
        "/delivered/pledge:create-border-security-command?asOf=2024-12-31",
        "/delivered/pledge:create-border-security-command?asOf=2024-12-31&knownAt=2024-11-05T00:00",
        "/sources/fullfact.org%2Fgovernment-tracker%2Fborder-security-command",
    ];

    public static TheoryData<string> EveryPage
    {
        get
        {
            var pages = new TheoryData<string>();
            foreach (var page in Pages)
            {
                pages.Add(page);
            }

            return pages;
        }
    }

    [Theory]
    [InlineData("/?asOf=November", HttpStatusCode.BadRequest, "asOf: &#x27;November&#x27; is not a date")]
    [InlineData("/?asOf=2024-11-05&knownAt=yesterday", HttpStatusCode.BadRequest, "knownAt: &#x27;yesterday&#x27; is not an instant")]
    [InlineData("/what-was-known?asOf=2024-13-01", HttpStatusCode.BadRequest, "asOf: &#x27;2024-13-01&#x27; is not a date")]
    [InlineData("/changes-between?knownAfter=2024-11-07T00:00:00Z&knownBy=2024-10-01T00:00:00Z", HttpStatusCode.BadRequest, "knownBy: the window must not end before it starts")]
    [InlineData("/bills/not-a-bill?asOf=2024-12-31", HttpStatusCode.NotFound, "Nothing is known of not-a-bill")]
    [InlineData("/bills/legislation:no-such-bill?asOf=2024-12-31", HttpStatusCode.NotFound, "Nothing is known of legislation:no-such-bill")]
    [InlineData("/sources/no-such-document.txt", HttpStatusCode.NotFound, "Nothing in the record cites no-such-document.txt")]
    [InlineData("/delivered/pledge:no-such-pledge?asOf=2024-12-31", HttpStatusCode.NotFound, "No pledge pledge:no-such-pledge was made")]
    [InlineData("/delivered/Not A Pledge?asOf=2024-12-31", HttpStatusCode.BadRequest, "id: &#x27;Not A Pledge&#x27; is not a pledge id")]
    public async Task ABadQuestionIsAPageNamingWhatIsWrong(string url, HttpStatusCode status, string says)
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var response = await host.Anonymous().GetAsync(url);

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain(says);
    }

    [Fact]
    public async Task TheDeliveryPageSetsThePromiseBesideWhatDeliversItWithTheVerdictAndTheOutcome()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();

        var page = await client.GetStringAsync("/delivered/pledge:create-border-security-command?asOf=2024-12-31");
        page.Should().Contain("Create a Border Security Command").And.Contain("Full Fact: Achieved from 4 November 2024")
            .And.Contain("150m (of which").And.Contain("more than 5,000").And.Contain("0 in post of 300")
            .And.Contain("/sources/fullfact.org%2Fgovernment-tracker%2Fborder-security-command").And.NotContain("<form method=\"post\"");

        page.Should().Contain("No spending reported yet.", "no source reports spending against the BSC money");

        var outturn = new BorderSecurity.Domain.Funding.ReportSpending
        {
            CommitmentId = new("funding:bsc-2024-11-budget"),
            Year = new BorderSecurity.Domain.Funding.FinancialYear(2024),
            Stage = BorderSecurity.Domain.Funding.SpendingStage.Outturn,
            Amount = BorderSecurity.Domain.Shared.Money.FromMillions(10),
            ValidOn = new NodaTime.LocalDate(2025, 3, 31),
            Provenance = BorderSecurity.Domain.Shared.Provenance.Of(new BorderSecurity.Domain.Shared.SourceReference("outturn-2024.txt", "An outturn report (test)")),
        };
        var posted = await host.Editor().PostAsync("/requests/ReportSpending", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(outturn, BorderSecurity.Domain.Serialization.TimelineFile.JsonOptions), System.Text.Encoding.UTF8, "application/json"));
        posted.StatusCode.Should().Be(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var spent = await client.GetStringAsync("/delivered/pledge:create-border-security-command?asOf=2025-03-31");
        spent.Should().Contain("10m spent so far, &#xA3;140m still to spend").And.Contain("2024/25: &#xA3;10m spent to 31 March 2025").And.Contain("An outturn report (test)");

        var known = await client.GetStringAsync("/delivered/pledge:create-border-security-command?asOf=2024-12-31&knownAt=2024-11-05T00:00");
        known.Should().Contain("No verdict yet.", "Full Fact's verdict was recorded on 6 November 2024");

        var list = await client.GetStringAsync("/delivered?asOf=2024-12-31");
        list.Should().Contain("data-pledge=\"pledge:create-border-security-command\"");
    }

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task NoPageHasAScript(string url)
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var response = await host.Anonymous().GetAsync(url);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("</main>", "the page is rendered whole");
        ScriptElement().IsMatch(page).Should().BeFalse($"{url} works without JavaScript, so it has no <script> element");
    }

    [Fact]
    public void EveryRouteOfThePagesIsAmongThoseCheckedForScripts()
    {
        var pages = Path.Combine(RepositoryProcess.Root, "samples", "BorderSecurity.Api", "Pages");
        var routes = Directory.GetFiles(pages, "*.cshtml")
            .Select(f => PageDirective().Match(File.ReadAllText(f)))
            .Where(m => m.Success)
            .Select(m => RouteParameter().Replace(m.Groups[1].Value, ""))
            .ToList();
        var checkedPaths = Pages.Select(p => p.Split('?')[0]).ToList();

        routes.Should().NotBeEmpty();
        foreach (var route in routes)
        {
            checkedPaths.Should().Contain(p => route == "/" ? p == "/" : p.StartsWith(route, StringComparison.Ordinal),
                $"the page {route} is among those NoPageHasAScript checks");
        }
    }

    [Fact]
    public async Task TheDeliveryPageDrawsEachOutcomeWithItsQualifierInWordsAndTheApisCsvBehindIt()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { [ReferenceTimelineSeed.Setting] = "true" });
        var client = host.Anonymous();
        const string question = "asOf=2024-12-31&knownAt=2024-11-30T00:00:00Z";

        var page = await client.GetStringAsync($"/delivered/pledge:create-border-security-command?{question}");
        var figure = Regex.Match(page, "<figure data-indicator=\"indicator:small-boat-arrivals\">.*?</figure>", RegexOptions.Singleline);
        figure.Success.Should().BeTrue("the small-boat figures the pledge names are drawn");
        figure.Value.Should().Contain("<svg").And.Contain("role=\"img\"").And.Contain("aria-describedby=\"outcome-chart-1-desc\"");
        var description = Regex.Match(figure.Value, "<desc id=\"outcome-chart-1-desc\">(.*?)</desc>").Groups[1].Value;
        WebUtility.HtmlDecode(description).Should().Contain("2024-10-01/2024-10-31: more than 5,000 (Reported)")
            .And.Contain("2024-11-01/2024-11-02: more than 430 (Reported)");

        var link = WebUtility.HtmlDecode(Regex.Match(figure.Value, "<a href=\"([^\"]*handler=OutcomeCsv[^\"]*)\"").Groups[1].Value);
        link.Should().Contain("indicator=indicator%3Asmall-boat-arrivals").And.Contain("asOf=2024-12-31").And.Contain("knownAt=");
        var csv = await client.GetAsync(link);
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var pageCsv = await csv.Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/outcomes/indicator:small-boat-arrivals?{question}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var apiCsv = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        pageCsv.Should().Be(apiCsv, "the chart's CSV link gives the rows GET /outcomes/{id} gives for the same question");
        pageCsv.Should().StartWith(string.Join(",", CsvTables.Outcomes.Header)).And.Contain("more than 5,000").And.Contain("more than 430");

        var wrong = await client.GetAsync($"/delivered/pledge:create-border-security-command?handler=OutcomeCsv&indicator=indicator:nca-smuggling-investigations&{question}");
        wrong.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("indicator: &#x27;indicator:nca-smuggling-investigations&#x27; is not an outcome indicator this pledge names");
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("^@page \"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex PageDirective();

    [GeneratedRegex("/?\\{[^}]+\\}")]
    private static partial Regex RouteParameter();
}
