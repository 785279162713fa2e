using System.Net;
using System.Text;
using System.Text.Json;

namespace MeetStream.Client;

/// <summary>
/// The answer to <see cref="IMeetStreamClient.SendAsync"/>: status, headers and raw body, with no status
/// interpreted, for endpoints MeetStream adds before this SDK models them.
/// </summary>
public sealed class MeetStreamRawResponse
{
    private readonly byte[] _body;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">Response and content headers, names case-insensitive.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="requestId">The <c>x-request-id</c> header, if any.</param>
    public MeetStreamRawResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, byte[] body, string? requestId)
    {
        StatusCode = statusCode;
        Headers = headers;
        _body = body ?? [];
        RequestId = requestId;
    }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets whether the status is 2xx.</summary>
    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and < 300;

    /// <summary>Gets the response and content headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the raw body bytes.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>Gets the <c>x-request-id</c> header, if any.</summary>
    public string? RequestId { get; }

    /// <summary>Gets the body as UTF-8 text.</summary>
    /// <returns>The text.</returns>
    public string GetText() => Encoding.UTF8.GetString(_body);

    /// <summary>Parses the body as JSON.</summary>
    /// <returns>A detached JSON element, or <see langword="null"/> when the body is empty.</returns>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonElement? GetJson()
    {
        if (_body.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(_body);
        return document.RootElement.Clone();
    }
}
