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

    // The command up to an end-of-line comment.
    [GeneratedRegex(@"^(?<command>TOKEN=\$\(dotnet run [^\n#]*\))[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex TokenCommand();
}
