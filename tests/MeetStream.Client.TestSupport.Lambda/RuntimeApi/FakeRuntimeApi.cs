using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// An in-process Lambda Runtime API (2018-06-01) on Kestrel, loopback, free port: tests queue events, the host under
/// test (in-process or a published binary) polls <c>/next</c>, and every <c>/response</c>, <c>/error</c> and
/// <c>/init/error</c> is recorded with its headers.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeInvocation> _queue = Channel.CreateUnbounded<FakeInvocation>();
    private readonly ConcurrentDictionary<string, FakeInvocation> _sent = new();
    private readonly TaskCompletionSource<FakeOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextCalls;

    private FakeRuntimeApi(WebApplication app) => _app = app;

    /// <summary>Gets the <c>host:port</c> to put in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Gets how many <c>/next</c> requests arrived.</summary>
    public int NextCalls => Volatile.Read(ref _nextCalls);

    /// <summary>Gets or sets a status to answer <c>/next</c> with instead of an event (e.g. 500 to make the runtime exit).</summary>
    public int? NextStatus { get; set; }

    /// <summary>Gets or sets the clock that stamps <c>Lambda-Runtime-Deadline-Ms</c>; default the system clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Gets the init error, when the runtime reports one.</summary>
    public Task<FakeOutcome> InitError => _initError.Task;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackKestrel.Listen(builder);
        var app = builder.Build();
        var fake = new FakeRuntimeApi(app);
        app.MapGet("/2018-06-01/runtime/invocation/next", fake.NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (HttpContext c, string id) => fake.CompleteAsync(c, id, isError: false));
        app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (HttpContext c, string id) => fake.CompleteAsync(c, id, isError: true));
        app.MapPost("/2018-06-01/runtime/init/error", fake.InitErrorAsync);
        await app.StartAsync();
        fake.Address = LoopbackKestrel.Address(app).Authority;
        return fake;
    }

    /// <summary>Queues an event.</summary>
    /// <param name="payload">The event body (string or bytes or JsonNode).</param>
    /// <param name="timeout">Time until the deadline header, from <see cref="Clock"/>; default 30 s.</param>
    /// <param name="traceId">The trace header; default a fixed X-Ray value.</param>
    /// <param name="responseStatus">Status to answer the runtime's /response (e.g. 413).</param>
    public FakeInvocation Enqueue(object payload, TimeSpan? timeout = null, string? traceId = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", int responseStatus = 202)
    {
        var bytes = payload switch
        {
            byte[] b => b,
            string s => Encoding.UTF8.GetBytes(s),
            JsonNode n => Encoding.UTF8.GetBytes(n.ToJsonString()),
            _ => throw new ArgumentException("payload must be bytes, a string or a JsonNode", nameof(payload)),
        };
        var invocation = new FakeInvocation(Guid.NewGuid().ToString(), bytes, Clock.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(30)), traceId, responseStatus);
        _queue.Writer.TryWrite(invocation);
        return invocation;
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
        Interlocked.Increment(ref _nextCalls);

        if (NextStatus is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("{\"errorMessage\":\"fake runtime says exit\"}");
            return;
        }

        FakeInvocation invocation;
        try
        {
            invocation = await _queue.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return;
        }

        _sent[invocation.RequestId] = invocation;
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:meetstream-test:live";
        if (invocation.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.Payload);
    }

    private async Task CompleteAsync(HttpContext context, string id, bool isError)
    {
        var body = await ReadAsync(context.Request);
        if (!_sent.TryGetValue(id, out var invocation))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("{\"errorMessage\":\"unknown request id\"}");
            return;
        }

        if (!isError && invocation.ResponseStatus != 202)
        {
            context.Response.StatusCode = invocation.ResponseStatus;
            await context.Response.WriteAsync("{\"errorMessage\":\"rejected by the fake\"}");
            return;
        }

        context.Response.StatusCode = 202;
        await context.Response.WriteAsync("{\"status\":\"OK\"}");
        invocation.Complete(new FakeOutcome(isError, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString(), context.Request.ContentType));
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await ReadAsync(context.Request);
        context.Response.StatusCode = 202;
        await context.Response.WriteAsync("{\"status\":\"OK\"}");
        _initError.TrySetResult(new FakeOutcome(true, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString(), context.Request.ContentType));
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

/// <summary>One queued event and, once the runtime answers, its outcome.</summary>
public sealed class FakeInvocation(string requestId, byte[] payload, DateTimeOffset deadline, string? traceId, int responseStatus)
{
    private readonly TaskCompletionSource<FakeOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public byte[] Payload { get; } = payload;

    public DateTimeOffset Deadline { get; } = deadline;

    public string? TraceId { get; } = traceId;

    public int ResponseStatus { get; } = responseStatus;

    /// <summary>Gets the runtime's answer; fails the test after 30 s without one.</summary>
    public Task<FakeOutcome> Outcome => _outcome.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Gets whether the runtime answered yet.</summary>
    public bool IsCompleted => _outcome.Task.IsCompleted;

    internal void Complete(FakeOutcome outcome) => _outcome.TrySetResult(outcome);
}

/// <summary>What the runtime posted for one invocation (or for init).</summary>
/// <param name="IsError">Whether it was /error (or /init/error) rather than /response.</param>
/// <param name="Body">The posted body.</param>
/// <param name="ErrorTypeHeader">The <c>Lambda-Runtime-Function-Error-Type</c> header.</param>
/// <param name="ContentType">The posted content type.</param>
public sealed record FakeOutcome(bool IsError, byte[] Body, string ErrorTypeHeader, string? ContentType)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
