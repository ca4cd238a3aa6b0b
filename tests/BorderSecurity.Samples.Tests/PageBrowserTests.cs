using System.Drawing;
using System.Globalization;
using System.Text.Json;
using BorderSecurity.Csv;
using CsvHelper;
using NodaTime;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The pages (issue 25) in a real browser: Debian's Chromium, headless, driven by Selenium WebDriver with Debian's
/// chromedriver, against the built service on a loopback port seeded with the reference timeline, in memory and on
/// PostgreSQL. Each page loads without a browser console error, shows the reference figures, passes axe-core's check
/// with no serious or critical violation, has no horizontal scroll at 360 px, and leaves a screenshot in
/// TestResults/screenshots. The pickers are filled by keyboard and sent with their button, as a person would, and the
/// URL they land on is the question. Chromium, chromedriver and axe-core are installed by .ci/run; missing, the tests fail saying how.
/// </summary>
public class PageBrowserTests
{
    // One change per step of the reference timeline known after 1 October and by 7 November 2024 (each step is one event).
    private static readonly int LearntInOctoberAndNovember2024 =
        BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024.Steps.Count(s => s.KnownFrom > Instant.FromUtc(2024, 10, 1, 0, 0) && s.KnownFrom <= Instant.FromUtc(2024, 11, 7, 0, 0));

    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";
    private static readonly string Axe = Path.Combine(RepositoryProcess.Root, "build", "axe", "node_modules", "axe-core", "axe.min.js");
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public enum Store
    {
        InMemory,
        Marten,
    }

    [Theory]
    [InlineData(Store.InMemory)]
    [InlineData(Store.Marten)]
    public async Task ThePagesShowTheReferenceFiguresReadablyAndAccessibly(Store store)
    {
        await using var service = await StartAsync(store);
        using var browser = Browser();
        var name = store.ToString().ToLowerInvariant();

        // Funding as of 1 October 2024: the September £75m; as of 5 November: £150m; as known at 1 October 2024, £75m for 5 November.
        Open(browser, $"{service.Url}/?asOf=2024-10-01", $"funding-oct-{name}");
        BscTotal(browser).Should().Be("£75m");
        Open(browser, $"{service.Url}/?asOf=2024-11-05", $"funding-nov-{name}");
        BscTotal(browser).Should().Be("£150m");
        var years = browser.FindElement(By.CssSelector("figure figcaption a")).GetAttribute("href")!;
        using (var http = new HttpClient())
        {
            using var reader = CsvReader.Create(new StringReader(await http.GetStringAsync(years)), CsvReaderOptions.Default, false);
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString("financial_year"));
            }

            reader.Headers.Should().Equal(CsvTables.FinancialYears.Header);
            rows.Should().Equal("2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "not stated");
        }

        Open(browser, $"{service.Url}/?asOf=2024-11-05&knownAt=2024-10-01T00:00:00Z", $"funding-nov-known-oct-{name}");
        BscTotal(browser).Should().Be("£75m");
        browser.FindElement(By.TagName("h1")).Text.Should().Contain("as known at 2024-10-01 00:00 UTC");

        // A source link, followed: the local page of the document, naming it.
        var source = browser.FindElement(By.CssSelector("tr[data-commitment='funding:bsc-2024-09-ima-redirect'] a[href^='/sources/']"));
        var document = Uri.UnescapeDataString(source.GetAttribute("href")!.Split("/sources/")[1]);
        source.Click();
        browser.FindElement(By.TagName("h1")).Text.Should().Be($"Source: {document}");
        Check(browser, $"source-{name}");

        // What was known when: a picture with a text alternative, a table with its numbers, and the same numbers as CSV.
        Open(browser, $"{service.Url}/what-was-known?recipient=Border%20Security%20Command&asOf=2024-11-30", $"what-was-known-{name}");
        browser.FindElement(By.CssSelector("figure svg title")).GetAttribute("textContent").Should().NotBeNullOrWhiteSpace();
        browser.FindElement(By.CssSelector("figure figcaption")).Text.Should().Contain("2 vintage(s)");
        var table = browser.FindElements(By.CssSelector("table tbody tr"))
            .Select(r => r.FindElements(By.TagName("td"))[2].Text).ToList();
        table.Should().Equal("£75m", "£75m", "£150m");
        var csvLink = browser.FindElement(By.CssSelector("figcaption a")).GetAttribute("href")!;
        using (var http = new HttpClient())
        {
            using var reader = CsvReader.Create(new StringReader(await http.GetStringAsync(csvLink)), CsvReaderOptions.Default, false);
            var totals = new List<decimal>();
            while (reader.Read())
            {
                totals.Add(decimal.Parse(reader.GetString("total_gbp"), System.Globalization.CultureInfo.InvariantCulture));
            }

            reader.Headers.Should().Equal(CsvTables.SeriesVintages.Header);
            totals.Should().Equal(75_000_000m, 75_000_000m, 150_000_000m);
        }

