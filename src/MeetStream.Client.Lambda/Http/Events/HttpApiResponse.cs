using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>The structured response of an HTTP API 2.0 integration or a Function URL.</summary>
public sealed class HttpApiResponse
{
    /// <summary>Gets the HTTP status.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; init; }

    /// <summary>Gets the headers (join repeated values with commas).</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Gets the <c>Set-Cookie</c> values.</summary>
    [JsonPropertyName("cookies")]
    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>Gets the body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Gets whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }
}
