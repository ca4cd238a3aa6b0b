using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace BorderSecurity.Benchmarks;

/// <summary>
/// <c>inmemory [--quick] --against COMMIT [--history FILE] [--events N] [--alternations A] [--rounds R] [--work-dir DIR] [--keep]</c>:
/// the in-memory figures of this working tree beside those of an earlier commit, in one run, on the same events.
/// </summary>
/// <remarks>
/// <para>Both sides run the same harness (<c>bench/BorderSecurity.InMemoryHarness</c>, which compiles against every commit
/// since 7c80ca3): it is copied to a temporary folder twice and built once against this checkout and once against the
/// commit, checked out with <c>git worktree add</c> in the same temporary folder. Unless <c>--history</c> names a saved
/// history, the commit's own generator writes one (seed 20241104, as <c>GeneratedEvents.Of</c>); an older commit's events
/// are ones today's code reads (legacy shapes are read forward), the other way round is not guaranteed. The two harnesses
/// then run in turn (A B A B), so load on the machine reaches both; builds run at the lowest CPU and I/O priority.</para>
/// <para>Printed per figure: the median over the runs of each side, today's over the commit's as a ratio, and the bytes
/// allocated (per event for the fold, per call for a question), which load does not change. The answers of both sides
/// must agree (portfolio, recipient and recruitment totals); the run fails if they do not.</para>
/// </remarks>
internal static class InMemoryComparison
{
    private static readonly string[] Questions = ["recipient-now", "recipient-mid", "portfolio-now", "portfolio-mid", "recruitment-mid"];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var against = Option(args, "--against", null)
            ?? throw new ArgumentException("inmemory needs --against COMMIT (a commit since 7c80ca3, e.g. 7c80ca3 for the 2026-11-22 figures).");
        var events = int.Parse(Option(args, "--events", quick ? "20000" : "100000")!, CultureInfo.InvariantCulture);
        var alternations = int.Parse(Option(args, "--alternations", quick ? "2" : "3")!, CultureInfo.InvariantCulture);
        var rounds = Option(args, "--rounds", quick ? "3" : "5")!;
        var minMs = quick ? "150" : "300";
        var history = Option(args, "--history", null);

