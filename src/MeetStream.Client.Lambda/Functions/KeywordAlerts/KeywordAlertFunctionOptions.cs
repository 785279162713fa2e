using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="KeywordAlertFunction"/>.</summary>
public sealed class KeywordAlertFunctionOptions
{
    /// <summary>Gets or sets the most body bytes accepted (larger deliveries get 413). Default 1 MB, the core parser's limit.</summary>
    public int MaxBodyBytes { get; set; } = MeetStream.Client.Webhooks.WebhookParser.DefaultMaxBodyBytes;

    /// <summary>
    /// Gets or sets how many unsent hits are kept for the next invocation while the queue fails (the oldest are dropped
    /// beyond it, and counted in <see cref="KeywordAlertFunction.Dropped"/>). Default 1,000.
    /// </summary>
    public int MaxPendingAlerts { get; set; } = 1_000;

    /// <summary>Gets or sets where failures are logged; default one line each on standard error (CloudWatch).</summary>
    public ILogger? Logger { get; set; }
}
