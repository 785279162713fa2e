namespace MeetStream.Client.Webhooks;

/// <summary>
/// Remembers which webhook events were already received, so a handler sees each event once even when MeetStream
/// delivers it twice. Keys are <see cref="WebhookEvent.DeduplicationKey"/>. The default,
/// <see cref="InMemoryWebhookDeduplicationStore"/>, covers one process; implement this over Redis (<c>SET NX EX</c>)
/// or a unique database index to share it between instances and survive restarts.
/// </summary>
public interface IWebhookDeduplicationStore
{
    /// <summary>Records a key if it is new. Must be atomic: of two concurrent calls with one key, exactly one gets <see langword="true"/>.</summary>
    /// <param name="key">The event's deduplication key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> for the first delivery (process it); <see langword="false"/> for a duplicate.</returns>
    ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets a key claimed by an event that could not be accepted after all (e.g. the queue stayed full), so a
    /// later delivery of the same event is processed.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is forgotten.</returns>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default);
}
