using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>The response a REST API (payload 1.0) proxy integration expects; any other shape makes API Gateway answer 502.</summary>
public sealed class ApiGatewayProxyResponse
{
    /// <summary>Gets the HTTP status.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; init; }

    /// <summary>Gets single-value headers.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Gets multi-value headers (merged with <see cref="Headers"/>; these win).</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueHeaders { get; init; }

    /// <summary>Gets the body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Gets whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }
}
