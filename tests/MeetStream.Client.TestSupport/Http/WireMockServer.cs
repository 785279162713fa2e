using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;
using StubServer = WireMock.Server.WireMockServer;

namespace MeetStream.Client.Tests.Infrastructure;

/// <summary>
/// An in-process WireMock.Net server playing the MeetStream API, started once per test assembly on a free loopback
/// port. Tests isolate themselves with <see cref="CreateScope"/>: each scope has its own URL prefix, so stubs,
/// scenarios and the request journal never mix between parallel tests. Network faults WireMock.Net cannot produce
/// come from <see cref="RawSocketFaultServer"/>, which fronts the scopes that stub one.
/// </summary>
public sealed class WireMockServer : IAsyncLifetime
{
    /// <summary>Request header carrying the request target exactly as the client sent it (added on receipt).</summary>
    internal const string RawTargetHeader = "X-Stub-Raw-Target";

    /// <summary>Request header carrying the path part of <see cref="RawTargetHeader"/>; stubs match on it.</summary>
    internal const string RawPathHeader = "X-Stub-Raw-Path";

    /// <summary>Response header by which a scenario stub asks for its delay (see <see cref="WireMockScope.StubAsync"/>).</summary>
    internal const string DelayHeader = "X-Stub-Delay-Ms";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _journal = new(StringComparer.Ordinal);
    private readonly Lock _frontGate = new();
    private StubServer? _server;
    private RawSocketFaultServer? _front;

    /// <summary>Gets the server root, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>Gets the WireMock.Net server (mappings are added through scopes).</summary>
    internal StubServer Server => _server ?? throw new InvalidOperationException("The WireMock.Net server is not started.");

    /// <summary>Gets the raw-socket front that produces network faults, started on first use.</summary>
    internal RawSocketFaultServer FaultFront
    {
        get
        {
            lock (_frontGate)
            {
                return _front ??= new RawSocketFaultServer(Root);
            }
        }
    }

