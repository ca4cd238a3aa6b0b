using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Docs.Tests;

/// <summary>
/// Every C# block of README.md and docs/*.md is a complete program: it compiles as a console app's Program.cs (usings
/// included) against the published packages' code, runs, and prints exactly the lines its <c>// prints: </c> comments
/// state, in order. Blocks that need PostgreSQL read connection strings from <c>ConnectionStrings__*</c> environment
/// variables, which each run sets to new databases on the tests' own server.
/// </summary>
public class DocumentationCodeTests
{
    /// <summary>Each block, by file and line.</summary>
    public static TheoryData<string> Blocks => [.. DocumentationBlocks.All.Select(b => b.ToString())];

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task EveryCodeBlockCompilesRunsAndPrintsWhatItsCommentsSay(string location)
    {
        var block = DocumentationBlocks.All.Single(b => b.ToString() == location);
        var errors = BlockRunner.Compile(block, out var assembly);
        errors.Should().BeEmpty($"the block at {block} must compile as written (a reader pastes it whole)");

        // Each connection string the block reads (ConnectionStrings__X) names a new database on the tests' server.
        var names = System.Text.RegularExpressions.Regex.Matches(block.Code, @"ConnectionStrings__\w+").Select(m => m.Value).Distinct().ToArray();
        foreach (var name in names)
        {
            Environment.SetEnvironmentVariable(name, await TestDatabase.CreateAsync());
        }

        string output;
        try
        {
            output = await BlockRunner.RunAsync(assembly, TimeSpan.FromMinutes(2));
        }
        finally
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        PrintedInOrder(output, block.ExpectedOutput).Should().BeNull($"the block at {block} printed:\n{output}");
    }

    [Fact]
    public void TheDocsHaveCodeBlocksInEveryFileThatShowsCode()
    {
        DocumentationBlocks.All.Should().Contain(b => b.File == "README.md");
        DocumentationBlocks.All.Should().Contain(b => b.File == "docs/getting-started.md");
        DocumentationBlocks.All.Should().OnlyContain(b => b.ExpectedOutput.Count > 0 || b.Code.Contains("// prints nothing", StringComparison.Ordinal),
            "every block says what it prints (// prints: ...), or says it prints nothing");
    }

    [Fact]
    public async Task ABlockThatPrintsSomethingElseIsCaught()
    {
        var block = new DocumentationBlock("harness.md", 1, """
            Console.WriteLine("£75m");
            Console.WriteLine("£150m"); // prints: £75m
            """);
        BlockRunner.Compile(block, out var assembly).Should().BeEmpty();
        var output = await BlockRunner.RunAsync(assembly, TimeSpan.FromSeconds(30));
        PrintedInOrder(output, ["£75m", "£150m"]).Should().BeNull();
        PrintedInOrder(output, ["£150m", "£75m"]).Should().NotBeNull("the lines must come in the order the comments give");
        PrintedInOrder(output, ["£430m"]).Should().NotBeNull();
        BlockRunner.Compile(new DocumentationBlock("harness.md", 1, "var x = new NoSuchType();"), out _).Should().ContainSingle()
            .Which.Should().Contain("harness.md:2").And.Contain("CS0246");
    }

    /// <summary>Null when each expected line is a whole printed line, in order; else what is missing.</summary>
    private static string? PrintedInOrder(string output, IReadOnlyList<string> expected)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r').Trim()).ToArray();
        var at = 0;
        foreach (var line in expected)
        {
            var found = Array.IndexOf(lines, line, at);
            if (found < 0)
            {
                return $"'{line}' was not printed (after line {at})";
            }

            at = found + 1;
        }

        return null;
    }

    private static class TestDatabase
    {
        public static async Task<string> CreateAsync()
        {
            var name = $"docs_{Guid.NewGuid():N}";
            await using (var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"create database {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            return new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Instance.ConnectionString) { Database = name }.ConnectionString;
        }
    }
}
