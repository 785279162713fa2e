using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaPipeline;

/// <summary>
/// A local stand-in for the Lambda Runtime API (2018-06-01) of one function, on loopback Kestrel: the demo queues an
/// event with <see cref="InvokeAsync"/>, the function's <c>LambdaHost</c> takes it from <c>/next</c> exactly as it
/// does on Lambda, and its <c>/response</c> or <c>/error</c> completes the call. An init error fails every call.
/// </summary>
internal sealed class LocalRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new();
    private readonly TaskCompletionSource<string> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalRuntimeApi(WebApplication app, string functionName, TimeSpan timeout)
    {
        _app = app;
        FunctionName = functionName;
        Timeout = timeout;
    }

    /// <summary>Gets the function served through this Runtime API.</summary>
    public string FunctionName { get; }

    /// <summary>Gets the function timeout: each event's deadline header is this far ahead.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Gets the <c>host:port</c> a <c>LambdaHost</c> polls (what Lambda puts in <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Starts the Runtime API on a free loopback port.</summary>
    public static async Task<LocalRuntimeApi> StartAsync(string functionName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LocalRuntimeApi(app, functionName, timeout);
        app.MapGet("/2018-06-01/runtime/invocation/next", (RequestDelegate)api.NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (RequestDelegate)(c => api.CompleteAsync(c, isError: false)));
        app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (RequestDelegate)(c => api.CompleteAsync(c, isError: true)));
        app.MapPost("/2018-06-01/runtime/init/error", (RequestDelegate)api.InitErrorAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.Address = new Uri(address).Authority;
        return api;
    }

    /// <summary>Sends one event to the function and waits for its answer.</summary>
    /// <returns>The function's result bytes.</returns>
    /// <exception cref="LocalInvocationException">The function reported an error, or failed to start.</exception>
    public async Task<byte[]> InvokeAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        var invocation = new PendingInvocation(Guid.NewGuid().ToString(), System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()), DateTimeOffset.UtcNow + Timeout);
        _queue.Writer.TryWrite(invocation);
        var finished = await Task.WhenAny(invocation.Result.Task, _initError.Task).WaitAsync(cancellationToken);
        if (finished == _initError.Task)
        {
            throw new LocalInvocationException($"The {FunctionName} function failed to start: {await _initError.Task}");
        }

        var (isError, body) = await invocation.Result.Task;
        return isError
            ? throw new LocalInvocationException($"The {FunctionName} function failed: {ErrorMessage(body)}")
            : body;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private async Task NextAsync(HttpContext context)
    {
        PendingInvocation invocation;
        try
        {
            invocation = await _queue.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return;
        }

        _inFlight[invocation.RequestId] = invocation;
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:000000000000:function:local-" + FunctionName;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted);
    }

    private async Task CompleteAsync(HttpContext context, bool isError)
    {
        var body = await ReadAsync(context.Request);
        var id = context.Request.RouteValues["id"] as string ?? string.Empty;
        if (!_inFlight.TryRemove(id, out var invocation))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("{\"errorMessage\":\"unknown request id\"}");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsync("{\"status\":\"OK\"}");
        invocation.Result.TrySetResult((isError, body));
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await ReadAsync(context.Request);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsync("{\"status\":\"OK\"}");
        _initError.TrySetResult(ErrorMessage(body));
    }

    private static string ErrorMessage(byte[] body)
    {
        try
        {
            var error = JsonNode.Parse(body);
            return $"{error?["errorType"]?.GetValue<string>()}: {error?["errorMessage"]?.GetValue<string>()}";
        }
        catch (System.Text.Json.JsonException)
        {
            return System.Text.Encoding.UTF8.GetString(body);
        }
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>One queued event and the function's answer to it.</summary>
    private sealed class PendingInvocation(string requestId, byte[] payload, DateTimeOffset deadline)
    {
        public string RequestId { get; } = requestId;

        public byte[] Payload { get; } = payload;

        public DateTimeOffset Deadline { get; } = deadline;

        public TaskCompletionSource<(bool IsError, byte[] Body)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
