using Markdig;
using Markdig.Syntax;

namespace BorderSecurity.Docs.Tests;

/// <summary>One C# code block of a Markdown file: where it is and its code.</summary>
/// <param name="File">The file, relative to the repository root (for example <c>docs/getting-started.md</c>).</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Code">The code between the fences.</param>
public sealed record DocumentationBlock(string File, int Line, string Code)
{
    /// <summary>The lines a block says it prints: the text after each <c>// prints: </c> comment, in order.</summary>
    public IReadOnlyList<string> ExpectedOutput =>
        [.. Code.Split('\n')
            .Select(line => line.IndexOf(PrintsMarker, StringComparison.Ordinal) is var at and >= 0 ? line[(at + PrintsMarker.Length)..].Trim() : null)
            .OfType<string>()];

    /// <summary>The comment that states a line of output.</summary>
    public const string PrintsMarker = "// prints: ";

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Finds the C# code blocks of README.md and docs/*.md.</summary>
public static class DocumentationBlocks
{
    /// <summary>The info strings that mark a C# block.</summary>
    private static readonly HashSet<string> CSharp = new(StringComparer.OrdinalIgnoreCase) { "csharp", "cs", "c#" };

    /// <summary>The repository root: the first folder above the test binaries holding BorderSecurity.Domain.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Markdown files whose C# blocks must run: README.md and every docs/*.md.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. new[] { Path.Combine(Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))];

    /// <summary>Every C# block of <see cref="Files"/>, in file then line order.</summary>
    public static IReadOnlyList<DocumentationBlock> All { get; } = [.. Files.SelectMany(Of)];

    /// <summary>The C# blocks of one Markdown file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its C# blocks, in order.</returns>
    public static IEnumerable<DocumentationBlock> Of(string path)
    {
        var document = Markdown.Parse(File.ReadAllText(path), new MarkdownPipelineBuilder().Build());
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        return document.Descendants<FencedCodeBlock>()
            .Where(block => block.Info is { } info && CSharp.Contains(info.Trim()))
            .Select(block => new DocumentationBlock(relative, block.Line + 1, string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()))));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BorderSecurity.Domain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (BorderSecurity.Domain.sln) was not found above the test binaries.");
    }
}
