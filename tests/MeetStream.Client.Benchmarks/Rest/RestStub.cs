using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Benchmarks.Rest;

/// <summary>
/// The MeetStream REST stub the REST benchmarks call: Kestrel on 127.0.0.1 answering
/// <c>GET /api/v1/bots/{id}/status</c> and <c>POST /api/v1/bots/create_bot</c> with the spec's example bodies.
/// It runs in its own process (<c>--rest-stub</c>) so the benchmark's MemoryDiagnoser, which counts every allocation
/// of its process, sees only the client side.
/// </summary>
public static class RestStub
{
    /// <summary>The command-line switch that runs the stub instead of the benchmarks.</summary>
    public const string Switch = "--rest-stub";

    /// <summary>The API key the benchmark clients send (the stub does not check it).</summary>
    public const string ApiKey = "ms_bench_0123456789abcdef";

    /// <summary>A bot id shaped like the API's.</summary>
    public const string BotId = "6667fd0c-0165-471a-a880-06a1180be377";

    /// <summary>The <c>GET /bots/{bot_id}/status</c> answer (spec §2.2, <c>BotStatusResponse</c>).</summary>
    public static readonly byte[] StatusBody = Encoding.UTF8.GetBytes(
        """{"bot_id":"6667fd0c-0165-471a-a880-06a1180be377","status":"InMeeting","custom_attributes":{"tenant":"acme","meeting_ref":"mtg-42"}}""");

    /// <summary>The <c>POST /bots/create_bot</c> 201 answer (spec §2.1.3, <c>BotResponse</c>).</summary>
    public static readonly byte[] CreatedBody = Encoding.UTF8.GetBytes(
        """{"bot_id":"6667fd0c-0165-471a-a880-06a1180be377","transcript_id":"9b1f2e1c-3a4d-4c55-8e0f-2d6a7b8c9d0e","meeting_url":"https://meet.google.com/abc-defg-hij","status":"Active"}""");

    /// <summary>Runs the stub until standard input closes; prints <c>listening http://127.0.0.1:PORT</c> first.</summary>
    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/api/v1/bots/{id}/status", (HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, StatusBody));
        app.MapPost("/api/v1/bots/create_bot", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            await WriteAsync(context, StatusCodes.Status201Created, CreatedBody);
        });
        await app.StartAsync();
        Console.WriteLine("listening " + app.Urls.First());
        Console.Out.Flush();

        // The parent holds our standard input: when it exits (or disposes the stub) the pipe closes and we stop.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>Starts the stub as a child process and returns its base URL (<c>http://127.0.0.1:PORT/api/v1</c>).</summary>
    public static StubProcess Start()
    {
        var (dll, _) = FindBenchmarkAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(Switch);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the REST stub.");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The REST stub did not start: " + line);
        }

        return new StubProcess(process, new Uri(line["listening ".Length..].TrimEnd('/') + "/api/v1"));
    }

    private static (string Dll, string Directory) FindBenchmarkAssembly()
    {
        // BenchmarkDotNet runs a generated project whose output sits below the benchmark project's own output:
        // walk up to the first folder holding the benchmark dll with its runtimeconfig (runnable with `dotnet`).
        const string Name = "MeetStream.Client.Benchmarks";
        var dir = new DirectoryInfo(Path.GetDirectoryName(typeof(RestStub).Assembly.Location)!);
        while (dir is not null)
        {
            var dll = Path.Combine(dir.FullName, Name + ".dll");
            if (File.Exists(dll) && File.Exists(Path.Combine(dir.FullName, Name + ".runtimeconfig.json")))
            {
                return (dll, dir.FullName);
            }

            dir = dir.Parent;
        }

        throw new FileNotFoundException($"{Name}.dll with its runtimeconfig.json was not found above {typeof(RestStub).Assembly.Location}.");
    }
}

/// <summary>A running stub process; disposing closes its standard input, which stops it.</summary>
public sealed class StubProcess(Process process, Uri baseUrl) : IDisposable
{
    /// <summary>Gets the base URL, e.g. <c>http://127.0.0.1:41234/api/v1</c>.</summary>
    public Uri BaseUrl { get; } = baseUrl;

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}

/// <summary>
/// The in-memory case's primary handler: answers every request with a fresh response over a prebuilt body (status
/// and create), so what is measured above it is the client's own work.
/// </summary>
public sealed class CannedHandler : HttpMessageHandler
{
    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue Json = new("application/json");

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var create = request.Method == HttpMethod.Post;
        var content = new ByteArrayContent(create ? RestStub.CreatedBody : RestStub.StatusBody);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(create ? HttpStatusCode.Created : HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
