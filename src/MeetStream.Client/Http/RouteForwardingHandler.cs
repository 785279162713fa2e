using MeetStream.Client.Resilience;

namespace MeetStream.Client.Http;

/// <summary>
/// The handler under the SDK's own Refit <see cref="HttpClient"/> when the caller owns the real one (the
/// <c>MeetStreamClient(HttpClient, …)</c> constructor). A request message can go through
/// one <see cref="HttpClient"/> only, so this copies the message Refit built (same content object, its headers and
/// the route's <c>RequestPolicy</c> option), adds the authentication and standard headers, and sends the
/// copy through the caller's client with <see cref="HttpCompletionOption.ResponseHeadersRead"/>. The caller's client
/// never gets default headers from the SDK, so its other requests can never carry the API key.
/// </summary>
internal sealed class RouteForwardingHandler : HttpMessageHandler
{
    private static readonly HttpRequestOptionsKey<(Uri Uri, HttpMethod Method)> SentKey = new("MeetStream.SentRequest");
    private readonly HttpClient _http;
    private readonly MeetStreamTransport _transport;

    public RouteForwardingHandler(HttpClient http, MeetStreamTransport transport)
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

        // The caller's client may follow redirects, which rewrites the copy's URL and method in place: remember what
        // was sent so the transport can refuse an answer that came from elsewhere (Errors/ErrorResponse).
        copy.Options.Set(SentKey, (copy.RequestUri!, copy.Method));
        return _http.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Gets the URL and method a forwarded request was sent with, or <see langword="null"/> when the SDK's own chain sent it.</summary>
    /// <param name="response">The response.</param>
    /// <returns>What was sent, before any redirect handler changed it.</returns>
    public static (Uri Uri, HttpMethod Method)? SentOf(HttpResponseMessage response) =>
        response.RequestMessage is { } message && message.Options.TryGetValue(SentKey, out var sent) ? sent : null;
}
