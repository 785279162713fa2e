using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// An API Gateway HTTP API event in payload format 2.0, which is also the shape of Lambda Function URL events.
/// <see cref="LambdaHttpRequest"/> is the normalised view; this type keeps every documented field.
/// </summary>
public sealed class HttpApiRequest
{
    /// <summary>Gets the payload version, <c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Gets the route, e.g. <c>POST /webhooks</c>, or <c>$default</c> (always for Function URLs).</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; init; }

    /// <summary>Gets the path as sent.</summary>
    [JsonPropertyName("rawPath")]
    public string? RawPath { get; init; }

    /// <summary>Gets the query string as sent, without <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; init; }

    /// <summary>Gets the request cookies (the <c>Cookie</c> header is moved here).</summary>
    [JsonPropertyName("cookies")]
    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>Gets the headers, names lower-cased; duplicate headers are joined with commas. May be <see langword="null"/>.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string?>? Headers { get; init; }

    /// <summary>Gets the query parameters; duplicates are joined with commas. May be <see langword="null"/>.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IReadOnlyDictionary<string, string?>? QueryStringParameters { get; init; }

    /// <summary>Gets path parameters of the route; <see langword="null"/> for Function URLs.</summary>
    [JsonPropertyName("pathParameters")]
    public IReadOnlyDictionary<string, string?>? PathParameters { get; init; }

    /// <summary>Gets stage variables; <see langword="null"/> for Function URLs.</summary>
    [JsonPropertyName("stageVariables")]
    public IReadOnlyDictionary<string, string?>? StageVariables { get; init; }

    /// <summary>Gets the request context (ids, stage, HTTP details, authorizer).</summary>
    [JsonPropertyName("requestContext")]
    public HttpApiRequestContext? RequestContext { get; init; }

    /// <summary>Gets the body: text, or base64 when <see cref="IsBase64Encoded"/> (every content type except text, JSON, XML and JavaScript).</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Gets whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }

    /// <summary>Gets members this version does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>requestContext</c> of an HTTP API 2.0 or Function URL event.</summary>
public sealed class HttpApiRequestContext
{
    /// <summary>Gets the AWS account id (<c>anonymous</c> for Function URLs without IAM auth).</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    /// <summary>Gets the API id (the URL id for Function URLs).</summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; init; }

    /// <summary>Gets the host name the client called (<c>&lt;url-id&gt;.lambda-url.&lt;region&gt;.on.aws</c> for Function URLs).</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; init; }

    /// <summary>Gets the first label of <see cref="DomainName"/>.</summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; init; }

    /// <summary>Gets API Gateway's (or the Function URL's) request id.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>Gets the route key.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; init; }

    /// <summary>Gets the stage (<c>$default</c> for Function URLs).</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; init; }

    /// <summary>Gets the request time (<c>12/Mar/2020:19:03:58 +0000</c>).</summary>
    [JsonPropertyName("time")]
    public string? Time { get; init; }

    /// <summary>Gets the request time in Unix epoch milliseconds.</summary>
    [JsonPropertyName("timeEpoch")]
    public long? TimeEpoch { get; init; }

    /// <summary>Gets the HTTP details: method, path, protocol, source IP, user agent.</summary>
    [JsonPropertyName("http")]
    public HttpApiRequestDetails? Http { get; init; }

    /// <summary>Gets the authorizer output (JWT claims, Lambda authorizer context or IAM identity); shape depends on the authorizer.</summary>
    [JsonPropertyName("authorizer")]
    public JsonElement? Authorizer { get; init; }

    /// <summary>Gets the mutual-TLS details (<c>clientCert</c>), or <see langword="null"/>.</summary>
    [JsonPropertyName("authentication")]
    public JsonElement? Authentication { get; init; }

    /// <summary>Gets members this version does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>requestContext.http</c> block of an HTTP API 2.0 or Function URL event.</summary>
public sealed class HttpApiRequestDetails
{
    /// <summary>Gets the HTTP method.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>Gets the path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Gets the protocol, e.g. <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>Gets the client IP address.</summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; init; }

    /// <summary>Gets the client's User-Agent.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }
}
