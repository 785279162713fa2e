using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// Starts a Node.js test server from <c>tests/servers/node_modules</c> on a free loopback port, waits until it answers
/// HTTP, and stops it by process id. Used by the Lambda tests (as an xunit fixture, <c>NodeServer.Fixture.cs</c>) and by
/// the benchmarks (dynalite for the cold-start benchmark).
/// </summary>
public abstract partial class NodeServer : IAsyncDisposable
{
    private Process? _process;

    /// <summary>Gets the server's base URL, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri Url { get; private set; } = null!;

    protected abstract string Name { get; }

    protected abstract string Script { get; }

    protected abstract IEnumerable<string> Arguments(int port);

    /// <summary>Environment variables for the server process (for servers configured that way, e.g. fauxqs's port).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> EnvironmentVariables(int port) => [];

    public async ValueTask InitializeAsync()
    {
        var script = Path.Combine(FindServersDirectory(), "node_modules", Script);
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"{Script} not found: run 'npm ci' in tests/servers (the README's test command does).", script);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in Arguments(port))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in EnvironmentVariables(port))
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node for {Name}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it answered.");
            }

            try
            {
                using var response = await http.GetAsync(Url);
                return; // any HTTP answer means it is listening
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not answer within 30 s.");
            }

            await Task.Delay(50);
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    internal static string FindServersDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "servers");
            if (Directory.Exists(Path.Combine(candidate, "node_modules")))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("tests/servers/node_modules not found: run 'npm ci' in tests/servers (the README's test command does).");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
