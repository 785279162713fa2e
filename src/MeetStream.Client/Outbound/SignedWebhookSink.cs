using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using MeetStream.Client.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetStream.Client.Outbound;

/// <summary>
/// POSTs JSON payloads to another system's incoming webhook (Slack, Jira, a CRM, your own service), signed with
/// HMAC-SHA256, from a bounded in-memory queue and one background sender: enqueueing never waits on the network.
/// </summary>
/// <remarks>
/// <para>
/// <b>Signature.</b> With a <see cref="SignedWebhookSinkOptions.Secret"/>, each attempt carries
/// <c>X-MeetStream-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 over "&lt;t&gt;.&lt;body&gt;"&gt;</c>; the
/// timestamp is signed too, so a receiver that checks it (<see cref="VerifySignature(ReadOnlySpan{byte}, string?, string, TimeSpan, TimeProvider?)"/>)
/// refuses a replayed request. Without a secret the requests are unsigned.
/// </para>
/// <para>
/// <b>Delivery.</b> Payloads are sent one at a time, in enqueue order. A 2xx answer is a delivery. Network errors,
/// timeouts (<see cref="SignedWebhookSinkOptions.Timeout"/>), 408, 429 and 5xx are retried up to
/// <see cref="SignedWebhookSinkOptions.MaxAttempts"/> times with exponential backoff and jitter, honouring
/// <c>Retry-After</c>; any other answer (other 4xx, 3xx: redirects are not followed) fails the payload at once. Every
/// wait runs on <see cref="SignedWebhookSinkOptions.TimeProvider"/>.
/// </para>
/// <para>
/// <b>Counters.</b> Each payload ends in exactly one of <see cref="Delivered"/>, <see cref="Failed"/> or
/// <see cref="Dropped"/> (queue full, enqueued after disposal, or abandoned when the drain bound of
/// <see cref="DisposeAsync"/> expired). The same numbers are published on the <c>MeetStream.Client</c> meter
/// (<c>meetstream.outbound.*</c>, tagged with the sink's name). Thread-safe.
/// </para>
/// </remarks>
public sealed class SignedWebhookSink : IAsyncDisposable
{
    /// <summary>How far a signature's timestamp may be from the receiver's clock unless told otherwise: 5 minutes.</summary>
    public static readonly TimeSpan DefaultSignatureTolerance = TimeSpan.FromMinutes(5);

    private const int MaxErrorDetailBytes = 512;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly SignedWebhookSinkOptions _options;
    private readonly Uri _endpoint;
    private readonly string _endpointForLogs;
    private readonly byte[]? _key;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<QueuedPayload> _queue;
    private readonly CancellationTokenSource _stopping;
    private readonly object _gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _flushWaiters = [];
    private readonly Task _sender;
    private long _accepted;
    private long _finished;
    private long _delivered;
    private long _failed;
    private long _dropped;
    private long _retries;
    private bool _dropping;
    private int _disposed;

