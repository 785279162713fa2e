using System.Diagnostics;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Reads accepted events from the queue, one at a time in arrival order, and runs their handlers in a fresh DI
/// scope. A failing handler is logged with the event and does not affect the others. On shutdown the queue is closed
/// to new deliveries and drained; handlers are cancelled only if the host's shutdown timeout passes first.
/// </summary>
internal sealed partial class WebhookDispatcher : IHostedService, IDisposable
{
    private readonly WebhookEventQueue _queue;
    private readonly WebhookHandlerInvoker _invoker;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private Task? _loop;

    public WebhookDispatcher(WebhookEventQueue queue, WebhookHandlerInvoker invoker, IServiceScopeFactory scopes, ILogger<WebhookDispatcher> logger)
    {
        _queue = queue;
        _invoker = invoker;
        _scopes = scopes;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        if (_loop is null)
        {
            return;
        }

        if (_queue.Count > 0)
        {
            WebhookLog.Draining(_logger, _queue.Count);
        }

        using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort))
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
            }
        }

        if (_queue.Count > 0)
        {
            WebhookLog.DrainAborted(_logger, _queue.Count);
        }
    }

    public void Dispose()
    {
        _abort.Cancel();
        _abort.Dispose();
    }

    private async Task RunAsync(CancellationToken abort)
    {
        while (await _queue.Reader.WaitToReadAsync(abort).ConfigureAwait(false))
        {
            while (!abort.IsCancellationRequested && _queue.Reader.TryRead(out var webhookEvent))
            {
                await DispatchAsync(webhookEvent, abort).ConfigureAwait(false);
            }
        }
    }

    private async Task DispatchAsync(WebhookEvent webhookEvent, CancellationToken abort)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            List<WebhookHandlerInvoker.HandlerCall> handlers;
            try
            {
                handlers = _invoker.GetHandlers(webhookEvent, scope.ServiceProvider);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WebhookLog.HandlerFailed(_logger, ex, "(resolving handlers)", webhookEvent.Describe());
                Record(webhookEvent, started, failed: true);
                return;
            }

            if (handlers.Count == 0)
            {
                WebhookLog.NoHandler(_logger, webhookEvent.Describe());
            }

            foreach (var handler in handlers)
            {
                try
                {
                    await handler.Invoke(webhookEvent, abort).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failed = true;
                    WebhookLog.HandlerFailed(_logger, ex, handler.Name, webhookEvent.Describe());
                }
            }
        }

        Record(webhookEvent, started, failed);
    }

    private static void Record(WebhookEvent webhookEvent, long started, bool failed)
    {
        var type = new KeyValuePair<string, object?>("event.type", webhookEvent.GetType().Name);
        var outcome = new KeyValuePair<string, object?>("outcome", failed ? "failure" : "success");
        WebhookMetrics.Dispatches.Add(1, type, outcome);
        WebhookMetrics.DispatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, type, outcome);
    }
}
