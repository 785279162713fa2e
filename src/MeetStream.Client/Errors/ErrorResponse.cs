using System.Globalization;
using System.Text;
using MeetStream.Client.Http;

namespace MeetStream.Client.Errors;

/// <summary>
/// The transport's one entry point for a response it will not return as success: refuses redirects (a 3xx, or an
/// answer that came from another URL because a handler followed one), reads at most
/// <see cref="ErrorBodyReader.MaxBytes"/> of the body from its stream, caps the API message at
/// <see cref="MaxMessageChars"/> characters, and removes the API key and <c>Token</c>/<c>Bearer</c> values from
/// every server-supplied text before it reaches the exception, its <c>ToString()</c> or a log line.
/// </summary>
internal static class ErrorResponse
{
    /// <summary>The most characters of the server's error text quoted in an exception message (and logged).</summary>
    public const int MaxMessageChars = 2 * 1024;

    /// <summary>
    /// Returns the exception for <paramref name="response"/>, or <see langword="null"/> when it is a success
    /// (<paramref name="success"/>) that came straight from the URL the SDK sent the request to.
    /// </summary>
    /// <param name="call">The call (described for the message only when it failed).</param>
    /// <param name="response">The response: a success body is buffered whole (as before); any other body is read capped.</param>
    /// <param name="sent">
    /// The URL and method the SDK sent, taken before sending (a redirect-following handler rewrites the request);
    /// <see langword="null"/> when the SDK's own client sent it (its primary handler never follows redirects; should a
    /// replaced one do so, an answer from another scheme/host/port or with another method is still refused).
    /// </param>
    /// <param name="success">Whether the status counts as success for this call.</param>
    /// <param name="options">The resolved options (API key to redact, clock, attempt timeout for the body read).</param>
    /// <param name="cancellationToken">Cancels the body read.</param>
    /// <returns>The typed exception to throw, or <see langword="null"/>.</returns>
    public static async Task<MeetStreamApiException?> CheckAsync(Call call, HttpResponseMessage response, (Uri Uri, HttpMethod Method)? sent, bool success, MeetStreamClientOptions options, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var answeredBy = response.RequestMessage is { RequestUri: { } final } answered && (sent is { } asked
            ? final != asked.Uri || answered.Method != asked.Method
            : answered.Method != call.Method || Uri.Compare(final, options.BaseUrl, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            ? final
            : null;
        if (success && answeredBy is null)
        {
            // As HttpCompletionOption.ResponseContentRead did: a broken success body fails inside the transport's wrapping.
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await response.Content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
            return null;
        }

        var timeout = options.AttemptTimeout == Timeout.InfiniteTimeSpan || options.AttemptTimeout >= TimeSpan.FromHours(24) ? Timeout.InfiniteTimeSpan : options.AttemptTimeout;
        var body = await ErrorBodyReader.ReadAsync(response.Content, timeout, options.TimeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var request = call.Describe();
        var details = Details(request, response, body, new SecretRedactor(options.ApiKey), includeApiMessage: true);
        if (answeredBy is not null || status is >= 300 and < 400)
        {
            return Redirect(request, response, sent?.Uri ?? response.RequestMessage?.RequestUri ?? options.BaseUrl!, answeredBy, details);
        }

        return MeetStreamErrorFactory.Create(request, response, details, (options.TimeProvider ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>
    /// Builds the response facts for an exception from a body that is already in memory (a success status whose body
    /// could not be read): the same 16 KiB cap and redaction as error bodies.
    /// </summary>
    public static MeetStreamErrorDetails Details(ApiRequest request, HttpResponseMessage response, byte[] body, string? apiKey)
    {
        var kept = Math.Min(body.Length, ErrorBodyReader.MaxBytes);
        var cut = new ErrorBody(body, kept, body.Length > kept, body.Length > kept ? body.Length : null);
        return Details(request, response, cut, new SecretRedactor(apiKey), includeApiMessage: false);
    }

    private static MeetStreamErrorDetails Details(ApiRequest request, HttpResponseMessage response, ErrorBody body, SecretRedactor redactor, bool includeApiMessage)
    {
        string? text = null;
        if (body.Length > 0)
        {
            text = redactor.Redact(Encoding.UTF8.GetString(body.Bytes), body.Truncated);
            if (body.Truncated)
            {
                text += body.TruncationMarker;
            }
        }

        string? apiMessage = null;
        if (includeApiMessage && ApiMessageReader.Extract(body.Bytes, !body.Truncated, out var messageCut) is { } message)
        {
            apiMessage = redactor.Redact(message, messageCut);
            if (messageCut)
            {
                apiMessage = Cap(apiMessage!, MaxMessageChars) + body.TruncationMarker;
            }
            else if (apiMessage!.Length > MaxMessageChars)
            {
                apiMessage = Cap(apiMessage, MaxMessageChars) + string.Create(CultureInfo.InvariantCulture, $"…(truncated, {Encoding.UTF8.GetByteCount(message)} bytes)");
            }
        }

        var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? redactor.Redact(Cap(ids.FirstOrDefault() ?? string.Empty, 200)) : null;
        return new MeetStreamErrorDetails(response.StatusCode, request.Method.Method, request.Path, apiMessage, requestId, text);
    }

    private static MeetStreamRedirectException Redirect(ApiRequest request, HttpResponseMessage response, Uri sent, Uri? answeredBy, MeetStreamErrorDetails details)
    {
        var what = $"{request.Method.Method} {request.Path}";
        var status = (int)response.StatusCode;
        var id = details.RequestId is { } r ? $" (request id {r})" : string.Empty;
        string message;
        string? host;
        if (answeredBy is not null)
        {
            host = answeredBy.Host;
            message = $"The answer to {what} came from host '{host}' ({status}) instead of {sent.Host}: a handler in your HttpClient followed a redirect. The SDK never follows redirects and never accepts a redirected answer; build the HttpClient with AllowAutoRedirect = false and check MeetStreamClientOptions.BaseUrl.{id}";
        }
        else
        {
            var location = response.Headers.Location;
            host = location is null ? null : (location.IsAbsoluteUri ? location : new Uri(sent, location)).Host;
            var target = host is null ? "without a Location" : $"to host '{host}'";
            message = $"MeetStream answered {what} with a redirect ({status}) {target}. The SDK never follows redirects (a redirected request can change method and reach another host), so nothing was sent there; check MeetStreamClientOptions.BaseUrl is the API's address.{id}";
        }

        return new MeetStreamRedirectException(message, details, host);
    }

    private static string Cap(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        // Do not split a surrogate pair.
        var end = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..end];
    }
}