    /// <summary>Creates the sink and starts its background sender.</summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="httpClient">
    /// The client to send with (not disposed by the sink), for example one from <c>IHttpClientFactory</c>; its own
    /// <see cref="HttpClient.Timeout"/> applies on top of <see cref="SignedWebhookSinkOptions.Timeout"/>.
    /// <see langword="null"/>: the sink creates and owns one that does not follow redirects.
    /// </param>
    /// <param name="logger">Where delivery problems are logged; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public SignedWebhookSink(SignedWebhookSinkOptions options, HttpClient? httpClient = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options.Clone();
        _endpoint = _options.Endpoint!;
        _endpointForLogs = SignedWebhookSinkOptions.DescribeEndpoint(_endpoint);
        _key = _options.Secret is null ? null : OutboundSignature.Key(_options.Secret);
        _time = _options.TimeProvider;
        _logger = logger ?? NullLogger.Instance;
        if (httpClient is null)
        {
            _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // attempts are bounded by Options.Timeout on the TimeProvider
            };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }

        _queue = Channel.CreateBounded<QueuedPayload>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _stopping = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, _time);
        OutboundMetrics.Track(this);
        _sender = Task.Run(RunAsync);
    }

    /// <summary>Gets the sink's name, from <see cref="SignedWebhookSinkOptions.Name"/>.</summary>
    public string Name => _options.Name;

    /// <summary>Gets how many payloads the endpoint accepted (2xx).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Gets how many payloads were given up: refused (4xx other than 408/429, 3xx), or still failing after every attempt.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Gets how many payloads were never sent to the end: queue full, enqueued after disposal, or abandoned by the drain bound.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets how many attempts were retries (not counting each payload's first attempt).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Gets how many payloads wait in the queue (not counting the one being sent).</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>
    /// Computes the signature header value the sink sends: <c>t=&lt;unix seconds&gt;,v1=&lt;lowercase hex
    /// HMAC-SHA256 over the ASCII timestamp, a dot and the body bytes&gt;</c>, keyed with the secret's UTF-8 bytes.
    /// For receivers' tests and for other senders of the same format.
    /// </summary>
    /// <param name="body">The exact request body bytes.</param>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The signing time (whole seconds are used).</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static string ComputeSignature(ReadOnlySpan<byte> body, string secret, DateTimeOffset timestamp)
    {
        RequireSecret(secret);
        return OutboundSignature.Format(OutboundSignature.Key(secret), body, timestamp.ToUnixTimeSeconds());
    }

    /// <summary>
    /// Checks a received signature header against the raw body (as received, before any parsing), with the default
    /// tolerance of 5 minutes on the system clock. Constant-time comparison.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="header">The <c>X-MeetStream-Signature</c> header value, or <see langword="null"/> when absent.</param>
    /// <param name="secret">The shared secret.</param>
    /// <returns><see langword="true"/> when the header is well formed, its timestamp is within 5 minutes of now and a <c>v1</c> digest matches.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static bool VerifySignature(ReadOnlySpan<byte> body, string? header, string secret) =>
        VerifySignature(body, header, secret, DefaultSignatureTolerance, TimeProvider.System);

    /// <summary>
    /// Checks a received signature header against the raw body (as received, before any parsing). Refuses a missing
    /// or malformed header, a timestamp further than <paramref name="tolerance"/> from now (in either direction: a
    /// replayed request), and a body or timestamp changed after signing. Several <c>v1=</c> digests are allowed (any
    /// may match); unknown schemes are ignored. Constant-time comparison.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="header">The signature header value, or <see langword="null"/> when absent.</param>
    /// <param name="secret">The shared secret.</param>
    /// <param name="tolerance">How far the signed timestamp may be from now (not negative).</param>
    /// <param name="timeProvider">The receiver's clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <returns>Whether the request is authentic and fresh.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    public static bool VerifySignature(ReadOnlySpan<byte> body, string? header, string secret, TimeSpan tolerance, TimeProvider? timeProvider = null)
    {
        RequireSecret(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        return OutboundSignature.Verify(OutboundSignature.Key(secret), body, header, tolerance, now);
    }

    /// <summary>
    /// Queues a JSON body as is (copied; the caller may reuse its buffer). Never waits: returns
    /// <see langword="false"/> and counts the payload in <see cref="Dropped"/> when the queue is full or the sink is disposed.
    /// </summary>
    /// <param name="jsonBody">The UTF-8 JSON body, sent with <c>Content-Type: application/json</c>.</param>
    /// <returns>Whether the payload was queued.</returns>
    /// <exception cref="ArgumentException"><paramref name="jsonBody"/> is empty.</exception>
    public bool TryEnqueue(ReadOnlyMemory<byte> jsonBody)
    {
        if (jsonBody.IsEmpty)
        {
            throw new ArgumentException("The JSON body must not be empty.", nameof(jsonBody));
        }

        return TryWrite(jsonBody.ToArray());
    }

    /// <summary>
    /// Serializes a payload with its source-generated JSON metadata and queues it. Never waits: returns
    /// <see langword="false"/> and counts the payload in <see cref="Dropped"/> when the queue is full or the sink is disposed.
    /// </summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="payload">The payload.</param>
    /// <param name="typeInfo">Its JSON metadata, for example <c>MyJsonContext.Default.MyPayload</c>.</param>
    /// <returns>Whether the payload was queued.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public bool TryEnqueue<T>(T payload, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return TryWrite(JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo));
    }

    /// <summary>Serializes a payload and queues it, waiting for room when the queue is full.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="payload">The payload.</param>
    /// <param name="typeInfo">Its JSON metadata.</param>
    /// <param name="cancellationToken">Stops waiting for room (the payload is then not queued).</param>
    /// <returns>A task that completes once the payload is queued (not sent: see <see cref="FlushAsync"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The sink is disposed, or was disposed while waiting.</exception>
    public ValueTask EnqueueAsync<T>(T payload, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return WriteAsync(JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo), cancellationToken);
    }

    /// <summary>Queues a JSON body as is (copied), waiting for room when the queue is full.</summary>
    /// <param name="jsonBody">The UTF-8 JSON body.</param>
    /// <param name="cancellationToken">Stops waiting for room (the payload is then not queued).</param>
    /// <returns>A task that completes once the payload is queued.</returns>
    /// <exception cref="ArgumentException"><paramref name="jsonBody"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The sink is disposed, or was disposed while waiting.</exception>
    public ValueTask EnqueueAsync(ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken = default)
    {
        if (jsonBody.IsEmpty)
        {
            throw new ArgumentException("The JSON body must not be empty.", nameof(jsonBody));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return WriteAsync(jsonBody.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Waits until every payload queued before this call has its final outcome (delivered, failed or dropped),
    /// retries included. Payloads queued meanwhile are not waited for.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the payloads keep being sent).</param>
    /// <returns>A task that completes when those payloads are done.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_finished >= _accepted)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushWaiters.Add((_accepted, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stops accepting payloads and keeps sending what is queued for at most
    /// <see cref="SignedWebhookSinkOptions.DrainTimeout"/>; what is left then is abandoned and counted in
    /// <see cref="Dropped"/>. Safe to call more than once.
    /// </summary>
    /// <returns>A task that completes when the sender has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _sender.ConfigureAwait(false);
            return;
        }

        _queue.Writer.TryComplete();
        if (_options.DrainTimeout == TimeSpan.Zero)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        else
        {
            _stopping.CancelAfter(_options.DrainTimeout);
        }

        await _sender.ConfigureAwait(false);
        OutboundMetrics.Untrack(this);
        _stopping.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Describes the sink without its secret, path or query.</summary>
    /// <returns>A one-line description with the counters.</returns>
    public override string ToString() =>
        $"SignedWebhookSink {Name} → {_endpointForLogs} ({(_key is null ? "unsigned" : "signed")}): queued {QueueLength}, delivered {Delivered}, failed {Failed}, dropped {Dropped}, retries {Retries}";

    private static void RequireSecret(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("The signing secret must not be null, empty or white space.", nameof(secret));
        }
    }

    private bool TryWrite(byte[] body)
    {
        var item = new QueuedPayload(body, _time.GetTimestamp());
        lock (_gate)
        {
            if (Volatile.Read(ref _disposed) == 0 && _queue.Writer.TryWrite(item))
            {
                _accepted++;
                _dropping = false;
                return true;
            }
        }

        Interlocked.Increment(ref _dropped);
        OutboundMetrics.Outcome(Name, "dropped");
        if (Volatile.Read(ref _disposed) != 0)
        {
            OutboundLog.EnqueuedAfterDisposal(_logger, Name);
        }
        else
        {
            bool first;
            lock (_gate)
            {
                first = !_dropping;
                _dropping = true;
            }

            if (first)
            {
                OutboundLog.QueueFull(_logger, Name, _options.QueueCapacity); // once per episode, not once per payload
            }
        }

        return false;
    }

    private async ValueTask WriteAsync(byte[] body, CancellationToken cancellationToken)
    {
        var item = new QueuedPayload(body, _time.GetTimestamp());
        while (true)
        {
            lock (_gate)
            {
                if (_queue.Writer.TryWrite(item))
                {
                    _accepted++;
                    return;
                }
            }

            if (!await _queue.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new ObjectDisposedException(nameof(SignedWebhookSink), "The sink was disposed while waiting for queue room; the payload was not queued.");
            }
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var stopping = _stopping.Token;
        long abandoned = 0;
        try
        {
            while (await reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    bool delivered;
                    try
                    {
                        delivered = await DeliverAsync(item.Body, stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                    {
                        Abandon(item);
                        abandoned++;
                        throw;
                    }

                    Count(delivered ? "delivered" : "failed", item);
                    Finish(1);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The drain bound expired: what is still queued is abandoned below.
        }

        while (reader.TryRead(out var item))
        {
            Abandon(item);
            abandoned++;
        }

        if (abandoned > 0)
        {
            OutboundLog.DrainAbandoned(_logger, Name, abandoned, _options.DrainTimeout);
            Finish(abandoned);
        }
    }

    private void Abandon(QueuedPayload item)
    {
        Interlocked.Increment(ref _dropped);
        OutboundMetrics.Outcome(Name, "dropped");
        OutboundMetrics.Duration(Name, "dropped", _time.GetElapsedTime(item.EnqueuedAt));
    }

    private void Count(string outcome, QueuedPayload item)
    {
        if (outcome == "delivered")
        {
            Interlocked.Increment(ref _delivered);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }

        OutboundMetrics.Outcome(Name, outcome);
        OutboundMetrics.Duration(Name, outcome, _time.GetElapsedTime(item.EnqueuedAt));
    }

    private void Finish(long count)
    {
        lock (_gate)
        {
            _finished += count;
            for (var i = _flushWaiters.Count - 1; i >= 0; i--)
            {
                if (_flushWaiters[i].Target <= _finished)
                {
                    _flushWaiters[i].Done.TrySetResult();
                    _flushWaiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Sends one payload until it is delivered, refused or out of attempts.</summary>
    /// <returns>Whether it was delivered.</returns>
    private async Task<bool> DeliverAsync(byte[] body, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(body, stopping).ConfigureAwait(false);
            if (result.Delivered)
            {
                OutboundLog.Delivered(_logger, Name, _endpointForLogs, result.StatusCode, attempt);
                return true;
            }

            if (!result.Retryable)
            {
                OutboundLog.Rejected(_logger, Name, _endpointForLogs, result.Outcome, result.Detail);
                return false;
            }

            if (attempt >= _options.MaxAttempts)
            {
                OutboundLog.GaveUp(_logger, Name, _endpointForLogs, attempt, result.Outcome);
                return false;
            }

            TimeSpan delay;
            if (result.RetryAfter is { } retryAfter)
            {
                if (retryAfter > _options.MaxRetryAfter)
                {
                    OutboundLog.RetryAfterTooLong(_logger, Name, _endpointForLogs, retryAfter, _options.MaxRetryAfter);
                    return false;
                }

                delay = retryAfter;
            }
            else
            {
                delay = Backoff(attempt);
            }

            OutboundLog.Retrying(_logger, Name, attempt, _endpointForLogs, result.Outcome, delay.TotalMilliseconds);
            Interlocked.Increment(ref _retries);
            OutboundMetrics.Retry(Name);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: doubling from InitialBackoff, capped at MaxBackoff, minus up to 20% jitter.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ticks = (double)_options.InitialBackoff.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        ticks = Math.Min(ticks, _options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (1 - (0.2 * Random.Shared.NextDouble()))));
    }

    private async Task<AttemptResult> SendOnceAsync(byte[] body, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonContentType;
        if (_key is not null)
        {
            request.Headers.TryAddWithoutValidation(_options.SignatureHeader, OutboundSignature.Format(_key, body, _time.GetUtcNow().ToUnixTimeSeconds()));
        }

        using var attemptTimeout = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, _time);
        attemptTimeout.CancelAfter(_options.Timeout); // armed, not created, with the delay: a test clock's auto-advance skips only waits
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, attemptTimeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new AttemptResult(true, false, status, null, null, string.Empty, string.Empty);
            }

            var retryable = status is 408 or 429 or >= 500;
            var outcome = status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + response.ReasonPhrase;
            if (retryable)
            {
                return new AttemptResult(false, true, status, response.ReasonPhrase, RetryAfter.Parse(response, _time.GetUtcNow()), outcome, string.Empty);
            }

            var detail = status is >= 300 and < 400
                ? "redirects are not followed; set Endpoint to the final URL"
                : await ReadDetailAsync(response, linked.Token).ConfigureAwait(false);
            return new AttemptResult(false, false, status, response.ReasonPhrase, null, outcome, detail);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return AttemptResult.Error("timeout after " + (attemptTimeout.IsCancellationRequested ? _options.Timeout.ToString() : "the HttpClient's Timeout"));
        }
        catch (HttpRequestException ex)
        {
            return AttemptResult.Error("network error: " + ex.Message);
        }
        catch (IOException ex)
        {
            return AttemptResult.Error("network error: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not a network problem (a handler of a caller-supplied HttpClient threw): retrying would repeat it.
            return new AttemptResult(false, false, 0, null, null, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>The start of an error body (at most 512 bytes, control characters removed), for the log line.</summary>
    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxErrorDetailBytes];
                var read = 0;
                int n;
                while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    read += n;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, read);
                return read == 0 ? "(empty body)" : new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            return "(body unreadable)";
        }
    }

    /// <summary>A queued body and when it was queued (a <see cref="TimeProvider"/> timestamp).</summary>
    private readonly record struct QueuedPayload(byte[] Body, long EnqueuedAt);

    /// <summary>What one attempt gave.</summary>
    private readonly record struct AttemptResult(bool Delivered, bool Retryable, int StatusCode, string? Reason, TimeSpan? RetryAfter, string Outcome, string Detail)
    {
        public static AttemptResult Error(string outcome) => new(false, true, 0, null, null, outcome, string.Empty);
    }
}