        // Bills and Acts: the list, then one bill's passage House by House.
        Open(browser, $"{service.Url}/bills?asOf=2024-12-31", $"bills-{name}");
        browser.FindElement(By.CssSelector("li[data-bill='legislation:border-security-asylum-immigration-bill'] a")).Click();
        browser.FindElement(By.CssSelector("#stage")).Text.Should().Contain("Announced");
        browser.FindElements(By.CssSelector("table caption")).Select(c => c.Text).Should().NotBeEmpty();
        Check(browser, $"bill-{name}");

        // What changed between 1 October and 7 November 2024.
        Open(browser, $"{service.Url}/changes-between?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z", $"changes-{name}");
        browser.FindElements(By.CssSelector("ol > li")).Should().HaveCount(LearntInOctoberAndNovember2024);
        browser.FindElement(By.CssSelector("li[data-stream='funding:bsc-2024-11-budget']")).Text.Should().Contain("New");

        // Was it delivered? The command pledge: Full Fact's verdict with its date and source, the outcome figures beside it.
        Open(browser, $"{service.Url}/delivered/pledge:create-border-security-command?asOf=2024-12-31", $"delivered-{name}");
        browser.FindElement(By.CssSelector("#verdict")).Text.Should().Contain("Full Fact: Achieved from 4 November 2024");
        browser.FindElement(By.CssSelector("table[data-indicator='indicator:small-boat-arrivals']")).Text.Should().Contain("more than 5,000");
        browser.FindElement(By.CssSelector("tr[data-part='money']")).Text.Should().Contain("£150m");

