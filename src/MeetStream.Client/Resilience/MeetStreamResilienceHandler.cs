using System.Net;
using System.Net.Http.Headers;
using MeetStream.Client.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MeetStream.Client.Resilience;

/// <summary>
/// A <see cref="DelegatingHandler"/> that runs every MeetStream request through a Polly.Core pipeline: a total
/// timeout, retries with exponential backoff and jitter that honour <c>Retry-After</c>, and a per-attempt timeout.
/// Requests that are not safe to repeat are retried only when the connection could not be opened, so a POST is
/// never sent twice unless it carries an <c>Idempotency-Key</c>.
/// </summary>
public sealed class MeetStreamResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<RequestPolicy> PolicyKey = new("MeetStream.RequestPolicy");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly MeetStreamRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance from client options.</summary>
    /// <param name="options">The client options; timeouts, retry settings and the clock are read once.</param>
    /// <param name="logger">Receives one line per retry; optional.</param>
    public MeetStreamResilienceHandler(MeetStreamClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _retry = options.Retry.Clone();
        _time = options.TimeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _pipeline = BuildPipeline(options);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PolicyKey, RequestPolicy.For(request));
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Parses <c>Retry-After</c> (seconds or an HTTP date) relative to <paramref name="now"/>.</summary>
    internal static TimeSpan? GetRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            // Tolerate values HttpClient's parser refuses, such as fractional seconds.
            if (response.Headers.TryGetValues("Retry-After", out var raw)
                && double.TryParse(raw.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && seconds < int.MaxValue)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    internal static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // Read the body inside the attempt so a broken or truncated body is a retryable attempt failure,
            // and the attempt timeout covers it.
            var original = response.Content;
            var bytes = await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(bytes);
            foreach (var header in original.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(MeetStreamClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (IsBounded(options.TotalTimeout))
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total" });
        }

        if (_retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = _retry.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(PolicyKey, null!))),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(ComputeDelay(args.Outcome, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var policy = args.Context.Properties.GetValue(PolicyKey, null!);
                    var outcome = args.Outcome.Exception is { } ex ? ex.GetType().Name : ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    MeetStreamTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("url.template", policy?.PathTemplate));
                    ClientLog.Retrying(_logger, policy?.Method ?? "HTTP", policy?.PathTemplate ?? "(unknown)", args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, outcome);
                    return default;
                },
            });
        }

        if (IsBounded(options.AttemptTimeout))
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt" });
        }

        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, RequestPolicy? policy)
    {
        var idempotent = policy?.Idempotent ?? false;
        if (outcome.Exception is { } exception)
        {
            if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
            {
                return true; // the request never reached the server
            }

            return idempotent && exception is HttpRequestException or IOException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (!idempotent || !IsRetryableStatus(response.StatusCode))
        {
            return false;
        }

        var retryAfter = GetRetryAfter(response, _time.GetUtcNow());
        return retryAfter is null || retryAfter <= _retry.MaxRetryAfter;
    }

    private TimeSpan ComputeDelay(Outcome<HttpResponseMessage> outcome, int attempt)
    {
        if (outcome.Result is { } response && GetRetryAfter(response, _time.GetUtcNow()) is { } retryAfter)
        {
            return retryAfter;
        }

        var backoff = _retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var delay = TimeSpan.FromMilliseconds(Math.Min(backoff, _retry.MaxDelay.TotalMilliseconds));
        if (_retry.UseJitter)
        {
            delay += TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 250);
        }

        return delay;
    }

    private static bool IsBounded(TimeSpan timeout) => timeout != Timeout.InfiniteTimeSpan && timeout < TimeSpan.FromHours(24);
}
