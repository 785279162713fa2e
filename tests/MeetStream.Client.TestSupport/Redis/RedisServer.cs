using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MeetStream.Client.Redis.Tests.Infrastructure;

/// <summary>
/// A real redis-server (Debian's package; <c>./test.sh</c> installs it) on a free loopback port, in its own temporary
/// folder: without persistence by default, or with an append-only file fsynced before every reply
/// (<c>appendonly yes</c>, <c>appendfsync always</c>) when started with <c>persistent: true</c>, so a write Redis
/// answered survives a kill. It can be stopped abruptly and started again on the same port (outage tests). Where the
/// program is missing the fixture fails every test with one plain sentence saying so and how to install it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meetstream-redis-").FullName;
    private readonly bool _persistent;
    private Process? _process;

    private RedisServer(int port, bool persistent)
    {
        Port = port;
        _persistent = persistent;
    }

    /// <summary>Gets the loopback port the server listens on (the same across restarts).</summary>
    public int Port { get; }

    /// <summary>Gets a StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    /// <summary>Starts a server without persistence on a free loopback port and waits until it answers PING.</summary>
    /// <param name="cancellationToken">The test's token.</param>
    public static Task<RedisServer> StartAsync(CancellationToken cancellationToken) => StartAsync(persistent: false, cancellationToken);

    /// <summary>Starts a server on a free loopback port and waits until it answers PING.</summary>
    /// <param name="persistent">
    /// <see langword="true"/> for an append-only file fsynced before every reply: everything Redis acknowledged is still
    /// there after <see cref="Kill"/> and <see cref="RestartAsync"/> (what a production Redis needs for the durable inbox).
    /// </param>
    /// <param name="cancellationToken">The test's token.</param>
    public static async Task<RedisServer> StartAsync(bool persistent, CancellationToken cancellationToken)
    {
        var server = new RedisServer(FreePort(), persistent);
        await server.RestartAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops the server abruptly (SIGKILL): in-flight commands fail, connections drop.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(30_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>
    /// Starts the server again on the same port and waits for PING: empty without persistence, with every acknowledged
    /// write when persistent (the append-only file is replayed).
    /// </summary>
    /// <param name="cancellationToken">The test's token.</param>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        Kill();
        var start = new ProcessStartInfo(Program())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
            ArgumentList =
            {
                "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
                "--appendonly", _persistent ? "yes" : "no", "--appendfsync", "always", "--dir", _directory, "--protected-mode", "yes", "--daemonize", "no",
            },
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPingAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying server: the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }

    private static string Program()
    {
        foreach (var candidate in new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("redis-server is not installed: the Redis tests need Debian's redis-server package (./test.sh installs it with apt-get when run as root; otherwise run `sudo apt-get install -y redis-server`).");
        return string.Empty;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Waits until the server answers PING over a raw socket (a hang guard of 60 s only, for a very loaded machine).
    private async Task WaitForPingAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process is { HasExited: true } exited)
            {
                Assert.Fail($"redis-server exited with {exited.ExitCode} before it answered PING (port {Port}).");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, limit.Token);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), limit.Token);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, limit.Token);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"redis-server did not answer PING on port {Port} within the hang guard.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }
}