        var root = (await RunAsync("git", ["rev-parse", "--show-toplevel"], Environment.CurrentDirectory, echo: false)).Trim();
        var harnessSource = Path.Combine(root, "bench", "BorderSecurity.InMemoryHarness");
        var temp = Option(args, "--work-dir", null) is { } workDir
            ? Directory.CreateDirectory(Path.GetFullPath(workDir)).FullName
            : Directory.CreateTempSubdirectory("bsd-inmemory-").FullName;
        var worktree = Path.Combine(temp, "against");
        Console.WriteLine($"// inmemory: this checkout ({root}) against {against}; work folder {temp}");
        try
        {
            await RunAsync("git", ["-C", root, "worktree", "add", "--detach", worktree, against], root);
            var sha = (await RunAsync("git", ["-C", worktree, "rev-parse", "--short", "HEAD"], root, echo: false)).Trim();
            var today = await BuildAsync(harnessSource, Path.Combine(temp, "harness-today"), root, generator: false);
            var old = await BuildAsync(harnessSource, Path.Combine(temp, "harness-against"), worktree, generator: history is null);
            if (history is null)
            {
                history = Path.Combine(temp, $"history-{events}.jsonl.gz");
                await RunAsync("dotnet", [old, "gen", "--events", events.ToString(CultureInfo.InvariantCulture), "--out", history], temp);
            }

            var results = new List<(string Side, JsonElement Result)>();
            for (var i = 0; i < alternations; i++)
            {
                foreach (var (side, dll) in new[] { (sha, old), ("today", today) })
                {
                    var output = await RunAsync("dotnet", [dll, "run", "--history", history, "--label", side, "--rounds", rounds, "--min-ms", minMs], temp, echo: false);
                    var json = JsonDocument.Parse(output.Split('\n').Last(l => l.StartsWith('{'))).RootElement.Clone();
                    Console.WriteLine($"// {side}: fold {json.GetProperty("fold").GetProperty("median_ms").GetDouble():0.0} ms, load {json.GetProperty("loadavg")[0].GetString()}");
                    results.Add((side, json));
                }
            }

            return Report(results, sha, history);
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                try
                {
                    await RunAsync("git", ["-C", root, "worktree", "remove", "--force", worktree], root, echo: false);
                    Directory.Delete(temp, recursive: true);
                }
                catch (InvalidOperationException e)
                {
                    Console.Error.WriteLine($"// could not remove {worktree}: {e.Message}");
                }
            }
        }
    }

    private static int Report(List<(string Side, JsonElement Result)> results, string sha, string history)
    {
        var mine = results.Where(r => r.Side == "today").Select(r => r.Result).ToList();
        var theirs = results.Where(r => r.Side != "today").Select(r => r.Result).ToList();
        double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        double Of(List<JsonElement> side, Func<JsonElement, JsonElement> pick, string field) => Median(side.Select(r => pick(r).GetProperty(field).GetDouble()));
        var count = mine[0].GetProperty("events").GetInt32();
        Console.WriteLine();
        Console.WriteLine($"In-memory figures on the same {count:#,0} events ({Path.GetFileName(history)}), medians of {mine.Count} runs per side, run in turn");
        Console.WriteLine($"load average during the runs: {string.Join("; ", results.Select(r => r.Result.GetProperty("loadavg")[0].GetString()))}");
        Console.WriteLine();
        Console.WriteLine($"| figure | {sha} | today | today / {sha} | bytes {sha} | bytes today |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        var foldThen = Of(theirs, r => r.GetProperty("fold"), "median_ms");
        var foldNow = Of(mine, r => r.GetProperty("fold"), "median_ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| fold: build the projection | {foldThen:0.0} ms | {foldNow:0.0} ms | {foldNow / foldThen:0.00}x | {Of(theirs, r => r.GetProperty("fold"), "bytes_per_event"):0} B/event | {Of(mine, r => r.GetProperty("fold"), "bytes_per_event"):0} B/event |"));
        foreach (var question in Questions)
        {
            var then = Of(theirs, r => r.GetProperty("questions").GetProperty(question), "median_ms");
            var now = Of(mine, r => r.GetProperty("questions").GetProperty(question), "median_ms");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Describe(question)} | {then:0.000} ms | {now:0.000} ms | {now / then:0.00}x | {Of(theirs, r => r.GetProperty("questions").GetProperty(question), "bytes_per_call") / 1024:0.0} KiB/call | {Of(mine, r => r.GetProperty("questions").GetProperty(question), "bytes_per_call") / 1024:0.0} KiB/call |"));
        }

        var answersThen = theirs[0].GetProperty("answers").GetRawText();
        var answersNow = mine[0].GetProperty("answers").GetRawText();
        Console.WriteLine();
        if (answersThen != answersNow)
        {
            Console.WriteLine($"ANSWERS DIFFER: {sha} {answersThen}, today {answersNow}");
            return 1;
        }

        Console.WriteLine($"answers agree: {answersNow}");
        return 0;
    }

    private static string Describe(string question) => question switch
    {
        "recipient-now" => "as-of, known now: one recipient (FundingOf)",
        "recipient-mid" => "as-of, known mid-history: one recipient (FundingOf)",
        "portfolio-now" => "as-of, known now: whole funding portfolio",
        "portfolio-mid" => "as-of, known mid-history: whole funding portfolio",
        "recruitment-mid" => "as-of: recruitment summary",
        _ => question,
    };

    /// <summary>Copies the harness to <paramref name="folder"/> and builds it against the checkout at <paramref name="domainRoot"/>.</summary>
    private static async Task<string> BuildAsync(string source, string folder, string domainRoot, bool generator)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "Program.cs", "BorderSecurity.InMemoryHarness.csproj" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
        }

        string[] build = ["build", "-c", "Release", "-nologo", "-v", "q", $"-p:DomainRoot={domainRoot}", $"-p:WithGenerator={(generator ? "true" : "false")}"];
        if (OperatingSystem.IsLinux())
        {
            // The machine is shared: builds at the lowest CPU and I/O priority, the measured runs at normal priority.
            await RunAsync("nice", ["-n", "19", "ionice", "-c", "3", "dotnet", .. build], folder);
        }
        else
        {
            await RunAsync("dotnet", build, folder);
        }

        return Path.Combine(folder, "bin", "Release", "net10.0", "BorderSecurity.InMemoryHarness.dll");
    }

    private static string? Option(string[] args, string name, string? fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string directory, bool echo = true)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (echo)
        {
            Console.WriteLine($"// {file} {string.Join(' ', start.ArgumentList)}");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return await stdout;
    }
}
