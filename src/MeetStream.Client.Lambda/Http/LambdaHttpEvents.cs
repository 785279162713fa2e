using System.Text;
using System.Text.Json;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// Reads API Gateway (REST payload 1.0, HTTP API 2.0) and Function URL events into one <see cref="LambdaHttpRequest"/>
/// and writes a <see cref="LambdaHttpResponse"/> back in the shape the request came in.
/// </summary>
public static class LambdaHttpEvents
{
    /// <summary>Reads an HTTP event, detecting its format (<c>"version": "2.0"</c> → HTTP API or Function URL; <c>httpMethod</c> → REST).</summary>
    /// <param name="eventJson">The event as Lambda delivered it.</param>
    /// <returns>The normalised request.</returns>
    /// <exception cref="LambdaEventException">The payload is not JSON, not an HTTP event, or its base64 body is invalid.</exception>
    public static LambdaHttpRequest ParseRequest(ReadOnlySpan<byte> eventJson)
    {
        var (version, hasHttpMethod) = Probe(eventJson);
        try
        {
            if (version == "2.0")
            {
                var v2 = JsonSerializer.Deserialize(eventJson, LambdaJsonContext.Default.HttpApiRequest)!;
                return FromHttpApi(v2);
            }

            if (hasHttpMethod)
            {
                var v1 = JsonSerializer.Deserialize(eventJson, LambdaJsonContext.Default.ApiGatewayProxyRequest)!;
                return FromApiGateway(v1);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new LambdaEventException($"The HTTP event does not have the documented shape: {ex.Message}", ex);
        }

        throw new LambdaEventException("The event is not an API Gateway or Function URL HTTP event (it has neither \"version\": \"2.0\" nor \"httpMethod\"). Invoke this function through API Gateway or its Function URL.");
    }

    /// <summary>Writes a response in the shape of <paramref name="format"/> (REST: <c>multiValueHeaders</c> for cookies; 2.0: <c>cookies</c>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="format">The format the request arrived in.</param>
    /// <returns>The response JSON for the Runtime API.</returns>
    public static byte[] SerializeResponse(LambdaHttpResponse response, LambdaHttpEventFormat format)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.TryGetValue("Content-Type", out var contentType);
        var (body, isBase64) = EncodeBody(response.Body, contentType);
        var headers = response.Headers.Count == 0 ? null : new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        if (format == LambdaHttpEventFormat.ApiGatewayV1)
        {
            return JsonSerializer.SerializeToUtf8Bytes(
                new ApiGatewayProxyResponse
                {
                    StatusCode = response.StatusCode,
                    Headers = headers,
                    MultiValueHeaders = response.Cookies.Count == 0 ? null : new Dictionary<string, IReadOnlyList<string>> { ["Set-Cookie"] = response.Cookies.ToList() },
                    Body = body,
                    IsBase64Encoded = isBase64,
                },
                LambdaJsonContext.Default.ApiGatewayProxyResponse);
        }

        return JsonSerializer.SerializeToUtf8Bytes(
            new HttpApiResponse
            {
                StatusCode = response.StatusCode,
                Headers = headers,
                Cookies = response.Cookies.Count == 0 ? null : response.Cookies.ToList(),
                Body = body,
                IsBase64Encoded = isBase64,
            },
            LambdaJsonContext.Default.HttpApiResponse);
    }

    /// <summary>Gets whether a content type is text that API Gateway can carry without base64.</summary>
    internal static bool IsTextual(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var media = contentType.Split(';')[0].Trim();
        return media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }

