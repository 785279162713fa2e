using System.Threading.Channels;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// The bounded queue between the endpoint and the dispatcher. Writing waits for room (back-pressure) up to a timeout
/// and never discards; completing it stops new writes while the dispatcher drains what was accepted.
/// </summary>
internal sealed class WebhookEventQueue : IWebhookInbox, IDisposable
{
    private readonly Channel<WebhookEvent> _channel;
    private readonly TimeProvider _time;

    public WebhookEventQueue(int capacity, TimeProvider time)
    {
        Capacity = capacity;
        _time = time;
        _channel = Channel.CreateBounded<WebhookEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        WebhookMetrics.Track(this);
    }

    public enum EnqueueResult
    {
        Accepted,
        TimedOut,
        Aborted,
        Closed,
    }

    public int Capacity { get; }

    /// <summary>Gets <see langword="false"/>: the endpoint claims deduplication keys itself before appending here.</summary>
    public bool DeduplicatesOnAppend => false;

    public int Count => _channel.Reader.Count;

    public ChannelReader<WebhookEvent> Reader => _channel.Reader;

    public async ValueTask<EnqueueResult> EnqueueAsync(WebhookEvent webhookEvent, TimeSpan timeout, CancellationToken requestAborted)
    {
        if (_channel.Writer.TryWrite(webhookEvent))
        {
            return EnqueueResult.Accepted;
        }

        var started = _time.GetTimestamp();
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, requestAborted);
        try
        {
            await _channel.Writer.WriteAsync(webhookEvent, linked.Token).ConfigureAwait(false);
            return EnqueueResult.Accepted;
        }
        catch (OperationCanceledException)
        {
            return requestAborted.IsCancellationRequested ? EnqueueResult.Aborted : EnqueueResult.TimedOut;
        }
        catch (ChannelClosedException)
        {
            return EnqueueResult.Closed;
        }
        finally
        {
            WebhookMetrics.EnqueueWait.Record(_time.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <inheritdoc />
    public async ValueTask<WebhookInboxResult> AppendAsync(WebhookInboxDelivery delivery, TimeSpan timeout, CancellationToken requestAborted) =>
        await EnqueueAsync(delivery.Event, timeout, requestAborted).ConfigureAwait(false) switch
        {
            EnqueueResult.Accepted => WebhookInboxResult.Accepted,
            EnqueueResult.Aborted => WebhookInboxResult.Aborted,
            EnqueueResult.Closed => WebhookInboxResult.Closed,
            _ => WebhookInboxResult.TimedOut,
        };

    public void Complete() => _channel.Writer.TryComplete();

    public void Dispose() => WebhookMetrics.Untrack(this);
}
