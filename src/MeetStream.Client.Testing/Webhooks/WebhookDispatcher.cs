using System.Net.Http.Headers;
using System.Threading.Channels;

namespace MeetStream.Client.Testing;

/// <summary>
/// Sends deliveries one at a time, in the order they were queued (best effort, no retries, as MeetStream), and records
/// each in the journal.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly HttpClient _http;
    private readonly SimulatorJournal _journal;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly Task _loop;
    private int _pending;

    public WebhookDispatcher(SimulatorJournal journal, TimeProvider time, TimeSpan timeout)
    {
        _journal = journal;
        _time = time;
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("MeetStream-Simulator/1.0");
        _loop = Task.Run(RunAsync);
    }

    public void Enqueue(WebhookDelivery delivery)
    {
        lock (_gate)
        {
            _pending++;
        }

        if (!_queue.Writer.TryWrite(delivery))
        {
            Completed();
        }
    }

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _http.Dispose();
        lock (_gate)
        {
            foreach (var waiter in _idleWaiters)
            {
                waiter.TrySetResult();
            }

            _idleWaiters.Clear();
        }
    }

    private async Task RunAsync()
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await SendAsync(delivery).ConfigureAwait(false);
            }
            finally
            {
                Completed();
            }
        }
    }

    private void Completed()
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            _pending--;
            if (_pending == 0)
            {
                done.AddRange(_idleWaiters);
                _idleWaiters.Clear();
            }
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult();
        }
    }

    private async Task SendAsync(WebhookDelivery delivery)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (delivery.SigningSecret is { } secret)
        {
            var signature = WebhookSignature.Compute(delivery.Body, secret);
            var timestamp = WebhookSignature.FormatTimestamp(_time.GetUtcNow());
            request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, signature);
            request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp);
            headers[WebhookSignature.SignatureHeader] = signature;
            headers[WebhookSignature.TimestampHeader] = timestamp;
        }

        int? status = null;
        string? error = null;
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException)
        {
            error = $"no answer within {_timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException ex)
        {
            error = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        }

        _journal.Add(new SimulatorWebhookRecord
        {
            Sequence = _journal.NextSequence(),
            Time = delivery.Time,
            Channel = delivery.Channel,
            Url = delivery.Url,
            BotId = delivery.BotId,
            Event = delivery.Event,
            BotEvent = delivery.BotEvent,
            Body = System.Text.Encoding.UTF8.GetString(delivery.Body),
            Headers = headers,
            StatusCode = status,
            Error = error,
            Duplicate = delivery.Duplicate,
        });
    }
}
