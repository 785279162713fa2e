using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda.Hosting;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01) over one <see cref="HttpClient"/> without a timeout: the next-event
/// call blocks for as long as the execution environment waits (and may be frozen) between invocations.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue ErrorContentType = new("application/vnd.aws.lambda.error+json");
    private readonly HttpClient _http;
    private readonly Uri _baseUri;

    public RuntimeApiClient(Uri baseUri)
    {
        _baseUri = baseUri;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Waits for the next event (<c>GET /runtime/invocation/next</c>).</summary>
    public async Task<RuntimeInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_baseUri, "runtime/invocation/next"), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LambdaHostException($"The Lambda Runtime API answered the next-event request with {(int)response.StatusCode}{Describe(body)}; the runtime must exit.");
        }

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id");
        if (string.IsNullOrEmpty(requestId))
        {
            throw new LambdaHostException("The Lambda Runtime API sent an event without a Lambda-Runtime-Aws-Request-Id header; the runtime must exit.");
        }

        DateTimeOffset? deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return new RuntimeInvocation(
            requestId,
            deadline,
            Header(response, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(response, "Lambda-Runtime-Trace-Id"),
            Header(response, "Lambda-Runtime-Client-Context"),
            Header(response, "Lambda-Runtime-Cognito-Identity"),
            body);
    }

    /// <summary>Sends an invocation's result (<c>POST /runtime/invocation/{id}/response</c>).</summary>
    public async Task<(HttpStatusCode Status, string Detail)> PostResponseAsync(string requestId, ReadOnlyMemory<byte> result, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(result);
        using var response = await _http.PostAsync(InvocationUri(requestId, "response"), content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, Describe(body));
    }

    /// <summary>Reports an invocation's failure (<c>POST /runtime/invocation/{id}/error</c>).</summary>
    public Task<(HttpStatusCode Status, string Detail)> PostErrorAsync(string requestId, LambdaErrorReport report, string errorType, CancellationToken cancellationToken) =>
        PostErrorCoreAsync(InvocationUri(requestId, "error"), report, errorType, cancellationToken);

    /// <summary>Reports a failure before the first event (<c>POST /runtime/init/error</c>).</summary>
    public Task<(HttpStatusCode Status, string Detail)> PostInitErrorAsync(LambdaErrorReport report, string errorType, CancellationToken cancellationToken) =>
        PostErrorCoreAsync(new Uri(_baseUri, "runtime/init/error"), report, errorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, string Detail)> PostErrorCoreAsync(Uri uri, LambdaErrorReport report, string errorType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(report, LambdaJsonContext.Default.LambdaErrorReport));
        content.Headers.ContentType = ErrorContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorType);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, Describe(body));
    }

    private Uri InvocationUri(string requestId, string action) => new(_baseUri, "runtime/invocation/" + Uri.EscapeDataString(requestId) + "/" + action);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Describe(byte[] body) =>
        body.Length == 0 ? string.Empty : ": " + Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 1024));
}

/// <summary>One event from the Runtime API with its headers.</summary>
internal sealed record RuntimeInvocation(
    string RequestId,
    DateTimeOffset? Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    byte[] Payload);
