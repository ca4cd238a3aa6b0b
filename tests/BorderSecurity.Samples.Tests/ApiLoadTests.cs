using System.Globalization;
using System.Net;
using System.Text.Json;
using BorderSecurity.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The web service under load (issue 24): the built service as a process on a loopback port, on PostgreSQL, seeded with
/// the reference timeline; autocannon (build/loadtest/run.mjs) drives reads of the main questions and writes of new
/// pledges from many connections at once. Asserted: no server error and no socket error or timeout, every endpoint
/// answered, every acknowledged write stored, and the process's memory not run away (a generous smoke bound, not a
/// timing). CI runs the short mode (15 s, 16 connections); the figures in docs/performance.md come from the long mode:
/// <c>BORDERSECURITY_LOADTEST_SECONDS=180 BORDERSECURITY_LOADTEST_CONNECTIONS=64 dotnet test tests/BorderSecurity.Samples.Tests -c Release --filter ApiLoadTests</c>.
/// </summary>
public class ApiLoadTests(ITestOutputHelper output)
{
    private static readonly string LoadTest = Path.Combine(RepositoryProcess.Root, "build", "loadtest");

    [Fact]
    public async Task MixedReadsAndWritesFromManyClientsGetNoServerErrorAndEveryAcknowledgedWriteIsStored()
    {
        var seconds = Setting("BORDERSECURITY_LOADTEST_SECONDS", 15);
        var connections = Setting("BORDERSECURITY_LOADTEST_CONNECTIONS", 16);
        File.Exists(Path.Combine(LoadTest, "node_modules", "autocannon", "package.json")).Should().BeTrue(
            "autocannon must be installed to load the service: run `npm ci --prefix build/loadtest` from the repository root (Node.js 18 or later; .ci/run does this)");

        var connectionString = await TestDatabases.CreateAsync("load");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings__Marten"] = connectionString, ["Demo__SeedReferenceTimeline"] = "true" };
        var token = await ServiceProcess.EditorTokenAsync(settings);
        await using var service = await ServiceProcess.StartAsync(settings);
        var url = service.Url;
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var warm = service.ResidentMiB;
        var acked = Path.Combine(Path.GetTempPath(), $"bsd-load-{Guid.NewGuid():N}.txt");

        // The resident set every few seconds during the run: flat means the last third's peak is near the middle third's.
        using var sampling = new CancellationTokenSource();
        var samples = new List<double>();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                samples.Add(service.ResidentMiB);
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, seconds / 30)), sampling.Token).ContinueWith(_ => { });
            }
        });
        var run = await RepositoryProcess.RunAsync("node",
            [Path.Combine(LoadTest, "run.mjs"), "--url", url, "--token", token, "--seconds", seconds.ToString(CultureInfo.InvariantCulture),
                "--connections", connections.ToString(CultureInfo.InvariantCulture), "--acked", acked],
            RepositoryProcess.Root, new Dictionary<string, string?>(), TimeSpan.FromSeconds(seconds + 120));
        await sampling.CancelAsync();
        await sampler;
        var end = service.ResidentMiB;
        run.ExitCode.Should().Be(0, run.ToString());
        output.WriteLine(run.Output);
        var third = Math.Max(1, samples.Count / 3);
        output.WriteLine($"resident memory: {warm:0} MiB after warm-up, {end:0} MiB at the end; peak by thirds of the run: " +
            $"{samples.Take(third).Max():0} / {samples.Skip(third).Take(third).DefaultIfEmpty(0).Max():0} / {samples.Skip(2 * third).DefaultIfEmpty(0).Max():0} MiB " +
            $"({samples.Count} samples: {string.Join(" ", samples.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))})");
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", "loadtest-summary.json"), run.Output);

        using var summary = JsonDocument.Parse(run.Output);
        var endpoints = summary.RootElement.GetProperty("endpoints").EnumerateArray().ToList();
        endpoints.Should().HaveCount(7);
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.GetProperty("endpoint").GetString();
            endpoint.GetProperty("requests").GetInt32().Should().BePositive($"{name} was asked");
            endpoint.GetProperty("statuses").GetProperty("5xx").GetInt32().Should().Be(0, $"{name} gave no server error");
            endpoint.GetProperty("statuses").GetProperty("4xx").GetInt32().Should().Be(0, $"{name} refused nothing (the token is sent, so no rate limit)");
            endpoint.GetProperty("errors").GetInt32().Should().Be(0, $"{name} had no socket error");
            endpoint.GetProperty("timeouts").GetInt32().Should().Be(0, $"{name} had no timeout");
        }

        // Every write acknowledged with 201 is stored, once.
        var ids = (await File.ReadAllLinesAsync(acked)).Where(l => l.Length > 0).ToList();
        File.Delete(acked);
        ids.Should().HaveCount(summary.RootElement.GetProperty("writesAcknowledged").GetInt32()).And.NotBeEmpty().And.OnlyHaveUniqueItems();
        var stored = await StoredStreamsAsync(connectionString);
        stored.Should().Contain(ids, "every acknowledged write is read back");

        // Memory: a smoke bound, generous on purpose (the figures are in docs/performance.md).
        end.Should().BeLessThan(Math.Max(2 * warm, warm + 400), "resident memory does not run away under load");
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static async Task<HashSet<string>> StoredStreamsAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddBorderSecurity().UseMarten(connectionString);
        await using var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var events = await provider.GetRequiredService<IBorderSecurityStore>().ReadAllAsync();
        return [.. events.Select(e => e.StreamId)];
    }
}
