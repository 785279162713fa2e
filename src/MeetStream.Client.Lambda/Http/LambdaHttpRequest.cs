using System.Text;

namespace MeetStream.Client.Lambda;

/// <summary>
/// One HTTP request, whatever shape it arrived in (REST API payload 1.0, HTTP API 2.0, Function URL): method, path,
/// case-insensitive headers, query, cookies and the raw body bytes with base64 already decoded (what a webhook
/// signature is computed over). Built by <see cref="LambdaHttpEvents.ParseRequest"/>.
/// </summary>
public sealed class LambdaHttpRequest
{
    /// <summary>Gets the shape the event arrived in; the response is written in the same shape.</summary>
    public required LambdaHttpEventFormat Format { get; init; }

    /// <summary>Gets the HTTP method in upper case.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request path (REST: without the stage; HTTP API and Function URL: the raw path).</summary>
    public required string Path { get; init; }

    /// <summary>Gets the query string without <c>?</c> (rebuilt from the parameters for REST events).</summary>
    public string RawQueryString { get; init; } = string.Empty;

    /// <summary>Gets the query parameters with every value (names are case-sensitive, as in URLs).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Gets the headers; names are case-insensitive.</summary>
    public LambdaHttpHeaders Headers { get; init; } = new();

    /// <summary>Gets the request cookies as <c>name=value</c> strings.</summary>
    public IReadOnlyList<string> Cookies { get; init; } = [];

    /// <summary>Gets the body bytes exactly as the client sent them (base64 decoded when the event carried it encoded).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets path parameters of the route or resource template.</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the client IP address, when API Gateway reports it.</summary>
    public string? SourceIp { get; init; }

    /// <summary>Gets API Gateway's (or the Function URL's) request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the stage name (<c>$default</c> for HTTP API default stages and Function URLs).</summary>
    public string? Stage { get; init; }

    /// <summary>Gets the full REST (payload 1.0) event, when that is the format.</summary>
    public ApiGatewayProxyRequest? ApiGatewayEvent { get; init; }

    /// <summary>Gets the full HTTP API 2.0 or Function URL event, when that is the format.</summary>
    public HttpApiRequest? HttpApiEvent { get; init; }

    /// <summary>Gets the first value of a query parameter, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name (case-sensitive).</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetQueryValue(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Decodes the body as UTF-8 text.</summary>
    /// <returns>The body text.</returns>
    public string ReadBodyAsString() => Encoding.UTF8.GetString(Body.Span);

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path} ({Format}, {Body.Length} bytes)";
}
