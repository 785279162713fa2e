using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using MeetStream.Client.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MeetStream.Client.Resilience;

/// <summary>
/// The one place the SDK's resilience pipeline is built, for both <c>AddMeetStreamClient</c> (through
/// <c>AddResilienceHandler</c>) and <c>new MeetStreamClient(options)</c> (through <see cref="MeetStreamResilienceHandler"/>):
/// total timeout → retry → attempt timeout → success-body buffering, over the primary handler from
/// <see cref="CreatePrimaryHandler"/>.
/// </summary>
internal static class MeetStreamResiliencePipeline
{
    /// <summary>Strategy name of the total timeout (<c>TimeoutRejectedException.TelemetrySource.StrategyName</c> names the one that fired).</summary>
    public const string TotalTimeoutName = "MeetStream.TotalTimeout";

    /// <summary>Strategy name of the retry.</summary>
    public const string RetryName = "MeetStream.Retry";

    /// <summary>Strategy name of the attempt timeout.</summary>
    public const string AttemptTimeoutName = "MeetStream.AttemptTimeout";

    /// <summary>The jitter added to a backoff delay is below this.</summary>
    internal static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(250);

    // Polly's timeout strategy accepts 10 ms to 24 h.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    /// <summary>The primary handler of every MeetStream HTTP stack: no redirects, decompression, pooled connections recycled for DNS changes.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>Creates the strategy options the SDK's policy needs for <paramref name="options"/>.</summary>
    public static MeetStreamResilienceOptions CreateOptions(MeetStreamClientOptions options, ILogger? logger)
    {
        var target = new MeetStreamResilienceOptions();
        ApplyDefaults(target, options, logger);
        return target;
    }

    /// <summary>Fills <paramref name="target"/> with the SDK's policy for <paramref name="options"/>.</summary>
    public static void ApplyDefaults(MeetStreamResilienceOptions target, MeetStreamClientOptions options, ILogger? logger)
    {
        var retry = options.Retry;
        target.MaxRetryAfter = retry.MaxRetryAfter;
        target.TotalTimeout = IsBounded(options.TotalTimeout) ? new HttpTimeoutStrategyOptions { Name = TotalTimeoutName, Timeout = Clamp(options.TotalTimeout) } : null;
        target.AttemptTimeout = IsBounded(options.AttemptTimeout) ? new HttpTimeoutStrategyOptions { Name = AttemptTimeoutName, Timeout = Clamp(options.AttemptTimeout) } : null;
        if (retry.MaxRetries <= 0)
        {
            target.Retry = null;
            return;
        }

        var policy = new SafeRetryPolicy(target, options.TimeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance);
        target.Retry = new HttpRetryStrategyOptions
        {
            Name = RetryName,
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            UseJitter = retry.UseJitter,
            ShouldRetryAfterHeader = false, // before DelayGenerator: this setter resets it
            ShouldHandle = policy.ShouldHandle,
            DelayGenerator = policy.GenerateDelay,
            OnRetry = policy.OnRetry,
        };
    }

    /// <summary>Adds the strategies of <paramref name="options"/> to <paramref name="builder"/>, outermost first.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddStrategies(ResiliencePipelineBuilder<HttpResponseMessage> builder, MeetStreamResilienceOptions options)
    {
        if (options.TotalTimeout is { } total)
        {
            builder.AddTimeout(total);
        }

        if (options.Retry is { MaxRetryAttempts: > 0 } retry)
        {
            builder.AddRetry(retry);
        }

        if (options.AttemptTimeout is { } attempt)
        {
            builder.AddTimeout(attempt);
        }

        // Innermost: read a successful body inside the attempt (covered by the attempt timeout; a truncated body is an
        // attempt failure the retry sees). Bodies of other statuses are left to the caller, unread.
        return builder.AddStrategy(static _ => new SuccessBodyBufferingStrategy());
    }

