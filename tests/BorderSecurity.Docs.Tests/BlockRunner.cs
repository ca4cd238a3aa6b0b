using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BorderSecurity.Docs.Tests;

/// <summary>
/// Compiles a documentation block as the whole <c>Program.cs</c> of a console app (<c>dotnet new console</c>: top-level
/// statements, nullable enabled, the SDK's implicit usings and nothing else), referencing the packages this project
/// references, and runs it in this process with its console output captured.
/// </summary>
public static class BlockRunner
{
    /// <summary>The global usings of a <c>dotnet new console</c> project (ImplicitUsings=enable).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path))]);

    /// <summary>Compiles a block; the errors, if any, with their line in the block.</summary>
    /// <param name="block">The block.</param>
    /// <param name="assembly">The compiled program, when it compiled.</param>
    /// <returns>The compiler's errors, empty when it compiled.</returns>
    public static IReadOnlyList<string> Compile(DocumentationBlock block, out byte[] assembly)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "DocBlock_" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(block.Code, options, path: block.File), CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "ImplicitUsings.g.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        assembly = output.ToArray();
        return [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{block.File}:{block.Line + d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage()}")];
    }

    /// <summary>Runs a compiled block's entry point with its console output captured.</summary>
    /// <param name="assembly">The compiled program.</param>
    /// <param name="timeout">How long it may run.</param>
    /// <returns>What it wrote to standard output.</returns>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/>.</exception>
    public static async Task<string> RunAsync(byte[] assembly, TimeSpan timeout)
    {
        // A collectible context of its own that falls back to this process's assemblies, so the block sees the same
        // BorderSecurity.Domain, Marten and NodaTime as the tests do.
        var context = new AssemblyLoadContext("doc-block", isCollectible: true);
        var entry = context.LoadFromStream(new MemoryStream(assembly)).EntryPoint
                    ?? throw new InvalidOperationException("The block has no entry point.");
        var writer = new StringWriter();
        var original = Console.Out;
        Console.SetOut(writer);
        try
        {
            var arguments = entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
            // An async program's entry point blocks on its work: run it off this thread so the timeout holds.
            var run = Task.Run(async () =>
            {
                object? returned;
                try
                {
                    returned = entry.Invoke(null, arguments);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                    throw;
                }

                if (returned is Task task)
                {
                    await task;
                }
            });
            await run.WaitAsync(timeout);
            return writer.ToString();
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }
    }
}
