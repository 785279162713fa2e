namespace MeetStream.Client;

/// <summary>
/// MeetStream's address answered with a redirect (3xx), or the answer came from another address because a handler in
/// your <see cref="HttpClient"/> followed one. The SDK never follows redirects: a redirected <c>POST</c> can turn into a
/// <c>GET</c> on a host you did not choose, carrying your idempotency key, and its answer would look like success.
/// Check <see cref="MeetStreamClientOptions.BaseUrl"/>. The message names the status and the target host only.
/// </summary>
public sealed class MeetStreamRedirectException : MeetStreamApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="details">The response facts.</param>
    /// <param name="locationHost">The host the redirect pointed to (or that answered), if known.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public MeetStreamRedirectException(string message, MeetStreamErrorDetails details, string? locationHost, Exception? innerException = null)
        : base(message, details, innerException)
    {
        LocationHost = locationHost;
    }

    /// <summary>Gets the host the redirect pointed to (or the host that answered instead of MeetStream), if known. Never the full URL.</summary>
    public string? LocationHost { get; }
}