    private static (string? Body, bool IsBase64) EncodeBody(ReadOnlyMemory<byte> body, string? contentType)
    {
        if (body.IsEmpty)
        {
            return (null, false);
        }

        if (IsTextual(contentType))
        {
            try
            {
                return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Span), false);
            }
            catch (DecoderFallbackException)
            {
                // Declared as text but not UTF-8: base64 keeps the bytes intact.
            }
        }

        return (Convert.ToBase64String(body.Span), true);
    }

    private static (string? Version, bool HasHttpMethod) Probe(ReadOnlySpan<byte> json)
    {
        string? version = null;
        var hasHttpMethod = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new LambdaEventException("The event is not a JSON object; an API Gateway or Function URL HTTP event was expected.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("version"u8);
                var isMethod = reader.ValueTextEquals("httpMethod"u8);
                reader.Read();
                if (isVersion && reader.TokenType == JsonTokenType.String)
                {
                    version = reader.GetString();
                }
                else if (isMethod && reader.TokenType == JsonTokenType.String)
                {
                    hasHttpMethod = true;
                }

                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            throw new LambdaEventException($"The event is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The reader accepts a string holding invalid UTF-8 or an escaped unpaired surrogate, but comparing or
            // reading it throws this instead of JsonException.
            throw new LambdaEventException("The event is not valid JSON text: a property name or \"version\" holds invalid UTF-8 or an unpaired UTF-16 surrogate.", ex);
        }

        return (version, hasHttpMethod);
    }

    private static LambdaHttpRequest FromApiGateway(ApiGatewayProxyRequest e)
    {
        var headers = new LambdaHttpHeaders();
        foreach (var (name, value) in e.Headers ?? Empty)
        {
            headers.Set(name, [value]);
        }

        foreach (var (name, values) in e.MultiValueHeaders ?? EmptyMulti)
        {
            if (values is { Count: > 0 })
            {
                headers.Set(name, values);
            }
        }

        var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in e.QueryStringParameters ?? Empty)
        {
            if (value is not null)
            {
                query[name] = [value];
            }
        }

        foreach (var (name, values) in e.MultiValueQueryStringParameters ?? EmptyMulti)
        {
            var list = values?.Where(v => v is not null).Select(v => v!).ToList();
            if (list is { Count: > 0 })
            {
                query[name] = list;
            }
        }

        var cookies = headers.GetValues("Cookie").SelectMany(c => c.Split(';')).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return new LambdaHttpRequest
        {
            Format = LambdaHttpEventFormat.ApiGatewayV1,
            Method = (e.HttpMethod ?? e.RequestContext?.HttpMethod ?? "GET").ToUpperInvariant(),
            Path = e.Path ?? e.RequestContext?.Path ?? "/",
            RawQueryString = string.Join("&", query.SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v)))),
            Query = query,
            Headers = headers,
            Cookies = cookies,
            Body = DecodeBody(e.Body, e.IsBase64Encoded),
            PathParameters = NonNull(e.PathParameters),
            SourceIp = e.RequestContext?.Identity?.SourceIp,
            RequestId = e.RequestContext?.RequestId,
            Stage = e.RequestContext?.Stage,
            ApiGatewayEvent = e,
        };
    }

    private static LambdaHttpRequest FromHttpApi(HttpApiRequest e)
    {
        var headers = new LambdaHttpHeaders();
        foreach (var (name, value) in e.Headers ?? Empty)
        {
            headers.Set(name, [value]);
        }

        var raw = e.RawQueryString ?? string.Empty;
        var query = raw.Length > 0 ? ParseQuery(raw) : NonNull(e.QueryStringParameters).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[p.Value], StringComparer.Ordinal);
        var domain = e.RequestContext?.DomainName ?? headers["Host"];
        var isFunctionUrl = domain is not null && domain.Contains(".lambda-url.", StringComparison.OrdinalIgnoreCase);
        return new LambdaHttpRequest
        {
            Format = isFunctionUrl ? LambdaHttpEventFormat.FunctionUrl : LambdaHttpEventFormat.HttpApiV2,
            Method = (e.RequestContext?.Http?.Method ?? "GET").ToUpperInvariant(),
            Path = e.RawPath ?? e.RequestContext?.Http?.Path ?? "/",
            RawQueryString = raw,
            Query = query,
            Headers = headers,
            Cookies = e.Cookies ?? [],
            Body = DecodeBody(e.Body, e.IsBase64Encoded),
            PathParameters = NonNull(e.PathParameters),
            SourceIp = e.RequestContext?.Http?.SourceIp,
            RequestId = e.RequestContext?.RequestId,
            Stage = e.RequestContext?.Stage,
            HttpApiEvent = e,
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> ParseQuery(string raw)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]);
            if (!result.TryGetValue(name, out var list))
            {
                result[name] = list = [];
            }

            list.Add(value);
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static ReadOnlyMemory<byte> DecodeBody(string? body, bool isBase64)
    {
        if (string.IsNullOrEmpty(body))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (!isBase64)
        {
            return Encoding.UTF8.GetBytes(body);
        }

        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException ex)
        {
            throw new LambdaEventException("The event says its body is base64 (isBase64Encoded: true) but the body is not valid base64.", ex);
        }
    }

    private static Dictionary<string, string> NonNull(IReadOnlyDictionary<string, string?>? map) =>
        (map ?? Empty).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, string?> Empty = new Dictionary<string, string?>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string?>?> EmptyMulti = new Dictionary<string, IReadOnlyList<string?>?>();
}
