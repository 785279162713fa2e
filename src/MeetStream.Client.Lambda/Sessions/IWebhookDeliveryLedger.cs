namespace MeetStream.Client.Lambda;

/// <summary>
/// Remembers webhook deliveries so a repeated one is not processed twice. A delivery is claimed with a conditional
/// put, completed when its effects are written, and released when processing fails (so a retry can process it).
/// </summary>
public interface IWebhookDeliveryLedger
{
    /// <summary>Claims a delivery.</summary>
    /// <param name="deliveryKey">A stable key of the delivery (same body, same key).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this caller should process it.</returns>
    Task<DeliveryClaim> TryBeginAsync(string deliveryKey, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed delivery as processed.</summary>
    /// <param name="deliveryKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    Task CompleteAsync(string deliveryKey, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim after a failure so the same delivery can be processed again.</summary>
    /// <param name="deliveryKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when released.</returns>
    Task ReleaseAsync(string deliveryKey, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of <see cref="IWebhookDeliveryLedger.TryBeginAsync"/>.</summary>
public enum DeliveryClaim
{
    /// <summary>First time seen (or a previous attempt's claim expired): process it.</summary>
    Claimed,

    /// <summary>Already processed: skip it.</summary>
    AlreadyProcessed,

    /// <summary>Another invocation is processing it right now: skip it.</summary>
    InProgress,
}
