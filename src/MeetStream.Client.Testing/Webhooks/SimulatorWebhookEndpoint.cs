namespace MeetStream.Client.Testing;

/// <summary>
/// A workspace webhook endpoint (what MeetStream's Dashboard → Webhooks creates): the simulator POSTs every lifecycle
/// and post-call event to it, signed with <c>X-MeetStream-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>
/// and <c>X-MeetStream-Timestamp</c>, optionally only the subscribed events.
/// </summary>
public sealed class SimulatorWebhookEndpoint
{
    /// <summary>Creates an endpoint.</summary>
    /// <param name="url">The absolute http(s) URL that receives the deliveries.</param>
    /// <param name="signingSecret">The endpoint's signing secret (e.g. <c>whsec_test</c>).</param>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL, or the secret is empty.</exception>
    public SimulatorWebhookEndpoint(string url, string signingSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(signingSecret);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The workspace webhook URL must be an absolute http:// or https:// URL.", nameof(url));
        }

        Url = url;
        SigningSecret = signingSecret;
    }

    /// <summary>Gets the URL that receives the deliveries.</summary>
    public string Url { get; }

    /// <summary>Gets the signing secret.</summary>
    public string SigningSecret { get; }

    /// <summary>Gets or sets the subscribed event names (the specific name, e.g. <c>bot.denied</c>, or the generic one, e.g. <c>bot.stopped</c>); null subscribes to every event.</summary>
    public IReadOnlyCollection<string>? Events { get; init; }

    internal bool Wants(string generic, string? specific) =>
        Events is null || Events.Contains(generic, StringComparer.OrdinalIgnoreCase) || (specific is not null && Events.Contains(specific, StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => $"SimulatorWebhookEndpoint {{ Url = {Url.Split('?')[0]}, SigningSecret = ***, Events = {(Events is null ? "all" : string.Join(",", Events))} }}";
}
