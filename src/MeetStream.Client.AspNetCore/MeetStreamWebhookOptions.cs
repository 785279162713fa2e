using System.Globalization;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Settings of the MeetStream webhook endpoint: how deliveries are authenticated (inherited from
/// <see cref="WebhookValidatorOptions"/>), the body size limit, deduplication, and the queue between the endpoint and
/// your handlers. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class MeetStreamWebhookOptions : WebhookValidatorOptions
{
    /// <summary>Gets or sets the largest body accepted, in bytes; larger deliveries get 413. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = WebhookParser.DefaultMaxBodyBytes;

    /// <summary>
    /// Gets or sets how many accepted events may wait for your handlers. When it is full, the endpoint holds the
    /// delivery (back-pressure) for up to <see cref="EnqueueTimeout"/> instead of dropping anything. Default 1,024.
    /// </summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// Gets or sets how long a delivery waits for room in a full queue before it is refused with 503. MeetStream does
    /// not retry, so a refused event is lost unless you reconcile through the REST API; size the queue and handlers
    /// so this does not happen. Default 10 seconds.
    /// </summary>
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets whether repeated deliveries of one event are answered 200 without reaching the handlers. Default <see langword="true"/>.</summary>
    public bool EnableDeduplication { get; set; } = true;

    /// <summary>Gets or sets how many event keys the default in-memory deduplication store keeps. Default 50,000.</summary>
    public int DeduplicationCapacity { get; set; } = InMemoryWebhookDeduplicationStore.DefaultCapacity;

    /// <summary>Gets or sets how long the default in-memory deduplication store keeps a key. Default 24 hours.</summary>
    public TimeSpan DeduplicationExpiry { get; set; } = InMemoryWebhookDeduplicationStore.DefaultExpiry;

    /// <summary>Describes the settings with every secret masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{base.ToString().TrimEnd('}', ' ')}, MaxBodyBytes = {MaxBodyBytes}, QueueCapacity = {QueueCapacity}, EnqueueTimeout = {EnqueueTimeout}, EnableDeduplication = {EnableDeduplication} }}");
}
