using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// An API Gateway REST API Lambda proxy event (payload format 1.0; also the HTTP API's own 1.0 format, which adds
/// <c>version</c>). <see cref="LambdaHttpRequest"/> is the normalised view; this type keeps every documented field.
/// </summary>
public sealed class ApiGatewayProxyRequest
{
    /// <summary>Gets the payload version: absent for REST APIs, <c>1.0</c> for HTTP APIs using the 1.0 format.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Gets the resource template, e.g. <c>/webhooks/{proxy+}</c>.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; init; }

    /// <summary>Gets the request path without the stage, e.g. <c>/webhooks</c>.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; init; }

    /// <summary>Gets single-value headers (last value wins); may be <see langword="null"/>. Names keep the client's casing.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string?>? Headers { get; init; }

    /// <summary>Gets every header value; may be <see langword="null"/>.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IReadOnlyDictionary<string, IReadOnlyList<string?>?>? MultiValueHeaders { get; init; }

    /// <summary>Gets single-value query parameters; may be <see langword="null"/>.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IReadOnlyDictionary<string, string?>? QueryStringParameters { get; init; }

    /// <summary>Gets every query parameter value; may be <see langword="null"/>.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public IReadOnlyDictionary<string, IReadOnlyList<string?>?>? MultiValueQueryStringParameters { get; init; }

    /// <summary>Gets path parameters from the resource template; may be <see langword="null"/>.</summary>
    [JsonPropertyName("pathParameters")]
    public IReadOnlyDictionary<string, string?>? PathParameters { get; init; }

    /// <summary>Gets stage variables; may be <see langword="null"/>.</summary>
    [JsonPropertyName("stageVariables")]
    public IReadOnlyDictionary<string, string?>? StageVariables { get; init; }

    /// <summary>Gets the request context (ids, stage, caller identity, authorizer).</summary>
    [JsonPropertyName("requestContext")]
    public ApiGatewayRequestContext? RequestContext { get; init; }

    /// <summary>Gets the body as API Gateway passed it: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Gets whether <see cref="Body"/> is base64 (a configured binary media type matched).</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }

    /// <summary>Gets members this version does not model (API Gateway adds keys without notice).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>requestContext</c> of a REST API (payload 1.0) event.</summary>
public sealed class ApiGatewayRequestContext
{
    /// <summary>Gets the AWS account id that owns the API.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    /// <summary>Gets the API id.</summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; init; }

    /// <summary>Gets the host name the client called.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; init; }

    /// <summary>Gets the first label of <see cref="DomainName"/>.</summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; init; }

    /// <summary>Gets API Gateway's extended request id.</summary>
    [JsonPropertyName("extendedRequestId")]
    public string? ExtendedRequestId { get; init; }

    /// <summary>Gets API Gateway's request id (not the Lambda request id).</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>Gets the resource id.</summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; init; }

    /// <summary>Gets the resource template.</summary>
    [JsonPropertyName("resourcePath")]
    public string? ResourcePath { get; init; }

    /// <summary>Gets the stage name.</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; init; }

    /// <summary>Gets the path including the stage.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Gets the protocol, e.g. <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>Gets the request time in API Gateway's CLF format (<c>09/Apr/2015:12:34:56 +0000</c>).</summary>
    [JsonPropertyName("requestTime")]
    public string? RequestTime { get; init; }

    /// <summary>Gets the request time in Unix epoch milliseconds.</summary>
    [JsonPropertyName("requestTimeEpoch")]
    public long? RequestTimeEpoch { get; init; }

    /// <summary>Gets the caller identity (source IP, user agent, IAM or Cognito identity, client certificate).</summary>
    [JsonPropertyName("identity")]
    public ApiGatewayIdentity? Identity { get; init; }

    /// <summary>Gets the authorizer output (Lambda authorizer context or Cognito <c>claims</c>); shape depends on the authorizer.</summary>
    [JsonPropertyName("authorizer")]
    public JsonElement? Authorizer { get; init; }

    /// <summary>Gets members this version does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The caller identity in a REST API (payload 1.0) request context.</summary>
public sealed class ApiGatewayIdentity
{
    /// <summary>Gets the client IP address.</summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; init; }

    /// <summary>Gets the client's User-Agent.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }

    /// <summary>Gets the IAM access key of a signed caller.</summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; init; }

    /// <summary>Gets the caller's AWS account id.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    /// <summary>Gets the caller principal.</summary>
    [JsonPropertyName("caller")]
    public string? Caller { get; init; }

    /// <summary>Gets the IAM user.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Gets the IAM user ARN.</summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; init; }

    /// <summary>Gets the mutual-TLS client certificate, when configured.</summary>
    [JsonPropertyName("clientCert")]
    public JsonElement? ClientCert { get; init; }

    /// <summary>Gets the remaining identity members (Cognito ids, principal org id, API key).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
