using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The packages as published: both are packed (which validates them against the previous release), then a consumer
/// that references them by PackageReference, with no lock file and an empty package folder, so that it restores only
/// what the packages declare, is built and run: in memory, on PostgreSQL from a plain <c>ServiceCollection</c>, and a
/// check that every assembly the packages were compiled against loads at least at its compiled version
/// (build/redirect-packages/README.md, "Packages that run where they restore").
/// </summary>
public class PackageConsumerTests
{
    private static readonly string Root = FindRoot();

    /// <summary>The environment variable the consumer reads its PostgreSQL connection string from.</summary>
    private const string ConnectionVariable = "BSD_CONSUMER_CONNECTION";

    [Fact]
    public async Task AConsumerRestoringOnlyWhatThePackagesDeclareRunsInMemoryAndOnPostgreSql()
    {
        var work = Directory.CreateTempSubdirectory("bsd-consumer-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            foreach (var project in new[] { "src/BorderSecurity.Domain", "src/BorderSecurity.Domain.Marten" })
            {
                // Packing validates the package against the previous release (EnablePackageValidation, docs/contributing.md).
                await Dotnet(Root, $"pack \"{Path.Combine(Root, project)}\" -c Release -o \"{feed}\"");
            }

            var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "BorderSecurity.Domain.Marten.*.nupkg").Single())["BorderSecurity.Domain.Marten.".Length..];
            File.Exists(Path.Combine(feed, $"BorderSecurity.Domain.{version}.snupkg")).Should().BeTrue("symbol packages are published");
            using (var package = ZipFile.OpenRead(Path.Combine(feed, $"BorderSecurity.Domain.{version}.nupkg")))
            {
                package.Entries.Select(e => e.FullName).Should().Contain("README.md").And.Contain("lib/net10.0/BorderSecurity.Domain.xml");
            }

            // The in-repo restore redirect (build/redirect-packages) must never reach a published package: its version
            // does not exist on the public registry, so an outside consumer could not restore. What the Marten package
            // compiles against from the Critter Stack it declares itself.
            var martenDependencies = NuspecDependencies(Path.Combine(feed, $"BorderSecurity.Domain.Marten.{version}.nupkg"));
            martenDependencies.Should().NotContain(d => d.Id.StartsWith("Patched.", StringComparison.OrdinalIgnoreCase));
            martenDependencies.Should().NotContain(d => d.Id.StartsWith("DistributedLock", StringComparison.OrdinalIgnoreCase));
            martenDependencies.Select(d => d.Id).Should().BeEquivalentTo(
                "BorderSecurity.Domain", "Marten", "Npgsql", "NodaTime.Serialization.SystemTextJson", "JasperFx", "JasperFx.Events",
                "Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions"); // BorderSecurityTablesHealthCheck

