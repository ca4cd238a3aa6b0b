using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The service as a process, the way people start it: built and run outside Development without a signing key, and the
/// token command exactly as README.md and docs/getting-started.md write it.
/// </summary>
public partial class ApiProcessTests
{
    [Fact]
    public async Task OutsideDevelopmentWithoutASigningKeyTheServiceSaysSoInOneLineAndExitsNonZero()
    {
        // The built service (copied beside the tests, with its appsettings.json, whose key is empty), in Production.
        var result = await RepositoryProcess.RunAsync("dotnet", ["BorderSecurity.Api.dll"], AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = null, ["Auth__SigningKey"] = null,
                ["ConnectionStrings__Marten"] = null, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
            TimeSpan.FromMinutes(2));

        result.ExitCode.Should().NotBe(0, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle(result.ToString()).Which.Should().Contain("Auth__SigningKey");
        result.Output.Should().BeEmpty("nothing else is printed: no log of a failed start, no stack trace");
    }

    [Fact]
    public async Task TheDocumentedTokenCommandPrintsOnlyATokenThatWrites()
    {
        // The command as both documents write it, run as written by bash from the repository root.
        var commands = new[] { "README.md", Path.Combine("docs", "getting-started.md") }
            .Select(file => (File: file, Command: TokenCommand().Match(File.ReadAllText(Path.Combine(RepositoryProcess.Root, file)))))
            .ToList();
        foreach (var (file, command) in commands)
        {
            command.Success.Should().BeTrue($"{file} documents the token command (a line starting TOKEN=$(dotnet run ...)");
        }

        var documented = commands[0].Command.Groups["command"].Value.TrimEnd();
        commands.Select(c => c.Command.Groups["command"].Value.TrimEnd()).Should().AllBe(documented, "both documents give the same command");

        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null);
        var run = await RepositoryProcess.RunAsync("bash", ["-c", documented + "\nprintf '%s' \"$TOKEN\""], RepositoryProcess.Root, environment,
            TimeSpan.FromMinutes(8));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().MatchRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$", $"TOKEN holds the token and nothing else: {run}");
        await using var host = await ApiHost.StartAsync();
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", run.Output);
        var write = await client.PostAsync("/requests/PledgeFunding", new StringContent(
            """
            { "commitmentId": "funding:documented-token", "recipient": "INTERPOL", "amount": 1000000, "basis": "Firm",
              "originName": "Autumn Budget 2024", "period": { "description": "2025-26" }, "purpose": "Data sharing",
              "announcedBy": "Home Secretary", "validOn": "2024-11-20", "provenance": [ { "document": "my-notes.txt", "headline": "An example pledge" } ] }
            """, Encoding.UTF8, "application/json"));
        write.StatusCode.Should().Be(HttpStatusCode.Created, await write.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDocumentedRunCommandPrintsThePagesAddressWhereThe2024TimelineReads()
    {
        // README's one command, run as written (from the repository root, its launch profile: in memory, seeded, port 5080).
        var command = RunCommand().Match(File.ReadAllText(Path.Combine(RepositoryProcess.Root, "README.md")));
        command.Success.Should().BeTrue("README.md documents the command that starts the service (a line `dotnet run --project samples/BorderSecurity.Api`)");
        var start = new System.Diagnostics.ProcessStartInfo("bash") { WorkingDirectory = RepositoryProcess.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec " + command.Groups["command"].Value.TrimEnd());
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
                     .Where(n => n.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || n.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                         || n.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || n.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)))
        {
            start.Environment.Remove(name);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var printed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
                if (line.StartsWith("Pages: ", StringComparison.Ordinal))
                {
                    printed.TrySetResult(line["Pages: ".Length..]);
                }
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var finished = await Task.WhenAny(printed.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(5)));
            finished.Should().BeSameAs(printed.Task, $"the service prints its pages' address once it listens: {string.Join('\n', output)}");
            var url = await printed.Task;
            url.Should().Be("http://localhost:5080/", "the launch profile's address");

            using var client = new HttpClient { BaseAddress = new Uri(url) };
            (await client.GetStringAsync("?asOf=2024-11-05")).Should().Contain("&#xA3;150m", "the 2024 timeline is seeded: the BSC's £150m on 5 November");
            (await client.GetStringAsync("?asOf=2024-11-05&knownAt=2024-10-01T00:00")).Should().Contain("&#xA3;75m", "as known on 1 October, £75m");
            (await client.GetStringAsync("what-was-known?recipient=Border%20Security%20Command&asOf=2024-11-30")).Should().Contain("<svg", "with its pictures")
                .And.Contain("<title>", "each with a text alternative");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    // The run command as README.md writes it, up to an end-of-line comment.
    [GeneratedRegex(@"^(?<command>dotnet run --project samples/BorderSecurity\.Api)[ \t]+#[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex RunCommand();

    // The command up to an end-of-line comment.
    [GeneratedRegex(@"^(?<command>TOKEN=\$\(dotnet run [^\n#]*\))[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex TokenCommand();
}
