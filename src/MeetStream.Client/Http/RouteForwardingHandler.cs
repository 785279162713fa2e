using MeetStream.Client.Resilience;

namespace MeetStream.Client.Http;

/// <summary>
/// The handler under the SDK's own Refit <see cref="HttpClient"/> when the caller owns the real one (the
/// <c>MeetStreamClient(HttpClient, …)</c> constructor and DI's per-call factory). A request message can go through
/// one <see cref="HttpClient"/> only, so this copies the message Refit built (same content object, its headers and
/// the route's <c>RequestPolicy</c> option), adds the authentication and standard headers, and sends the
/// copy through the caller's client with <see cref="HttpCompletionOption.ResponseHeadersRead"/>. The caller's client
/// never gets default headers from the SDK, so its other requests can never carry the API key.
/// </summary>
internal sealed class RouteForwardingHandler : HttpMessageHandler
{
    private readonly Func<HttpClient> _http;
    private readonly MeetStreamTransport _transport;

    public RouteForwardingHandler(Func<HttpClient> http, MeetStreamTransport transport)
    {
        _http = http;
        _transport = transport;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };

        // Refit sets at most the Idempotency-Key header; the struct enumerator of NonValidated avoids boxing.
        foreach (var header in request.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
        }

        // The handler chain below needs only the route's policy (Refit's own bookkeeping options stay behind).
        if (request.Options.TryGetValue(RequestPolicy.Key, out var policy))
        {
            copy.Options.Set(RequestPolicy.Key, policy);
        }

        _transport.ApplyHeaders(copy);
        return _http().SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