            var consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);
            await WriteConsumerAsync(consumer, feed, version, Path.Combine(work, "packages"));

            // The consumer's own, empty package folder and no lock file: it gets the lowest versions the packages'
            // declared ranges allow on today's registry, as an outside service would.
            var connectionString = await TestDatabases.CreateAsync("consumer");
            var output = await Dotnet(consumer, "run -c Release", packages: Path.Combine(work, "packages"),
                environment: new Dictionary<string, string> { [ConnectionVariable] = connectionString });

            File.Exists(Path.Combine(consumer, "packages.lock.json")).Should().BeFalse("the consumer restores without a lock file");
            output.Should().Contain("memory: BSC 150000000 = 75000000 redirected + 75000000 new; known on 1 October 2024: 75000000 redirected");
            output.Should().Contain("marten: BSC 150000000 = 75000000 redirected + 75000000 new; known on 1 October 2024: 75000000 redirected");
            foreach (var referenced in new[] { "JasperFx", "JasperFx.Events", "Marten", "Weasel.Core", "Weasel.Postgresql", "Npgsql", "NodaTime" })
            {
                output.Should().MatchRegex($@"(?m)^reference BorderSecurity\.Domain\.Marten -> {System.Text.RegularExpressions.Regex.Escape(referenced)} compiled [0-9.]+ loaded [0-9.]+ ok$");
            }

            output.Should().MatchRegex(@"(?m)^assemblies: [0-9]{2,} references checked, 0 below their compiled version$");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// A store implementer runs the conformance suite from the published testing package with a one-line subclass, as
    /// an outside project would: packed packages, its own package folder, no lock file, <c>dotnet test</c>.
    /// </summary>
    [Fact]
    public async Task AStoreImplementerRunsTheConformanceSuiteFromTheTestingPackageWithAOneLineSubclass()
    {
        var work = Directory.CreateTempSubdirectory("bsd-suite-consumer-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            foreach (var project in new[] { "src/BorderSecurity.Domain", "src/BorderSecurity.Domain.Testing" })
            {
                await Dotnet(Root, $"pack \"{Path.Combine(Root, project)}\" -c Release -o \"{feed}\"");
            }

            var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "BorderSecurity.Domain.Testing.*.nupkg").Single())["BorderSecurity.Domain.Testing.".Length..];
            NuspecDependencies(Path.Combine(feed, $"BorderSecurity.Domain.Testing.{version}.nupkg")).Select(d => d.Id).Should().BeEquivalentTo(
                ["BorderSecurity.Domain", "Bogus", "xunit", "FluentAssertions", "NodaTime.Testing"], "the testing package declares what it compiles against");

            var consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);
            var packages = Path.Combine(work, "packages");
            await WriteNuGetConfigAsync(consumer, feed);
            await File.WriteAllTextAsync(Path.Combine(consumer, "StoreTests.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <IsTestProject>true</IsTestProject>
                    <RestorePackagesPath>{packages}</RestorePackagesPath>
                    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="BorderSecurity.Domain.Testing" Version="{version}" />
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                  </ItemGroup>
                </Project>
                """);

            // The one line a store implementer writes (here for the in-memory store; theirs would construct their own).
            await File.WriteAllTextAsync(Path.Combine(consumer, "MyStoreConformance.cs"), """
                public sealed class MyStoreConformance : BorderSecurity.Domain.Conformance.BorderSecurityStoreConformance
                {
                    protected override Task<BorderSecurity.Domain.Storage.IBorderSecurityStore> NewStoreAsync(NodaTime.IClock clock) =>
                        Task.FromResult<BorderSecurity.Domain.Storage.IBorderSecurityStore>(new BorderSecurity.Domain.Storage.InMemoryBorderSecurityStore(clock));
                }
                """);

            var output = await Dotnet(consumer, "test -c Release", packages: packages);

            File.Exists(Path.Combine(consumer, "packages.lock.json")).Should().BeFalse("the consumer restores without a lock file");
            var summary = System.Text.RegularExpressions.Regex.Match(output, @"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+)");
            summary.Success.Should().BeTrue($"dotnet test printed its summary:\n{output}");
            int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(0);
            int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(40, "the whole suite ran");
            int.Parse(summary.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(0);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// A lock file that resolves a package above the highest lower bound its dependents declare records a near match
    /// (NuGet's NU1603, which it does not even report for transitive packages while lock files are on): the registry
    /// lacked the declared version when the lock file was generated. We would then compile against a version that a
    /// consumer restoring our declared dependencies does not get, which is how 0.1.0's Marten package came to need
    /// JasperFx.Events 2.100.1 while declaring 2.100.0. Regenerate the lock files when the declared version is served
    /// again, or declare the package directly (build/redirect-packages/README.md).
    /// </summary>
    [Fact]
    public void EveryLockFileResolvesEachPackageAtTheVersionItsDependentsAskFor()
    {
        // Build-time only, never in a nuspec: SourceLink's Microsoft.Build.Tasks.Git (PrivateAssets="all").
        var buildOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Microsoft.Build.Tasks.Git" };
        var lockFiles = Directory.GetFiles(Root, "packages.lock.json", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        lockFiles.Should().Contain(f => f.EndsWith(Path.Combine("BorderSecurity.Domain.Marten", "packages.lock.json"), StringComparison.Ordinal));

        var nearMatches = new List<string>();
        foreach (var file in lockFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var target in document.RootElement.GetProperty("dependencies").EnumerateObject())
            {
                var lowerBounds = new Dictionary<string, List<Version>>(StringComparer.OrdinalIgnoreCase);
                void Ask(string id, string range)
                {
                    if (LowerBound(range) is { } bound)
                    {
                        (lowerBounds.TryGetValue(id, out var list) ? list : lowerBounds[id] = []).Add(bound);
                    }
                }

                foreach (var package in target.Value.EnumerateObject())
                {
                    if (package.Value.GetProperty("type").GetString() == "Direct" && package.Value.TryGetProperty("requested", out var requested))
                    {
                        Ask(package.Name, requested.GetString()!);
                    }

                    if (package.Value.TryGetProperty("dependencies", out var dependencies))
                    {
                        foreach (var dependency in dependencies.EnumerateObject())
                        {
                            Ask(dependency.Name, dependency.Value.GetString()!);
                        }
                    }
                }

                foreach (var package in target.Value.EnumerateObject())
                {
                    if (package.Value.GetProperty("type").GetString() == "Project" || buildOnly.Contains(package.Name)
                        || !lowerBounds.TryGetValue(package.Name, out var bounds))
                    {
                        continue;
                    }

                    var resolved = Normalise(Version.Parse(package.Value.GetProperty("resolved").GetString()!.Split('-')[0]));
                    var asked = bounds.Max()!;
                    if (resolved != asked)
                    {
                        nearMatches.Add($"{Path.GetRelativePath(Root, file)} ({target.Name}): {package.Name} resolved {resolved}, its dependents ask for {asked}");
                    }
                }
            }
        }

        nearMatches.Should().BeEmpty("a lock file must resolve each package at the version its dependents declare, which is what a consumer gets");
    }

    private static Version? LowerBound(string range)
    {
        var text = range.Trim();
        if (text.StartsWith('(') || text.StartsWith('['))
        {
            text = text[1..].Split(',')[0].TrimEnd(']', ')').Trim();
        }

        return text.Length == 0 ? null : Normalise(Version.Parse(text.Split('-')[0]));
    }

    private static Version Normalise(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0), Math.Max(v.Revision, 0));

    /// <summary>
    /// The consumer's nuget.config: our packages only from the packed feed, the restore redirect from build/local-feed
    /// (as an outside service on this registry copy names it), everything else from the registry.
    /// </summary>
    private static async Task WriteNuGetConfigAsync(string consumer, string feed)
    {
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="published" value="{feed}" />
                <add key="redirects" value="{Path.Combine(Root, "build", "local-feed")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="published">
                  <package pattern="BorderSecurity.Domain" />
                  <package pattern="BorderSecurity.Domain.Marten" />
                  <package pattern="BorderSecurity.Domain.Testing" />
                </packageSource>
                <packageSource key="redirects">
                  <package pattern="Patched.DistributedLock.Postgres" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    private static async Task WriteConsumerAsync(string consumer, string feed, string version, string packages)
    {
        await WriteNuGetConfigAsync(consumer, feed);

        // No lock file, nothing suppressed. The redirect is named as an outside service on this registry copy would
        // (build/redirect-packages/README.md); everything else comes from what the packages declare.
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{packages}</RestorePackagesPath>
                <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BorderSecurity.Domain" Version="{version}" />
                <PackageReference Include="BorderSecurity.Domain.Marten" Version="{version}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
                <PackageReference Include="Patched.DistributedLock.Postgres" Version="1.3.3.1" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), $$"""
            using System.Reflection;
            using System.Runtime.InteropServices;
            using BorderSecurity.Domain.Marten;
            using BorderSecurity.Domain.ReferenceTimeline;
            using BorderSecurity.Domain.Shared;
            using BorderSecurity.Domain.Storage;
            using Microsoft.Extensions.DependencyInjection;
            using NodaTime;

            // (c) Every assembly the packages reference (and theirs, through every assembly that is not the shared
            // framework's) loads, at no lower a version than it was compiled against. First, so that a missing one is
            // reported here rather than as a crash below.
            var framework = RuntimeEnvironment.GetRuntimeDirectory();
            var ours = new[] { typeof(IBorderSecurityStore).Assembly, typeof(MartenBorderSecurityStore).Assembly };
            var queue = new Queue<Assembly>(ours);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var visited = new HashSet<string>(ours.Select(a => a.GetName().Name!), StringComparer.Ordinal);
            var checkedCount = 0;
            var below = new List<string>();
            while (queue.TryDequeue(out var assembly))
            {
                var referrer = assembly.GetName().Name!;
                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    if (!seen.Add($"{referrer} -> {reference.FullName}"))
                    {
                        continue;
                    }

                    checkedCount++;
                    Assembly loaded;
                    try
                    {
                        loaded = Assembly.Load(reference);
                    }
                    catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                    {
                        below.Add($"{referrer} -> {reference.Name} {reference.Version}: {e.GetType().Name}: {e.Message}");
                        continue;
                    }

                    var compiled = reference.Version ?? new Version(0, 0);
                    var actual = loaded.GetName().Version ?? new Version(0, 0);
                    var ok = actual >= compiled;
                    if (!ok)
                    {
                        below.Add($"{referrer} -> {reference.Name} compiled {compiled} loaded {actual}");
                    }

                    if (referrer.StartsWith("BorderSecurity.Domain", StringComparison.Ordinal))
                    {
                        Console.WriteLine($"reference {referrer} -> {reference.Name} compiled {compiled} loaded {actual} {(ok ? "ok" : "BELOW")}");
                    }

                    var fromFramework = !string.IsNullOrEmpty(loaded.Location) && loaded.Location.StartsWith(framework, StringComparison.Ordinal);
                    if (!fromFramework && visited.Add(loaded.GetName().Name!))
                    {
                        queue.Enqueue(loaded);
                    }
                }
            }

            foreach (var line in below)
            {
                Console.WriteLine($"BELOW: {line}");
            }

            Console.WriteLine($"assemblies: {checkedCount} references checked, {below.Count} below their compiled version");

            // (a) In memory, and (b) on PostgreSQL from a plain ServiceCollection: no host, no hosted service started.
            await Ask("memory", services => services.AddBorderSecurity());
            var connectionString = Environment.GetEnvironmentVariable("{{ConnectionVariable}}")
                ?? throw new InvalidOperationException("{{ConnectionVariable}} is not set.");
            await Ask("marten", services => services.AddBorderSecurity().UseMarten(connectionString));
            return below.Count == 0 ? 0 : 1;

            static async Task Ask(string name, Action<IServiceCollection> register)
            {
                var services = new ServiceCollection();
                register(services);
                await using var provider = services.BuildServiceProvider();
                var store = provider.GetRequiredService<IBorderSecurityStore>();
                await store.ImportAsync(ReferenceTimeline2024.Steps);
                var bsc = ReferenceTimeline2024.BorderSecurityCommand;
                var totals = await store.FundingTotalsOfAsync(bsc, new AsOfQuery(new LocalDate(2024, 11, 5)));
                var known = await store.FundingTotalsOfAsync(bsc, new AsOfQuery(new LocalDate(2024, 11, 5), Instant.FromUtc(2024, 10, 1, 0, 0)));
                Console.WriteLine($"{name}: BSC {totals.Total.Pounds:0} = {totals.Redirected.Pounds:0} redirected + {totals.NewMoney.Pounds:0} new; " +
                                  $"known on 1 October 2024: {known.Redirected.Pounds:0} redirected");
            }
            """);
    }

    private static IReadOnlyList<(string Id, string Version)> NuspecDependencies(string nupkg)
    {
        using var package = ZipFile.OpenRead(nupkg);
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var document = System.Xml.Linq.XDocument.Load(stream);
        return document.Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!))
            .Distinct()
            .ToList();
    }

    private static async Task<string> Dotnet(string directory, string arguments, string? packages = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (packages is not null)
        {
            info.Environment["NUGET_PACKAGES"] = packages;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, $"dotnet {arguments} failed:\n{await output}\n{await error}");
        return await output;
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
