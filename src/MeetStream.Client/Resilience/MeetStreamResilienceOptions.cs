using Microsoft.Extensions.Http.Resilience;

namespace MeetStream.Client.Resilience;

/// <summary>
/// The strategies of the MeetStream resilience pipeline, outermost first: <see cref="TotalTimeout"/>, <see cref="Retry"/>,
/// <see cref="AttemptTimeout"/>. The SDK fills them from <see cref="MeetStreamClientOptions"/> (timeouts and
/// <see cref="MeetStreamClientOptions.Retry"/>) before your changes run, so you adjust a working policy rather than
/// write one. Change them with <c>ConfigureMeetStreamResilience</c> on the builder <c>AddMeetStreamClient</c> returns,
/// bind them from configuration as named options (name <c>MeetStreamServiceCollectionExtensions.HttpClientName</c>),
/// or pass a configure action to <see cref="MeetStreamResilienceHandler"/>. See docs/errors-and-retries.md.
/// </summary>
/// <remarks>
/// The SDK's <see cref="Polly.Retry.RetryStrategyOptions{TResult}.ShouldHandle"/> never repeats a request that is not
/// safe to repeat (a POST or PATCH without an <c>Idempotency-Key</c>) once it may have reached the server. If you replace
/// it, call the SDK's predicate from yours to keep that guarantee.
/// </remarks>
public sealed class MeetStreamResilienceOptions
{
    /// <summary>
    /// Gets or sets the timeout over the whole call, retries and their delays included; <see langword="null"/> for none.
    /// Default from <see cref="MeetStreamClientOptions.TotalTimeout"/>.
    /// </summary>
    public HttpTimeoutStrategyOptions? TotalTimeout { get; set; }

    /// <summary>
    /// Gets or sets the retry strategy; <see langword="null"/> for no retries. Defaults: retry 408, 429, 500, 502, 503, 504
    /// and network errors for requests safe to repeat, <see cref="MeetStreamRetryOptions.MaxRetries"/> times, exponential
    /// backoff from <see cref="Polly.Retry.RetryStrategyOptions{TResult}.Delay"/> capped at
    /// <see cref="Polly.Retry.RetryStrategyOptions{TResult}.MaxDelay"/>, plus up to 0.25 s of jitter when
    /// <see cref="Polly.Retry.RetryStrategyOptions{TResult}.UseJitter"/> is set, and <c>Retry-After</c> honoured up to
    /// <see cref="MaxRetryAfter"/>. The SDK's <c>OnRetry</c> writes one log line and counts the retry metric; chain it
    /// if you replace it.
    /// </summary>
    public HttpRetryStrategyOptions? Retry { get; set; }

    /// <summary>
    /// Gets or sets the timeout of each attempt, the response headers and a successful body included; <see langword="null"/>
    /// for none. Default from <see cref="MeetStreamClientOptions.AttemptTimeout"/>.
    /// </summary>
    public HttpTimeoutStrategyOptions? AttemptTimeout { get; set; }

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the pipeline waits for by itself; a longer one is not retried and the
    /// caller gets <see cref="MeetStreamRateLimitException"/> (or the status's exception) at once. Default from
    /// <see cref="MeetStreamRetryOptions.MaxRetryAfter"/>.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string ToString() =>
        $"MeetStreamResilienceOptions {{ TotalTimeout = {TotalTimeout?.Timeout.ToString() ?? "none"}, MaxRetryAttempts = {(Retry is { } r ? r.MaxRetryAttempts : 0)}, AttemptTimeout = {AttemptTimeout?.Timeout.ToString() ?? "none"}, MaxRetryAfter = {MaxRetryAfter} }}";
}
