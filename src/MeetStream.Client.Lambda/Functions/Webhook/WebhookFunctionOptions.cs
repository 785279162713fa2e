namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="WebhookFunction"/>.</summary>
public sealed class WebhookFunctionOptions
{
    /// <summary>Gets or sets the most body bytes accepted (larger deliveries get 413). Default 1 MB, the core parser's limit.</summary>
    public int MaxBodyBytes { get; set; } = MeetStream.Client.Webhooks.WebhookParser.DefaultMaxBodyBytes;

    /// <summary>Gets or sets the clock for events without a timestamp; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
