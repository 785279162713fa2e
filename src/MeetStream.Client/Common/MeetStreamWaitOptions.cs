namespace MeetStream.Client;

/// <summary>
/// Bounds for the <c>WaitFor…Async</c> helpers that poll while MeetStream answers 202 (not ready).
/// </summary>
public sealed class MeetStreamWaitOptions
{
    /// <summary>Gets or sets how long to wait in total before giving up with <see cref="MeetStreamTimeoutException"/>. Default 10 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the pause between polls. Default 5 seconds, like the official SDKs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The wait timeout must be positive.");
        }

        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "The polling interval must be positive.");
        }
    }
}
