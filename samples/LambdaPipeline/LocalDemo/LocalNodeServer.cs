using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LambdaPipeline;

/// <summary>
/// dynalite (DynamoDB) or s3rver (S3), the Node.js servers in the repository's <c>tests/servers</c>, started on a free
/// loopback port for the local demo and stopped (by process id) when disposed.
/// </summary>
internal sealed class LocalNodeServer : IAsyncDisposable
{
    /// <summary>The command that installs the servers, from the repository root.</summary>
    public const string InstallCommand = "npm ci --prefix tests/servers";

    private readonly Process _process;
    private readonly string? _dataDirectory;

    private LocalNodeServer(string name, Process process, Uri url, string? dataDirectory)
    {
        Name = name;
        _process = process;
        Url = url;
        _dataDirectory = dataDirectory;
    }

    /// <summary>Gets the server's name.</summary>
    public string Name { get; }

    /// <summary>Gets the server's base URL.</summary>
    public Uri Url { get; }

    /// <summary>Starts dynalite (in memory, tables ready at once).</summary>
    public static Task<LocalNodeServer> StartDynaliteAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        return StartAsync("dynalite", Path.Combine("dynalite", "cli.js"), ["--host", "127.0.0.1", "--port", port, "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"], port, null, cancellationToken);
    }

    /// <summary>Starts s3rver on a fresh temporary directory (deleted when disposed).</summary>
    public static Task<LocalNodeServer> StartS3rverAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "meetstream-demo-s3-" + Guid.NewGuid().ToString("N")[..8]);
        return StartAsync("s3rver", Path.Combine("s3rver", "bin", "s3rver.js"), ["-d", directory, "-a", "127.0.0.1", "-p", port, "--silent"], port, directory, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        _process.Dispose();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<LocalNodeServer> StartAsync(string name, string script, string[] arguments, string port, string? dataDirectory, CancellationToken cancellationToken)
    {
        var scriptPath = Path.Combine(FindServersDirectory(), "node_modules", script);
        if (!File.Exists(scriptPath))
        {
            throw new LocalDemoException($"{name} is not installed: run `{InstallCommand}` (Node.js 18 or later) from the repository root, then run the demo again.");
        }

        if (dataDirectory is not null)
        {
            Directory.CreateDirectory(dataDirectory);
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(scriptPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LocalDemoException($"Could not start node for {name}.");
        }
        catch (Win32Exception)
        {
            throw new LocalDemoException($"Node.js was not found on PATH: install Node.js 18 or later, run `{InstallCommand}`, then run the demo again.");
        }

        var lastError = string.Empty;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => lastError = string.IsNullOrWhiteSpace(e.Data) ? lastError : e.Data.Trim();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalNodeServer(name, process, new Uri("http://127.0.0.1:" + port), dataDirectory);
        try
        {
            await server.WaitUntilListeningAsync(() => lastError, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(Func<string> lastError, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(1)); // a hang guard: both answer within a second or two
        while (true)
        {
            if (_process.HasExited)
            {
                throw new LocalDemoException($"{Name} exited with code {_process.ExitCode} before it answered: {lastError()} (reinstall with `{InstallCommand}`).");
            }

            try
            {
                using var response = await http.GetAsync(Url, guard.Token).ConfigureAwait(false);
                return; // any HTTP answer means it is listening
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!guard.IsCancellationRequested)
            {
            }

            try
            {
                await Task.Delay(100, guard.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LocalDemoException($"{Name} did not answer at {Url} within a minute: {lastError()}");
            }
        }
    }

    /// <summary>Finds <c>tests/servers</c> above the current directory or the program's own directory.</summary>
    private static string FindServersDirectory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "servers");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new LocalDemoException($"tests/servers (dynalite and s3rver) not found: run the demo from a clone of the repository (`{InstallCommand}`, then `dotnet run --project samples/LambdaPipeline`).");
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
