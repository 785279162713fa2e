namespace MeetStream.Client;

/// <summary>
/// How the client retries transient failures (408, 429, 500, 502, 503, 504 and network errors). Requests that are
/// not safe to repeat are retried only when the connection could not be opened at all; see docs/errors-and-retries.md.
/// </summary>
public sealed class MeetStreamRetryOptions
{
    /// <summary>Gets or sets how many times a failed attempt is retried. Default 2, like the official SDKs; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Gets or sets the first backoff delay; it doubles on each retry. Default 0.5 seconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the largest backoff delay. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets whether up to 0.25 s of random jitter is added to backoff delays. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the client waits for by itself. A longer one ends the call with
    /// <see cref="MeetStreamRateLimitException"/> (or the status's exception) carrying the wait. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string ToString() => $"{{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, UseJitter = {UseJitter}, MaxRetryAfter = {MaxRetryAfter} }}";

    internal MeetStreamRetryOptions Clone() => (MeetStreamRetryOptions)MemberwiseClone();
}