    /// <summary>Starts WireMock.Net on a free loopback port.</summary>
    public ValueTask InitializeAsync()
    {
        var port = FreePort();
        _server = StubServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"],
            StartAdminInterface = false,
            AllowBodyForAllHttpMethods = true,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            MaxRequestLogCount = 0,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(RecordAsync),
        });
        Root = new Uri($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the fault front and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }

        _server?.Stop();
        _server?.Dispose();
    }

    /// <summary>Creates an isolated scope: a unique URL prefix that plays the MeetStream base URL.</summary>
    public WireMockScope CreateScope() => new(this);

    /// <summary>Returns what the server received under <paramref name="prefix"/>, in arrival order.</summary>
    internal IReadOnlyList<RecordedRequest> Received(string prefix) =>
        _journal.TryGetValue(prefix, out var queue) ? [.. queue] : [];

    /// <summary>
    /// Runs before WireMock.Net's own middleware: records the request on receipt (WireMock.Net logs only after a
    /// stub's delay, too late for tests that time out first), with its exact target and body, and tags it with the
    /// raw path stubs match on (WireMock.Net's own path is URL-decoded).
    /// </summary>
    private async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var target = request.Headers.TryGetValue(RawTargetHeader, out var forwarded) && !string.IsNullOrEmpty(forwarded)
            ? forwarded.ToString()
            : context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString).ToString();
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        request.Headers[RawPathHeader] = path;

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            if (!name.StartsWith("X-Stub-", StringComparison.OrdinalIgnoreCase))
            {
                headers[name] = string.Join(", ", values.ToArray());
            }
        }

        var prefix = FirstSegment(path);
        var recorded = new RecordedRequest(request.Method, target, headers, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        _journal.GetOrAdd(prefix, _ => new ConcurrentQueue<RecordedRequest>()).Enqueue(recorded);
        context.Response.OnStarting(() => DelayAsync(context));
        await next();
    }

    /// <summary>Holds the response back by the delay a scenario stub asked for (after its state already moved on).</summary>
    private static async Task DelayAsync(HttpContext context)
    {
        if (!context.Response.Headers.TryGetValue(DelayHeader, out var value))
        {
            return;
        }

        context.Response.Headers.Remove(DelayHeader);
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(double.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture)), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up waiting.
        }
    }

    private static string FirstSegment(string path)
    {
        var end = path.Length < 2 ? -1 : path.IndexOf('/', 1);
        return end < 0 ? path : path[..end];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Network faults a stub can answer with instead of an HTTP response.</summary>
public enum StubFault
{
    /// <summary>An ordinary HTTP response.</summary>
    None,

    /// <summary>Close the connection with a TCP reset (linger 0) after reading the request.</summary>
    ConnectionResetByPeer,

    /// <summary>Close the connection without sending a byte.</summary>
    EmptyResponse,

    /// <summary>Send the status line and a chunked header, then garbage instead of a chunk, then close.</summary>
    MalformedResponseChunk,

    /// <summary>Send bytes that are not HTTP, then close.</summary>
    RandomDataThenClose,

    /// <summary>Keep the connection open and never answer.</summary>
    NoResponse,
}

/// <summary>Helpers for <see cref="StubFault"/>.</summary>
public static class StubFaults
{
    /// <summary>Parses a Java WireMock fault name (e.g. <c>CONNECTION_RESET_BY_PEER</c>) into a <see cref="StubFault"/>.</summary>
    public static StubFault Parse(string wireMockName) =>
        Enum.Parse<StubFault>(wireMockName.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}

/// <summary>How a stub matches and answers beyond method, path and status (all optional).</summary>
public sealed record StubOptions
{
    /// <summary>The scenario state every scenario starts in.</summary>
    public const string StartState = "Started";

    /// <summary>Gets the priority: lower wins; stubs without one get 5 (as in Java WireMock).</summary>
    public int? Priority { get; init; }

    /// <summary>Gets a delay before the response is sent.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Gets a network fault to answer with instead of the response.</summary>
    public StubFault Fault { get; init; }

    /// <summary>Gets the scenario the stub belongs to (use the scope's prefix in the name).</summary>
    public string? Scenario { get; init; }

    /// <summary>Gets the state the scenario must be in; <see langword="null"/> or <see cref="StartState"/> is the start.</summary>
    public string? WhenState { get; init; }

    /// <summary>Gets the state the scenario moves to after this stub answered; <see langword="null"/> keeps it.</summary>
    public string? SetState { get; init; }

    /// <summary>Gets query parameters that must match: a value means equal to it, <see langword="null"/> means absent.</summary>
    public IReadOnlyDictionary<string, string?>? Query { get; init; }
}

/// <summary>
/// One test's slice of the WireMock server: stubs under its own prefix, its own request journal, its own scenarios.
/// </summary>
public sealed class WireMockScope
{
    private readonly WireMockServer _server;
    private bool _baseUrlRead;
    private bool _viaFaultFront;

    internal WireMockScope(WireMockServer server)
    {
        _server = server;
        Prefix = "/t" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>Gets the scope's URL prefix (the part before <c>/api/v1</c>).</summary>
    public string Prefix { get; }

    /// <summary>
    /// Gets the base URL to give the client: <c>http://127.0.0.1:port/tXXXX/api/v1</c>. A scope with a network-fault
    /// stub points at the raw-socket front instead, so stub those before reading this.
    /// </summary>
    public Uri BaseUrl
    {
        get
        {
            _baseUrlRead = true;
            var root = _viaFaultFront ? _server.FaultFront.Root : _server.Root;
            return new Uri(root, Prefix + "/api/v1");
        }
    }

    /// <summary>Turns an API path (e.g. <c>/bots/x/status</c>) into the full server path of this scope.</summary>
    public string PathOf(string apiPath) => Prefix + "/api/v1" + apiPath;

    /// <summary>Stubs <paramref name="method"/> on an API path (query ignored unless <see cref="StubOptions.Query"/>) with a JSON or raw body.</summary>
    /// <param name="method">HTTP method, e.g. GET.</param>
    /// <param name="apiPath">The path after /api/v1, escaped as the client sends it.</param>
    /// <param name="status">The status to answer.</param>
    /// <param name="body">A JSON body (JsonNode) or a raw string; null for none.</param>
    /// <param name="headers">Extra response headers.</param>
    /// <param name="options">Priority, delay, fault, scenario and query matching.</param>
    public Task StubAsync(string method, string apiPath, int status, object? body = null, IDictionary<string, string>? headers = null, StubOptions? options = null)
    {
        options ??= new StubOptions();
        if (options.Fault != StubFault.None)
        {
            UseFaultFront();
        }

        var request = Request.Create().UsingMethod(method).WithHeader(WireMockServer.RawPathHeader, new ExactMatcher(PathOf(apiPath)));
        if (options.Query is { Count: > 0 } query)
        {
            request = request.WithParam(parameters => QueryMatches(parameters, query));
        }

        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? text = null;
        if (body is JsonNode json)
        {
            text = json.ToJsonString();
            responseHeaders["Content-Type"] = "application/json";
        }
        else if (body is string raw)
        {
            text = raw;
        }
        else if (body is not null)
        {
            throw new ArgumentException("The body must be a JsonNode, a string or null.", nameof(body));
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            responseHeaders[name] = value;
        }

        if (options.Fault != StubFault.None)
        {
            responseHeaders[RawSocketFaultServer.FaultHeader] = options.Fault.ToString();
        }

        // WireMock.Net's WithDelay waits before it moves a scenario to its next state, so a retry that arrives during
        // the delay would still see the old state; Java WireMock moves on at once. Scenario stubs therefore delay in
        // the recording middleware, after the state changed; the others use WithDelay.
        var delayInMiddleware = options.Delay is not null && options.Scenario is not null;
        if (delayInMiddleware)
        {
            responseHeaders[WireMockServer.DelayHeader] = options.Delay!.Value.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = Response.Create().WithStatusCode(status);
        if (responseHeaders.Count > 0)
        {
            response = response.WithHeaders(responseHeaders);
        }

        if (text is not null)
        {
            response = response.WithBody(text);
        }

        if (options.Delay is { } delay && !delayInMiddleware)
        {
            response = response.WithDelay(delay);
        }

        var mapping = _server.Server.Given(request).AtPriority(options.Priority ?? 5);
        if (options.Scenario is not null)
        {
            mapping = mapping.InScenario(options.Scenario);
            var when = options.WhenState is null or StubOptions.StartState ? null : options.WhenState;
            if (when is not null)
            {
                mapping = mapping.WhenStateIs(when);
            }

            // WireMock.Net returns a scenario to its start when a stub names no next state; Java WireMock keeps it.
            var next = options.SetState ?? when;
            if (next is not null)
            {
                mapping = mapping.WillSetStateTo(next);
            }
        }

        mapping.RespondWith(response);
        return Task.CompletedTask;
    }

    /// <summary>Answers the same stub with a sequence of responses, one per call (the last repeats), via a scenario.</summary>
    public async Task StubSequenceAsync(string method, string apiPath, params (int Status, object? Body, IDictionary<string, string>? Headers)[] responses)
    {
        var scenario = Prefix + method + apiPath;
        for (var i = 0; i < responses.Length; i++)
        {
            var (status, body, headers) = responses[i];
            var options = new StubOptions
            {
                Scenario = scenario,
                WhenState = i == 0 ? StubOptions.StartState : "s" + i,
                SetState = i == responses.Length - 1 ? null : "s" + (i + 1),
            };
            await StubAsync(method, apiPath, status, body, headers, options);
        }
    }

    /// <summary>Returns the requests the server received under this scope, oldest first.</summary>
    public Task<IReadOnlyList<RecordedRequest>> ReceivedAsync()
    {
        var apiBase = Prefix + "/api/v1";
        var list = _server.Received(Prefix)
            .Select(r => r with { Url = r.Url.StartsWith(apiBase, StringComparison.Ordinal) ? r.Url[apiBase.Length..] : r.Url })
            .ToList();
        return Task.FromResult<IReadOnlyList<RecordedRequest>>(list);
    }

    /// <summary>Returns the only request received, failing when there is not exactly one.</summary>
    public async Task<RecordedRequest> SingleReceivedAsync()
    {
        var all = await ReceivedAsync();
        return Assert.Single(all);
    }

    private void UseFaultFront()
    {
        if (!_viaFaultFront && _baseUrlRead)
        {
            throw new InvalidOperationException("Stub network faults before reading BaseUrl: a scope with faults is served through the raw-socket front.");
        }

        _viaFaultFront = true;
    }

    private static bool QueryMatches(IDictionary<string, WireMock.Types.WireMockList<string>>? parameters, IReadOnlyDictionary<string, string?> expected)
    {
        foreach (var (name, value) in expected)
        {
            var present = parameters is not null && parameters.TryGetValue(name, out var values) && values is not null;
            if (value is null)
            {
                if (present)
                {
                    return false;
                }
            }
            else if (!present || !parameters![name].Contains(value))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A request the stub server received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">Path and query relative to the API base URL (after <c>/api/v1</c>), escaped as sent.</param>
/// <param name="Headers">Headers, names case-insensitive.</param>
/// <param name="Body">The body text.</param>
/// <param name="LoggedAt">When the server received it (Unix ms).</param>
public sealed record RecordedRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body, long LoggedAt)
{
    /// <summary>Gets the path without the query.</summary>
    public string Path => Url.Split('?')[0];

    /// <summary>Gets the body parsed as JSON.</summary>
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}
