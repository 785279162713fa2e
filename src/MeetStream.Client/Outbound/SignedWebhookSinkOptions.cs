namespace MeetStream.Client.Outbound;

/// <summary>
/// Settings of a <see cref="SignedWebhookSink"/>: where to POST, the HMAC secret, the queue, retries and timeouts.
/// The sink copies them when it is built; changing this instance afterwards has no effect on it.
/// <see cref="ToString"/> never shows <see cref="Secret"/> nor the endpoint's path or query (an incoming-webhook URL
/// such as Slack's carries its own secret in the path).
/// </summary>
public sealed class SignedWebhookSinkOptions
{
    /// <summary>The header the signature is sent in unless <see cref="SignatureHeader"/> says otherwise.</summary>
    public const string DefaultSignatureHeader = "X-MeetStream-Signature";

    /// <summary>Gets or sets the absolute <c>http</c> or <c>https</c> URL every payload is POSTed to. Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Gets or sets the HMAC-SHA256 key the body is signed with (see <see cref="SignedWebhookSink.ComputeSignature"/>).
    /// <see langword="null"/> sends unsigned requests, for receivers that authenticate by URL alone (Slack, Teams
    /// incoming webhooks). Never logged nor shown by <see cref="ToString"/>.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Gets or sets the request header carrying the signature. Default <c>X-MeetStream-Signature</c>.</summary>
    public string SignatureHeader { get; set; } = DefaultSignatureHeader;

    /// <summary>
    /// Gets or sets how many payloads may wait to be sent (at least 1). Default 1000. When the queue is full,
    /// <see cref="SignedWebhookSink.TryEnqueue(ReadOnlyMemory{byte})"/> returns <see langword="false"/> and counts the
    /// payload as dropped, and <see cref="SignedWebhookSink.EnqueueAsync{T}"/> waits for room.
    /// </summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Gets or sets how many times one payload is sent at most, the first attempt included (1 to 100). Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the wait before the first retry; each next retry waits twice as long, with jitter. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two attempts computed from <see cref="InitialBackoff"/>. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the sink honours. A receiver asking to wait longer fails the
    /// payload (counted in <see cref="SignedWebhookSink.Failed"/>) instead of holding every payload queued behind it.
    /// Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the time one attempt may take, answer included, before it counts as a timeout and is retried. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long <see cref="SignedWebhookSink.DisposeAsync"/> keeps sending what is queued. Payloads still
    /// queued or in flight when it expires are abandoned and counted in <see cref="SignedWebhookSink.Dropped"/>.
    /// Default 10 s.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the name used in logs and in the <c>sink</c> tag of the metrics. Default <c>default</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>Gets or sets the clock for timestamps, backoff delays, timeouts and the drain bound. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the settings without the secret and without the endpoint's path and query.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"SignedWebhookSinkOptions {{ Name = {Name}, Endpoint = {DescribeEndpoint(Endpoint)}, Secret = {(string.IsNullOrEmpty(Secret) ? "(not set: unsigned)" : "***")}, SignatureHeader = {SignatureHeader}, QueueCapacity = {QueueCapacity}, MaxAttempts = {MaxAttempts}, InitialBackoff = {InitialBackoff}, MaxBackoff = {MaxBackoff}, MaxRetryAfter = {MaxRetryAfter}, Timeout = {Timeout}, DrainTimeout = {DrainTimeout} }}";

    /// <summary>A copy, so later changes to this instance do not reach a running sink.</summary>
    internal SignedWebhookSinkOptions Clone() => (SignedWebhookSinkOptions)MemberwiseClone();

    /// <summary>Lists what is wrong with the settings, each message naming the setting; empty when they are usable.</summary>
    internal List<string> GetErrors()
    {
        var errors = new List<string>();
        if (Endpoint is null)
        {
            errors.Add("SignedWebhookSinkOptions.Endpoint is required: the absolute http(s) URL to POST to.");
        }
        else if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"SignedWebhookSinkOptions.Endpoint must be an absolute http or https URL; got {(Endpoint.IsAbsoluteUri ? "scheme '" + Endpoint.Scheme + "'" : "a relative URL")}.");
        }

        if (Secret is not null && string.IsNullOrWhiteSpace(Secret))
        {
            errors.Add("SignedWebhookSinkOptions.Secret must not be empty or white space; set it to null to send unsigned requests.");
        }

        if (string.IsNullOrWhiteSpace(SignatureHeader) || !SignatureHeader.All(IsTokenChar))
        {
            errors.Add("SignedWebhookSinkOptions.SignatureHeader must be a valid HTTP header name such as X-MeetStream-Signature.");
        }

        if (QueueCapacity < 1)
        {
            errors.Add($"SignedWebhookSinkOptions.QueueCapacity must be at least 1; got {QueueCapacity}.");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add($"SignedWebhookSinkOptions.MaxAttempts must be between 1 and 100; got {MaxAttempts}.");
        }

        CheckNotNegative(errors, InitialBackoff, nameof(InitialBackoff));
        CheckNotNegative(errors, MaxBackoff, nameof(MaxBackoff));
        CheckNotNegative(errors, MaxRetryAfter, nameof(MaxRetryAfter));
        CheckNotNegative(errors, DrainTimeout, nameof(DrainTimeout));
        if (InitialBackoff > MaxBackoff)
        {
            errors.Add($"SignedWebhookSinkOptions.InitialBackoff ({InitialBackoff}) must not exceed MaxBackoff ({MaxBackoff}).");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"SignedWebhookSinkOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan); got {Timeout}.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("SignedWebhookSinkOptions.Name must not be empty.");
        }

        if (TimeProvider is null)
        {
            errors.Add("SignedWebhookSinkOptions.TimeProvider must not be null; use TimeProvider.System.");
        }

        return errors;
    }

    /// <summary>The endpoint as logs and <see cref="ToString"/> show it: scheme, host and port only.</summary>
    internal static string DescribeEndpoint(Uri? endpoint) =>
        endpoint is null ? "(not set)" : endpoint.IsAbsoluteUri ? endpoint.Scheme + "://" + endpoint.Authority + "/…" : "(relative URL)";

    private static void CheckNotNegative(List<string> errors, TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"SignedWebhookSinkOptions.{name} must not be negative; got {value}.");
        }
    }

    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
