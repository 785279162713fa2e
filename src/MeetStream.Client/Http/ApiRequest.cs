using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MeetStream.Client.Http;

/// <summary>
/// One REST call as the sub-clients describe it: method, path template (kept for logs and traces), escaped path,
/// query, JSON body and the rules for special statuses. Built fluently, then sent by <see cref="MeetStreamTransport"/>.
/// </summary>
internal sealed class ApiRequest
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private readonly StringBuilder _path;
    private StringBuilder? _query;

    private ApiRequest(HttpMethod method, string template)
    {
        Method = method;
        Template = template;
        _path = new StringBuilder(template);
        Idempotent = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options;
    }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the path template such as <c>/bots/{bot_id}/status</c>: low-cardinality, safe to log.</summary>
    public string Template { get; }

    /// <summary>Gets the path with escaped values, relative to the base URL.</summary>
    public string Path => _path.ToString();

    /// <summary>Gets the query string including <c>?</c>, or an empty string.</summary>
    public string Query => _query is null ? string.Empty : _query.ToString();

    /// <summary>Gets the serialized JSON body, if any.</summary>
    public byte[]? Body { get; private set; }

    /// <summary>Gets the <c>Idempotency-Key</c> header value, if any.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>Gets whether repeating the request cannot cause a second effect (so retries are safe after it reached the server).</summary>
    public bool Idempotent { get; private set; }

    /// <summary>Gets whether a 202 answer means "not ready yet" (media and transcript reads).</summary>
    public bool NotReadyOn202 { get; private set; }

    /// <summary>Gets whether a 507 answer is an idempotent replay to treat as success (create_bot).</summary>
    public bool SuccessOn507 { get; private set; }

    /// <summary>Gets a noun for error messages, e.g. "bot 'abc'".</summary>
    public string? Subject { get; private set; }

    public static ApiRequest Get(string template) => new(HttpMethod.Get, template);

    public static ApiRequest Post(string template) => new(HttpMethod.Post, template);

    public static ApiRequest Put(string template) => new(HttpMethod.Put, template);

    public static ApiRequest Patch(string template) => new(HttpMethod.Patch, template);

    public static ApiRequest Delete(string template) => new(HttpMethod.Delete, template);

    public static ApiRequest Create(HttpMethod method, string template) => new(method, template);

    /// <summary>Replaces <c>{name}</c> in the template with the escaped value; rejects empty values.</summary>
    public ApiRequest WithPath(string name, string value, string? parameterName = null)
    {
        RequireValue(value, parameterName ?? name);
        var token = "{" + name + "}";
        if (Template.IndexOf(token, StringComparison.Ordinal) < 0)
        {
            throw new InvalidOperationException($"The template '{Template}' has no {token}.");
        }

        _path.Replace(token, Uri.EscapeDataString(value));
        Subject ??= $"{name.Replace('_', ' ')} '{value}'";
        return this;
    }

    /// <summary>Adds a query parameter; <see langword="null"/> values are left out.</summary>
    public ApiRequest WithQuery(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _query ??= new StringBuilder();
        _query.Append(_query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds a boolean query parameter as <c>true</c>/<c>false</c>; <see langword="null"/> is left out.</summary>
    public ApiRequest WithQuery(string name, bool? value) => WithQuery(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds an integer query parameter; <see langword="null"/> is left out.</summary>
    public ApiRequest WithQuery(string name, int? value) => WithQuery(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Serializes <paramref name="body"/> as the JSON body with the source-generated metadata.</summary>
    public ApiRequest WithJson<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        Body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return this;
    }

    /// <summary>Sends <c>{}</c> as the body (what the official SDKs send to body-less POST commands).</summary>
    public ApiRequest WithEmptyJsonObject()
    {
        Body = "{}"u8.ToArray();
        return this;
    }

    /// <summary>Sets the <c>Idempotency-Key</c> header; with it a POST becomes safe to retry.</summary>
    public ApiRequest WithIdempotencyKey(string key)
    {
        RequireIdempotencyKey(key);
        IdempotencyKey = key;
        Idempotent = true;
        return this;
    }

    /// <summary>Marks a POST or PATCH as documented idempotent (e.g. pause/resume recording), so retries are safe.</summary>
    public ApiRequest AsIdempotent()
    {
        Idempotent = true;
        return this;
    }

    /// <summary>Makes a 202 answer throw <see cref="MeetStreamNotReadyException"/>.</summary>
    public ApiRequest WithNotReadyOn202()
    {
        NotReadyOn202 = true;
        return this;
    }

    /// <summary>Makes a 507 answer a success (idempotent replay).</summary>
    public ApiRequest WithSuccessOn507()
    {
        SuccessOn507 = true;
        return this;
    }

    /// <summary>Builds the HTTP message for one call (the resilience handler may send it several times).</summary>
    public HttpRequestMessage ToHttpRequestMessage(Uri baseUrl)
    {
        var message = new HttpRequestMessage(Method, Combine(baseUrl, Path + Query));
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = JsonMediaType;
            message.Content = content;
        }

        if (IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        return message;
    }

    internal static Uri Combine(Uri baseUrl, string relative)
    {
        var root = baseUrl.AbsoluteUri;
        return new Uri(root.EndsWith('/') ? string.Concat(root.AsSpan(0, root.Length - 1), relative) : root + relative, UriKind.Absolute);
    }

    /// <summary>Rejects a key that is empty or not printable ASCII without spaces (it travels as a header).</summary>
    internal static void RequireIdempotencyKey(string key)
    {
        RequireValue(key, "idempotencyKey");
        if (key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new ArgumentException("An Idempotency-Key must be printable ASCII without spaces.", "idempotencyKey");
        }
    }

    /// <summary>Rejects a null, empty or white-space path or query value with the parameter's name.</summary>
    internal static void RequireValue(string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space.", parameterName);
        }
    }
}
