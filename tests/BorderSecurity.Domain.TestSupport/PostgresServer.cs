using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BorderSecurity.Domain.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, started on a free
/// port on 127.0.0.1, stopped and deleted when the process exits. When the environment variable
/// <see cref="ConnectionVariable"/> names an existing server, that server is used instead and nothing is started.
/// </summary>
/// <remarks>
/// The server binaries are looked for in <see cref="BinVariable"/>, then in /usr/lib/postgresql/*/bin (newest
/// first), then on the PATH. initdb refuses to run as root, so as root the server runs as the <c>postgres</c> user
/// through <c>runuser</c>.
/// </remarks>
public sealed class PostgresServer : IDisposable
{
    /// <summary>The environment variable naming an existing server's connection string.</summary>
    public const string ConnectionVariable = "BORDERSECURITY_PG_CONNECTION";

    /// <summary>The environment variable naming the folder of the PostgreSQL server binaries.</summary>
    public const string BinVariable = "BORDERSECURITY_PG_BIN";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly bool _asPostgresUser;
    private int _disposed;

    private PostgresServer(string connectionString, string? dataDirectory, string? binDirectory, bool asPostgresUser)
    {
        ConnectionString = connectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The server shared by the whole test process, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>The connection string of the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether this process started the server (false when it uses an existing one).</summary>
    public bool IsThrowaway => _dataDirectory is not null;

    /// <summary>Kills the server at once (<c>pg_ctl stop -m immediate</c>): in-flight transactions are lost, as in a crash.</summary>
    public void Kill()
    {
        if (!IsThrowaway)
        {
            throw new InvalidOperationException("Only a throwaway server can be killed.");
        }

        PgCtl("stop -m immediate -w");
    }

    /// <summary>Starts a killed server again on the same folder and port (it recovers from its write-ahead log).</summary>
    public void StartAgain()
    {
        if (!IsThrowaway)
        {
            throw new InvalidOperationException("Only a throwaway server can be started again.");
        }

        PgCtl($"start -w -t 60 -l \"{Path.Combine(_dataDirectory!, "server.log")}\"");
    }

    /// <summary>Stops the server and deletes its folder (a no-op for an existing server).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || !IsThrowaway)
        {
            return;
        }

        try
        {
            PgCtl("stop -m immediate -w");
        }
        finally
        {
            try
            {
                Directory.Delete(Path.GetDirectoryName(_dataDirectory!)!, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Starts a private throwaway server (even when <see cref="ConnectionVariable"/> is set), for tests that kill and
    /// restart it. Unlike the shared server it is durable (fsync and synchronous commit on), so a committed
    /// transaction survives a kill. The caller disposes it.
    /// </summary>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">The server binaries were not found, or the server did not start.</exception>
    public static PostgresServer StartNew() => StartThrowaway(durable: true);

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } existing)
        {
            return new PostgresServer(existing, null, null, false);
        }

        return StartThrowaway(durable: false);
    }

    private static PostgresServer StartThrowaway(bool durable)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. Install them (Debian/Ubuntu: " +
            "'apt-get install -y postgresql'), or set " + BinVariable + " to their folder, or set " + ConnectionVariable +
            " to the connection string of an existing server.");
        var asPostgresUser = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        var root = Directory.CreateTempSubdirectory("bsd-pg-").FullName;
        var data = Path.Combine(root, "data");
        if (asPostgresUser)
        {
            Run("chown", $"postgres:postgres \"{root}\"");
        }

        var port = FreePort();
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=120",
            data, bin, asPostgresUser);
        server.RunAsServerUser(Path.Combine(bin, "initdb"), $"-D \"{data}\" -U postgres --auth=trust --encoding=UTF8 --no-sync");

        // The shared test server trades durability for speed; a server that tests kill keeps it.
        var speed = durable ? "" : "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
        File.AppendAllText(Path.Combine(data, "postgresql.conf"),
            $"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{root}'\n{speed}max_connections = 200\n");
        server.PgCtl($"start -w -t 60 -l \"{Path.Combine(data, "server.log")}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        StartReaper(server, root);
        return server;
    }

    /// <summary>
    /// A detached watcher that stops the server and removes its folder once this process has exited, however it
    /// exits (a test host may be torn down before ProcessExit handlers finish, or be killed).
    /// </summary>
    private static void StartReaper(PostgresServer server, string root)
    {
        var pgCtl = $"\"{Path.Combine(server._binDirectory!, "pg_ctl")}\" -D \"{server._dataDirectory}\" stop -m immediate -w";
        var stop = server._asPostgresUser ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; [ -d \"{server._dataDirectory}\" ] && {stop} >/dev/null 2>&1; rm -rf \"{root}\"";
        var info = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        try
        {
            Process.Start(info)?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid on this machine: ProcessExit and Dispose remain the only clean-up.
        }
    }

    private void PgCtl(string arguments) =>
        RunAsServerUser(Path.Combine(_binDirectory!, "pg_ctl"), $"-D \"{_dataDirectory}\" {arguments}");

    private void RunAsServerUser(string program, string arguments)
    {
        if (_asPostgresUser)
        {
            Run("runuser", $"-u postgres -- \"{program}\" {arguments}");
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {arguments} did not finish in two minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {arguments} failed with exit code {process.ExitCode}:\n{output.Result}\n{error.Result}");
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var found = Directory.GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
