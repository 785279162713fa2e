using System.Net;
using System.Net.Sockets;
using MeetStream.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMockNetServer = WireMock.Server.WireMockServer;

namespace MeetStream.Client.Tests.Transport;

/// <summary>
/// A WireMock.Net server in this process on a free loopback port, one per test (no shared state), for the transport
/// tests. <see cref="BaseUrl"/> is the API root the client is pointed at; stubs are added on <see cref="Server"/>.
/// </summary>
public sealed class TransportStub : IDisposable
{
    /// <summary>The API key the transport tests configure; asserted never to leak.</summary>
    public const string ApiKey = "ms_live_7Qx9Kp2Lw4Zr8Tn3";

    private TransportStub(string host)
    {
        var port = FreePort();
        Server = WireMockNetServer.Start($"http://{host}:{port}");
        Root = new Uri($"http://{host}:{port}");
    }

    /// <summary>Gets the WireMock.Net server.</summary>
    public WireMockNetServer Server { get; }

    /// <summary>Gets the server root, e.g. <c>http://127.0.0.1:5001</c>.</summary>
    public Uri Root { get; }

    /// <summary>Gets the API base URL the client uses (<c>/api/v1</c> under the root).</summary>
    public Uri BaseUrl => new(Root, "/api/v1");

    /// <summary>Gets the requests the server received.</summary>
    public IReadOnlyList<ILogEntry> Received => Server.LogEntries.ToList();

    /// <summary>Starts a server on 127.0.0.1 (the "API host").</summary>
    public static TransportStub StartApi() => new("127.0.0.1");

    /// <summary>Starts a server reached as <c>localhost</c>: a different host name from the API's.</summary>
    public static TransportStub StartOtherHost() => new("localhost");

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (under <c>/api/v1</c>) with a status, headers and body.</summary>
    public void Answer(string method, string path, int status, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(body);
        }

        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath("/api/v1" + path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>Answers every request under any path with 200 and a body that would read as success.</summary>
    public void AnswerEverythingWithSuccess(string body) =>
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/*"))).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    /// <summary>Options for a client of this server: no retries' waiting, no jitter.</summary>
    public MeetStreamClientOptions Options(int maxRetries = 0)
    {
        var options = new MeetStreamClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = BaseUrl,
            AttemptTimeout = TimeSpan.FromSeconds(30),
            TotalTimeout = TimeSpan.FromSeconds(60),
        };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.UseJitter = false;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        return options;
    }

    /// <summary>A client with the SDK's own HTTP stack, logging into <paramref name="logs"/>.</summary>
    public MeetStreamClient CreateClient(CapturingLoggerProvider? logs = null, int maxRetries = 0) =>
        new(Options(maxRetries), logs is null ? null : LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

    /// <inheritdoc />
    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }

    /// <summary>A free loopback TCP port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
