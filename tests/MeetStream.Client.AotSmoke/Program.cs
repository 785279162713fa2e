using System.Net;
using System.Net.Sockets;
using System.Text;
using MeetStream.Client;

// Exercises the SDK's serialization, HTTP pipeline and error mapping under Native AOT against a tiny loopback
// server, meeting intelligence (keywords, talk time, the signed outbound sink) and the Redis package, and prints
// "AOT smoke OK" when everything behaves. Run by tests/MeetStream.Client.Tests/Aot.
var port = FreePort();
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
_ = Task.Run(async () =>
{
    while (listener.IsListening)
    {
        HttpListenerContext context;
        try
        {
            context = await listener.GetContextAsync();
        }
        catch (Exception) when (!listener.IsListening)
        {
            return;
        }

        var path = context.Request.Url!.AbsolutePath;
        var (status, body) = path switch
        {
            "/api/v1/echo" => (200, "{\"auth\":\"" + context.Request.Headers["Authorization"] + "\"}"),
            "/api/v1/missing" => (404, "{\"message\":\"Bot not found\"}"),
            "/api/v1/bots/b1/status" => (200, "{\"bot_id\":\"b1\",\"status\":\"InMeeting\",\"custom_attributes\":{\"team\":\"x\"}}"),
            "/api/v1/bots/b2/status" => (404, "{\"message\":\"Bot not found\"}"),
            "/api/v1/transcript/t1/get_transcript" => (200, "[{\"speaker\":\"Ada\",\"transcript\":\"Hello there\",\"start_time\":0.5,\"end_time\":1.5}]"),
            _ => (500, "{}"),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
});

var failures = new List<string>();
using var client = new MeetStreamClient(new MeetStreamClientOptions { ApiKey = "aot-key", BaseUrl = new Uri($"http://127.0.0.1:{port}/api/v1") });

var echo = await client.SendAsync(HttpMethod.Get, "/echo");
Check(echo.GetJson()?.GetProperty("auth").GetString() == "Token aot-key", "raw request with Token header");

var request = new CreateBotRequest
{
    MeetingLink = "https://meet.google.com/abc-defg-hij",
    BotName = "AOT",
    JoinAt = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero),
    RecordingConfig = new RecordingConfig
    {
        Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgramStreaming(new DeepgramStreamingTranscription { TranscriptionMode = TranscriptionMode.Sentence }) },
        Retention = RetentionConfig.Timed(24),
    },
};
var json = System.Text.Json.JsonSerializer.Serialize(request, MeetStream.Client.Serialization.MeetStreamJsonContext.Default.CreateBotRequest);
Check(json.Contains("\"transcription_mode\":\"sentence\"", StringComparison.Ordinal) && json.Contains("+00:00", StringComparison.Ordinal), "source-generated serialization");

try
{
    await client.SendAsync(HttpMethod.Get, "/missing");
    Check(true, "raw requests do not throw on 404");
}
catch (Exception ex)
{
    failures.Add("raw 404 threw " + ex.GetType().Name);
}

await SmokeExtensions.RunAsync(client, failures);
await IntelligenceSmoke.RunAsync(failures);
await RedisSmoke.RunAsync(failures);

listener.Stop();
if (failures.Count > 0)
{
    Console.Error.WriteLine("AOT smoke FAILED: " + string.Join("; ", failures));
    return 1;
}

Console.WriteLine("AOT smoke OK");
return 0;

void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

static int FreePort()
{
    using var socket = new TcpListener(IPAddress.Loopback, 0);
    socket.Start();
    return ((IPEndPoint)socket.LocalEndpoint).Port;
}
