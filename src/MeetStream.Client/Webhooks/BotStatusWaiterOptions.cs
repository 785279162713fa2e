namespace MeetStream.Client.Webhooks;

/// <summary>Settings of <see cref="BotStatusWaiter"/>.</summary>
public sealed class BotStatusWaiterOptions
{
    /// <summary>
    /// Gets or sets how often <c>GET /bots/{bot_id}/status</c> is polled while waiting, in case a webhook is lost
    /// (MeetStream does not retry deliveries). Default 15 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the clock for polling and timeouts. Default system time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