        // Beside the money, the small-boat figures drawn: the qualifier in the picture's words, and its CSV the API's rows.
        var outcome = browser.FindElement(By.CssSelector("figure[data-indicator='indicator:small-boat-arrivals']"));
        outcome.FindElement(By.CssSelector("svg desc")).GetAttribute("textContent").Should().Contain("2024-10-01/2024-10-31: more than 5,000");
        var outcomeCsv = outcome.FindElement(By.CssSelector("figcaption a")).GetAttribute("href")!;
        outcomeCsv.Should().Contain("asOf=2024-12-31");
        using (var http = new HttpClient())
        {
            using var reader = CsvReader.Create(new StringReader(await http.GetStringAsync(outcomeCsv)), CsvReaderOptions.Default, false);
            var stated = new List<string>();
            while (reader.Read())
            {
                stated.Add(reader.GetString("stated"));
            }

            reader.Headers.Should().Equal(CsvTables.Outcomes.Header);
            stated.Should().Equal("more than 5,000", "more than 430");
        }
    }

    [Theory]
    [InlineData(Store.InMemory)]
    [InlineData(Store.Marten)]
    public async Task ThePickersAskTheQuestionTheirFieldsSay(Store store)
    {
        await using var service = await StartAsync(store);
        using var browser = Browser();
        var name = store.ToString().ToLowerInvariant();

        // The funding page's picker, filled and sent as a person would: the URL it lands on is the question, and the figure its answer.
        Open(browser, $"{service.Url}/", $"picker-{name}");
        Ask(browser, asOf: new LocalDate(2024, 10, 1), knownAt: null);
        Question(browser).Should().Equal(("asOf", "2024-10-01"), ("knownAt", ""));
        BscTotal(browser).Should().Be("£75m");

        Ask(browser, asOf: new LocalDate(2024, 11, 5), knownAt: null);
        Question(browser).Should().Equal(("asOf", "2024-11-05"), ("knownAt", ""));
        BscTotal(browser).Should().Be("£150m");

        Ask(browser, asOf: new LocalDate(2024, 11, 5), knownAt: new LocalDateTime(2024, 10, 1, 0, 0));
        Question(browser).Should().Equal(("asOf", "2024-11-05"), ("knownAt", "2024-10-01T00:00"));
        BscTotal(browser).Should().Be("£75m");
        browser.FindElement(By.TagName("h1")).Text.Should().Contain("as known at 2024-10-01 00:00 UTC");
        Check(browser, $"picker-known-oct-{name}");

        // The delivery page's picker keeps the pledge: as known before Full Fact's verdict was recorded, there is none.
        Open(browser, $"{service.Url}/delivered/pledge:create-border-security-command?asOf=2024-12-31", $"picker-delivered-{name}");
        Ask(browser, asOf: new LocalDate(2024, 12, 31), knownAt: new LocalDateTime(2024, 11, 5, 0, 0));
        new Uri(browser.Url).AbsolutePath.Should().Be("/delivered/pledge:create-border-security-command");
        Question(browser).Should().Equal(("asOf", "2024-12-31"), ("knownAt", "2024-11-05T00:00"));
        browser.FindElement(By.CssSelector("#verdict")).Text.Should().Be("No verdict yet.");
    }

    private static async Task<ServiceProcess> StartAsync(Store store)
    {
        File.Exists(Chromium).Should().BeTrue("Debian's Chromium must be installed: apt-get install -y chromium chromium-driver (.ci/run does this)");
        File.Exists(ChromeDriver).Should().BeTrue("Debian's chromedriver must be installed: apt-get install -y chromium-driver (.ci/run does this)");
        File.Exists(Axe).Should().BeTrue("axe-core must be installed: npm ci --prefix build/axe (.ci/run does this)");

        var settings = new Dictionary<string, string?> { ["Demo__SeedReferenceTimeline"] = "true" };
        if (store == Store.Marten)
        {
            settings["ConnectionStrings__Marten"] = await TestDatabases.CreateAsync("pages");
        }

        return await ServiceProcess.StartAsync(settings);
    }

    // Fills the page's picker by keyboard, as a person would (Chromium's date fields take digits in the browser's
    // locale's order, en-US here: month, day, year; then hours, minutes and AM/PM), and sends it with its button.
    private static void Ask(ChromeDriver browser, LocalDate asOf, LocalDateTime? knownAt)
    {
        var form = browser.FindElement(By.CssSelector("form[method='get']"));
        var date = form.FindElement(By.Name("asOf"));
        date.SendKeys(asOf.ToString("MMddyyyy", CultureInfo.InvariantCulture));
        date.GetAttribute("value").Should().Be(asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "the date field holds the date typed");

        var instant = form.FindElement(By.Name("knownAt"));
        instant.Clear();
        if (knownAt is { } k)
        {
            instant.SendKeys(k.ToString("MMddyyyy", CultureInfo.InvariantCulture) + Keys.ArrowRight + k.ToString("hhmmtt", CultureInfo.InvariantCulture));
        }

        instant.GetAttribute("value").Should().Be(knownAt is { } t ? t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "",
            "the known-at field holds the instant typed");
        // Mark the page shown, submit, and wait for a new page fully loaded: a mark on the old document is gone from the new
        // one. (Waiting for the old element to go stale races the navigation: Chromium may report the old node as neither
        // live nor stale while the new document replaces it.)
        browser.ExecuteScript("document.documentElement.dataset.askedFrom = 'old';");
        form.FindElement(By.CssSelector("button[type='submit']")).Click();
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(30));
        wait.IgnoreExceptionTypes(typeof(WebDriverException));
        wait.Until(_ => browser.ExecuteScript(
            "return document.readyState === 'complete' && document.documentElement.dataset.askedFrom === undefined;") is true);
    }

    // The question in the browser's address: each parameter's name and value, in order.
    private static List<(string Name, string Value)> Question(ChromeDriver browser) =>
        [.. new Uri(browser.Url).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")))];

    private static ChromeDriver Browser()
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US", $"--user-data-dir={Directory.CreateTempSubdirectory("bsd-chromium").FullName}");
        options.SetLoggingPreference(LogType.Browser, OpenQA.Selenium.LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(1));
        driver.Manage().Window.Size = new Size(1280, 1000);
        return driver;
    }

    // Opens a page and checks it: no console error, axe-core clean of serious and critical violations, no horizontal
    // scroll at 360 px; a screenshot of it is saved.
    private static void Open(ChromeDriver browser, string url, string name)
    {
        browser.Navigate().GoToUrl(url);
        Check(browser, name);
    }

    private static void Check(ChromeDriver browser, string name)
    {
        browser.Manage().Window.Size = new Size(1280, 1000);
        Directory.CreateDirectory(Screenshots);
        browser.GetScreenshot().SaveAsFile(Path.Combine(Screenshots, $"{name}.png"));

        var errors = browser.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= OpenQA.Selenium.LogLevel.Severe).Select(e => e.Message).ToList();
        errors.Should().BeEmpty($"{name} logs no browser error");

        browser.ExecuteScript(File.ReadAllText(Axe));
        var result = (string?)browser.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; axe.run().then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))), e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: 0 }])));");
        using var violations = JsonDocument.Parse(result ?? "[]");
        violations.RootElement.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString())
            .Should().BeEmpty($"{name} has no serious accessibility violation (axe-core)");

        browser.Manage().Window.Size = new Size(360, 800);
        var (scroll, inner) = (Convert.ToInt64(browser.ExecuteScript("return document.documentElement.scrollWidth;")),
            Convert.ToInt64(browser.ExecuteScript("return window.innerWidth;")));
        scroll.Should().BeLessThanOrEqualTo(inner, $"{name} has no horizontal scroll at 360 px");
        browser.GetScreenshot().SaveAsFile(Path.Combine(Screenshots, $"{name}-360.png"));
        browser.Manage().Window.Size = new Size(1280, 1000);
    }

    private static string BscTotal(ChromeDriver browser) =>
        browser.FindElement(By.CssSelector("tr[data-recipient='Border Security Command'] td")).Text;
}
