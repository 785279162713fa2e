using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Tests.Infrastructure;

/// <summary>
/// The real WireMock 3.13.2 standalone server (npm package <c>wiremock</c>, Java 17), started once per test assembly
/// on a free loopback port and stopped by process id. Tests isolate themselves with <see cref="CreateScope"/>: each
/// scope has its own URL prefix, so stubs and the request journal never mix between parallel tests.
/// </summary>
public sealed class WireMockServer : IAsyncLifetime
{
    private Process? _process;
    private readonly HttpClient _admin = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Gets the server root, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>Starts WireMock and waits until its admin API answers.</summary>
    public async ValueTask InitializeAsync()
    {
        var jar = FindJar();
        var port = FreePort();
        var start = new ProcessStartInfo("java")
        {
            ArgumentList = { "-Xmx512m", "-jar", jar, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1", "--disable-banner", "--async-response-enabled=true", "--container-threads=64", "--jetty-acceptor-threads=4" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java for WireMock.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Root = new Uri($"http://127.0.0.1:{port}");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"WireMock exited with code {_process.ExitCode} before it answered.");
            }

            try
            {
                using var response = await _admin.GetAsync(new Uri(Root, "/__admin/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("WireMock did not answer within 60 s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the server by process id.</summary>
    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Creates an isolated scope: a unique URL prefix that plays the MeetStream base URL.</summary>
    public WireMockScope CreateScope() => new(this, _admin);

    private static string FindJar()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "servers", "node_modules", "wiremock", "build", "wiremock-standalone-3.13.2.jar");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new FileNotFoundException("wiremock-standalone-3.13.2.jar not found: run 'npm ci' in tests/servers (the README's test command does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// One test's slice of the WireMock server: stubs under its own prefix, its own request journal, its own scenarios.
/// </summary>
public sealed class WireMockScope
{
    private readonly WireMockServer _server;
    private readonly HttpClient _admin;

    internal WireMockScope(WireMockServer server, HttpClient admin)
    {
        _server = server;
        _admin = admin;
        Prefix = "/t" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>Gets the scope's URL prefix (the part before <c>/api/v1</c>).</summary>
    public string Prefix { get; }

    /// <summary>Gets the base URL to give the client: <c>http://127.0.0.1:port/tXXXX/api/v1</c>.</summary>
    public Uri BaseUrl => new(_server.Root, Prefix + "/api/v1");

    /// <summary>Turns an API path (e.g. <c>/bots/x/status</c>) into the full WireMock path of this scope.</summary>
    public string PathOf(string apiPath) => Prefix + "/api/v1" + apiPath;

    /// <summary>Registers a raw WireMock mapping (request URLs must already include the prefix).</summary>
    public async Task AddMappingAsync(JsonObject mapping)
    {
        using var response = await _admin.PostAsync(new Uri(_server.Root, "/__admin/mappings"), JsonContent.Create(mapping));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"WireMock refused a mapping: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{mapping.ToJsonString()}");
        }
    }

    /// <summary>Stubs <paramref name="method"/> on an API path (query ignored) with a JSON or raw body.</summary>
    /// <param name="method">HTTP method, e.g. GET.</param>
    /// <param name="apiPath">The path after /api/v1.</param>
    /// <param name="status">The status to answer.</param>
    /// <param name="body">A JSON body (JsonNode) or a raw string; null for none.</param>
    /// <param name="headers">Extra response headers.</param>
    /// <param name="configure">Changes the mapping before it is registered (faults, delays, scenarios, priority).</param>
    public Task StubAsync(string method, string apiPath, int status, object? body = null, IDictionary<string, string>? headers = null, Action<JsonObject>? configure = null)
    {
        var response = new JsonObject { ["status"] = status };
        var responseHeaders = new JsonObject();
        if (body is JsonNode json)
        {
            response["body"] = json.ToJsonString();
            responseHeaders["Content-Type"] = "application/json";
        }
        else if (body is string text)
        {
            response["body"] = text;
        }

        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            responseHeaders[header.Key] = header.Value;
        }

        response["headers"] = responseHeaders;
        var mapping = new JsonObject
        {
            ["request"] = new JsonObject { ["method"] = method, ["urlPath"] = PathOf(apiPath) },
            ["response"] = response,
        };
        configure?.Invoke(mapping);
        return AddMappingAsync(mapping);
    }

    /// <summary>Answers the same stub with a sequence of responses, one per call, via a WireMock scenario.</summary>
    public async Task StubSequenceAsync(string method, string apiPath, params (int Status, object? Body, IDictionary<string, string>? Headers)[] responses)
    {
        var scenario = Prefix + method + apiPath;
        for (var i = 0; i < responses.Length; i++)
        {
            var (status, body, headers) = responses[i];
            var state = i == 0 ? "Started" : "s" + i;
            var next = i == responses.Length - 1 ? null : "s" + (i + 1);
            await StubAsync(method, apiPath, status, body, headers, mapping =>
            {
                mapping["scenarioName"] = scenario;
                mapping["requiredScenarioState"] = state;
                if (next is not null)
                {
                    mapping["newScenarioState"] = next;
                }
            });
        }
    }

    /// <summary>Returns the requests WireMock received under this scope, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> ReceivedAsync()
    {
        var query = new JsonObject { ["urlPattern"] = Prefix + "/.*" };
        using var response = await _admin.PostAsync(new Uri(_server.Root, "/__admin/requests/find"), JsonContent.Create(query));
        response.EnsureSuccessStatusCode();
        var root = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var list = new List<RecordedRequest>();
        foreach (var item in root["requests"]!.AsArray())
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (item!["headers"] is JsonObject headerObject)
            {
                foreach (var (name, value) in headerObject)
                {
                    headers[name] = value is JsonArray array ? string.Join(", ", array.Select(v => v!.ToString())) : value!.ToString();
                }
            }

            var url = item["url"]!.GetValue<string>();
            list.Add(new RecordedRequest(
                item["method"]!.GetValue<string>(),
                url[(Prefix.Length + "/api/v1".Length)..],
                headers,
                item["body"]?.GetValue<string>() ?? string.Empty,
                item["loggedDate"]?.GetValue<long>() ?? 0));
        }

        list.Sort((a, b) => a.LoggedAt.CompareTo(b.LoggedAt));
        return list;
    }

    /// <summary>Returns the only request received, failing when there is not exactly one.</summary>
    public async Task<RecordedRequest> SingleReceivedAsync()
    {
        var all = await ReceivedAsync();
        return Assert.Single(all);
    }
}

/// <summary>A request from WireMock's journal.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">Path and query relative to the API base URL (after <c>/api/v1</c>).</param>
/// <param name="Headers">Headers, names case-insensitive.</param>
/// <param name="Body">The body text.</param>
/// <param name="LoggedAt">When WireMock logged it (ms).</param>
public sealed record RecordedRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body, long LoggedAt)
{
    /// <summary>Gets the path without the query.</summary>
    public string Path => Url.Split('?')[0];

    /// <summary>Gets the body parsed as JSON.</summary>
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}