    /// <summary>Builds a stand-alone pipeline (no Polly telemetry) for <see cref="MeetStreamResilienceHandler"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(MeetStreamClientOptions options, ILogger? logger, Action<MeetStreamResilienceOptions>? configure = null)
    {
        var resilience = CreateOptions(options, logger);
        configure?.Invoke(resilience);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider ?? TimeProvider.System };
        return AddStrategies(builder, resilience).Build();
    }

    /// <summary>Whether a status is one the SDK retries (when the request is safe to repeat).</summary>
    internal static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    private static bool IsBounded(TimeSpan timeout) => timeout != Timeout.InfiniteTimeSpan && timeout < MaxTimeout;

    private static TimeSpan Clamp(TimeSpan timeout) => timeout < MinTimeout ? MinTimeout : timeout;

    /// <summary>
    /// The SDK's retry decisions, bound once per pipeline (no per-call closures): what to retry, how long to wait, what
    /// to log and count.
    /// </summary>
    private sealed class SafeRetryPolicy(MeetStreamResilienceOptions owner, TimeProvider time, ILogger logger)
    {
        public ValueTask<bool> ShouldHandle(RetryPredicateArguments<HttpResponseMessage> args)
        {
            var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
            var idempotent = request is not null && RequestPolicy.For(request).Idempotent;
            if (args.Outcome.Exception is { } exception)
            {
                if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
                {
                    return new(true); // the request never reached the server
                }

                return new(idempotent && exception is HttpRequestException or IOException or TimeoutRejectedException);
            }

            var response = args.Outcome.Result!;
            if (!idempotent || !IsRetryableStatus(response.StatusCode))
            {
                return new(false);
            }

            var retryAfter = RetryAfter.Parse(response, time.GetUtcNow());
            return new(retryAfter is null || retryAfter <= owner.MaxRetryAfter);
        }

        public ValueTask<TimeSpan?> GenerateDelay(RetryDelayGeneratorArguments<HttpResponseMessage> args)
        {
            if (args.Outcome.Result is { } response && RetryAfter.Parse(response, time.GetUtcNow()) is { } retryAfter)
            {
                return new(retryAfter);
            }

            var options = owner.Retry;
            if (options is null)
            {
                return new((TimeSpan?)null);
            }

            var baseMs = options.Delay.TotalMilliseconds;
            var backoff = options.BackoffType switch
            {
                DelayBackoffType.Constant => baseMs,
                DelayBackoffType.Linear => baseMs * (args.AttemptNumber + 1),
                _ => baseMs * Math.Pow(2, Math.Min(args.AttemptNumber, 20)),
            };
            if (options.MaxDelay is { } max)
            {
                backoff = Math.Min(backoff, max.TotalMilliseconds);
            }

            var delay = TimeSpan.FromMilliseconds(backoff);
            if (options.UseJitter)
            {
                delay += TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * MaxJitter.TotalMilliseconds);
            }

            return new(delay);
        }

        public ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
        {
            var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
            var policy = request is null ? null : RequestPolicy.For(request);
            var template = policy?.PathTemplate ?? "(unknown)";
            MeetStreamTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("url.template", policy?.PathTemplate));
            if (logger.IsEnabled(LogLevel.Information))
            {
                var outcome = args.Outcome.Exception is { } ex ? ex.GetType().Name : ((int)args.Outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture);
                ClientLog.Retrying(logger, policy?.Method ?? "HTTP", template, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, outcome);
            }

            return default;
        }
    }

    /// <summary>
    /// Buffers a 2xx body in place (<see cref="HttpContent.LoadIntoBufferAsync()"/>: one buffer, no copy into new
    /// content) inside the attempt, so a truncated body fails the attempt. Non-success bodies stay unread and unbuffered.
    /// </summary>
    private sealed class SuccessBodyBufferingStrategy : ResilienceStrategy<HttpResponseMessage>
    {
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
            ResilienceContext context,
            TState state)
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Result is not { IsSuccessStatusCode: true } response)
            {
                return outcome;
            }

            var cancellationToken = context.CancellationToken;
            try
            {
#if NET9_0_OR_GREATER
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
#else
                // net8.0 has no cancellable overload: a cancelled attempt disposes the response, which ends the read.
                using (cancellationToken.UnsafeRegister(static r => ((HttpResponseMessage)r!).Dispose(), response))
                {
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(context.ContinueOnCapturedContext);
                }

                cancellationToken.ThrowIfCancellationRequested();
#endif
                return outcome;
            }
            catch (Exception ex)
            {
                response.Dispose();
                if (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    ex = new OperationCanceledException(ex.Message, ex, cancellationToken);
                }

                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }
    }
}
