using System.Diagnostics;
using System.IO.Compression;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// Packs both packages into a temporary folder, builds a small consumer that references them by PackageReference
/// from that folder (not by project reference), runs it, and checks what it prints: another service can use the
/// packages as published.
/// </summary>
public class PackageConsumerTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task AConsumerReferencingThePublishedPackagesReplaysTheTimeline()
    {
        var work = Directory.CreateTempSubdirectory("bsd-consumer-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            foreach (var project in new[] { "src/BorderSecurity.Domain", "src/BorderSecurity.Domain.Marten" })
            {
                await Dotnet(Root, $"pack \"{Path.Combine(Root, project)}\" -c Release -o \"{feed}\"");
            }

            var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "BorderSecurity.Domain.Marten.*.nupkg").Single())["BorderSecurity.Domain.Marten.".Length..];
            File.Exists(Path.Combine(feed, $"BorderSecurity.Domain.{version}.snupkg")).Should().BeTrue("symbol packages are published");
            using (var package = ZipFile.OpenRead(Path.Combine(feed, $"BorderSecurity.Domain.{version}.nupkg")))
            {
                package.Entries.Select(e => e.FullName).Should().Contain("README.md").And.Contain("lib/net10.0/BorderSecurity.Domain.xml");
            }

            // The in-repo restore redirect (build/redirect-packages) must never reach a published package: its version
            // does not exist on the public registry, so an outside consumer could not restore.
            var martenDependencies = NuspecDependencies(Path.Combine(feed, $"BorderSecurity.Domain.Marten.{version}.nupkg"));
            martenDependencies.Should().NotContain(d => d.Id.StartsWith("Patched.", StringComparison.OrdinalIgnoreCase));
            martenDependencies.Should().NotContain(d => d.Id.StartsWith("DistributedLock", StringComparison.OrdinalIgnoreCase));
            martenDependencies.Select(d => d.Id).Should().BeEquivalentTo(
                "BorderSecurity.Domain", "Marten", "Npgsql", "NodaTime.Serialization.SystemTextJson");

            var consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);
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
            await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                    <NoWarn>NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="BorderSecurity.Domain" Version="{version}" />
                    <PackageReference Include="BorderSecurity.Domain.Marten" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
                using BorderSecurity.Domain.Marten;
                using BorderSecurity.Domain.Projections;
                using BorderSecurity.Domain.ReferenceTimeline;
                using BorderSecurity.Domain.Shared;
                using BorderSecurity.Domain.Storage;
                using NodaTime;

                var clock = new SteppingClock(Instant.MinValue);
                var events = ReferenceTimeline2024.ReplayInto(new InMemoryEventStore(clock), clock);
                var funding = BorderSecurityProjection.Of(events).Funding(new AsOfQuery(new LocalDate(2024, 11, 5)));
                var bsc = funding.For(ReferenceTimeline2024.BorderSecurityCommand).Totals;
                var options = new Marten.StoreOptions().AddBorderSecurity();
                Console.WriteLine($"BSC {bsc.Total.Pounds:0} = {bsc.Redirected.Pounds:0} redirected + {bsc.NewMoney.Pounds:0} new; events {events.Count}; marten {options.Events.StreamIdentity}");
                """);

            // The consumer's own, empty package folder: nothing restored for this repository leaks into it.
            var output = await Dotnet(consumer, "run -c Release", packages: Path.Combine(work, "packages"));

            output.Should().Contain("BSC 150000000 = 75000000 redirected + 75000000 new; events 25; marten AsString");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
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

    private static async Task<string> Dotnet(string directory, string arguments, string? packages = null)
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
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
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
