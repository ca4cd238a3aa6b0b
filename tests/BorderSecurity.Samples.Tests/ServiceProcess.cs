using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The built web service (copied beside the tests) as a process on a free loopback port, ready when its readiness check
/// answers: for what needs a real socket (a load generator, a browser). Disposing it stops the process.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The service's address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    /// <summary>The process's resident set (VmRSS), in MiB.</summary>
    public double ResidentMiB
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>
    /// Starts the service in Development (its development signing key) on a free loopback port with the settings given (as
    /// environment variables, for example <c>ConnectionStrings__Marten</c>), and waits until it is ready.
    /// </summary>
    /// <param name="settings">Environment variables; a null value removes one.</param>
    /// <returns>The running service.</returns>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("BorderSecurity.Api.dll");
        foreach (var (name, value) in Environment(url, settings))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, url);
        await service.ReadyAsync();
        return service;
    }

    /// <summary>An editor token from the service's own token command, with the same settings.</summary>
    /// <param name="settings">The settings the service runs with.</param>
    /// <returns>The token.</returns>
    public static async Task<string> EditorTokenAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var result = await RepositoryProcess.RunAsync("dotnet", ["BorderSecurity.Api.dll", "token", "--role", "editor"], AppContext.BaseDirectory,
            Environment("http://127.0.0.1:0", settings), TimeSpan.FromMinutes(2));
        result.ExitCode.Should().Be(0, result.ToString());
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static Dictionary<string, string?> Environment(string url, IReadOnlyDictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = null, ["ASPNETCORE_URLS"] = url,
            ["ConnectionStrings__Marten"] = null, ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task ReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            _process.HasExited.Should().BeFalse("the service keeps running");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The service did not become ready within 2 minutes.");
    }
}
