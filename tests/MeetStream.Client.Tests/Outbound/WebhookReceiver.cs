using System.Collections.Concurrent;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Tests.Outbound;

/// <summary>
/// Another system's incoming webhook on real Kestrel (127.0.0.1, free port): records every POST (body and headers)
/// and answers from a script (status, optional Retry-After, body), 200 once the script is used up. A test can hold
/// answers (<see cref="Hold"/>) to keep the sink's sender busy.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Answer> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private volatile TaskCompletionSource? _hold;
    private int _attempts;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Gets the base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Gets how many requests arrived (counted when they arrive, before any hold).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Gets the requests received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        LoopbackKestrel.Listen(builder);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver.BaseUri = LoopbackKestrel.Address(app);
        return receiver;
    }

    /// <summary>Queues the next answers.</summary>
    public void Script(params Answer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>From now on, requests wait (after being counted) until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held and later requests through.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Path + context.Request.QueryString,
            buffer.ToArray(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        Interlocked.Increment(ref _attempts);
        if (_hold is { } hold)
        {
            await hold.Task.WaitAsync(context.RequestAborted);
        }

        var answer = _script.TryDequeue(out var next) ? next : new Answer(200);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (answer.Body is { } body)
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>One scripted answer.</summary>
    public sealed record Answer(int Status, string? RetryAfter = null, string? Body = null);

    /// <summary>One request as the receiver saw it.</summary>
    public sealed record ReceivedRequest(string PathAndQuery, byte[] Body, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
