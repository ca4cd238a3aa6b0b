using System.Text.Json;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The checked-in OpenAPI document passes an outside tool: Redocly CLI's recommended ruleset (redocly.yaml at the
/// repository root), with the version pinned in build/openapi-lint/package.json, which .ci/run installs with
/// <c>npm ci</c>. A missing tool fails the test, saying how to install it, rather than skipping it.
/// </summary>
public class ApiOpenApiLintTests
{
    private static readonly string Tool = Path.Combine(RepositoryProcess.Root, "build", "openapi-lint", "node_modules", "@redocly", "cli", "bin", "cli.js");

    [Fact]
    public async Task RedoclysRecommendedRulesFindNoErrorInTheCheckedInDocument()
    {
        File.Exists(Tool).Should().BeTrue(
            $"Redocly CLI must be installed to lint the OpenAPI document: run `npm ci --prefix build/openapi-lint` from the repository root " +
            $"(Node.js 20.19 or later; .ci/run does this before the tests). Not found: {Tool}");

        var lint = await RepositoryProcess.RunAsync("node",
            [Tool, "lint", "samples/BorderSecurity.Api/openapi/v1.json", "--config", "redocly.yaml", "--format=json"],
            RepositoryProcess.Root,
            new Dictionary<string, string?> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            TimeSpan.FromMinutes(3));

        lint.Output.TrimStart().Should().StartWith("{", $"redocly lint --format=json prints a JSON report; it printed: {lint}");
        using var report = JsonDocument.Parse(lint.Output);
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at " +
                         string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.TryGetProperty("pointer", out var pointer) ? pointer.GetString() : "?")))
            .ToList();
        report.RootElement.GetProperty("totals").GetProperty("errors").GetInt32().Should().Be(0,
            "the checked-in document must pass Redocly's recommended rules (fix the document generation in samples/BorderSecurity.Api/OpenApi; " +
            "a rule may only be turned off in redocly.yaml, with the reason); problems:\n" + string.Join("\n", problems));
        lint.ExitCode.Should().Be(0, lint.ToString());
    }
}
