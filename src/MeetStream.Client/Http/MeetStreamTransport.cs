using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MeetStream.Client.Diagnostics;
using MeetStream.Client.Resilience;
using MeetStream.Client.Routes;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace MeetStream.Client.Http;

/// <summary>
/// Runs every REST call of one <see cref="MeetStreamClient"/>: traces, measures and logs it, sends it through a
/// generated Refit route (or, for the few calls Refit cannot express, an <see cref="ApiRequest"/>), maps the status
/// to a result or a typed exception through <see cref="MeetStreamErrorFactory"/>, reads JSON through the
/// source-generated context and wraps transport failures. Shared by every sub-client.
/// </summary>
internal sealed class MeetStreamTransport
{
    private readonly HttpClient _http;
    private readonly MeetStreamClientOptions _options;
    private readonly ILogger _logger;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;
    private readonly MeetStreamRoutes _routes;

    /// <summary>Initializes a transport.</summary>
    /// <param name="http">The client every call is sent through.</param>
    /// <param name="resolvedOptions">The frozen, validated options.</param>
    /// <param name="logger">The request logger.</param>
    /// <param name="sdkOwnsClient">
    /// Whether the SDK created <paramref name="http"/> and alone uses it (its own stack, or DI's named client): the
    /// routes then send through it directly, with the base address and the standard headers set on it once. Otherwise
    /// they go through a <see cref="RouteForwardingHandler"/> so the caller's client is never modified.
    /// </param>
    public MeetStreamTransport(HttpClient http, MeetStreamClientOptions resolvedOptions, ILogger logger, bool sdkOwnsClient)
    {
        _http = http;
        _options = resolvedOptions;
        _logger = logger;
        _authorization = new AuthenticationHeaderValue("Token", resolvedOptions.ApiKey);
        _userAgent = $"meetstream-dotnet/{MeetStreamTelemetry.Version}" + (string.IsNullOrWhiteSpace(resolvedOptions.ApplicationName) ? string.Empty : " " + resolvedOptions.ApplicationName.Trim());
        HttpClient routesClient;
        if (sdkOwnsClient)
        {
            routesClient = http;
            routesClient.BaseAddress = resolvedOptions.BaseUrl;
            var headers = routesClient.DefaultRequestHeaders;
            headers.Authorization = _authorization;
            headers.Accept.ParseAdd("application/json");
            headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }
        else
        {
            routesClient = new HttpClient(new RouteForwardingHandler(http, this), disposeHandler: true)
            {
                BaseAddress = resolvedOptions.BaseUrl,
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }

        _routes = new MeetStreamRoutes(routesClient);
    }

    /// <summary>Gets the resolved options (key included: never log them).</summary>
    public MeetStreamClientOptions Options => _options;

    /// <summary>Gets the clock for waits and polling.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Gets the generated Refit routes (for tests and the SDK's own packages).</summary>
    internal MeetStreamRoutes Routes => _routes;

    /// <summary>Sends one route call and reads the body as <typeparamref name="T"/>.</summary>
    /// <param name="call">The route and its path values (for logs, traces and error messages).</param>
    /// <param name="state">The arguments <paramref name="send"/> needs; pass a value tuple so nothing is captured.</param>
    /// <param name="send">Calls the Refit route method; should be a <see langword="static"/> lambda.</param>
    /// <param name="responseType">The source-generated metadata of the body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ApiResponse<T>> SendAsync<TState, T>(RouteCall call, TState state, RouteSend<TState> send, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(new Call(call), state, send, throwOnError: true, cancellationToken).ConfigureAwait(false);
        return await DeserializeAsync(new Call(call), response, responseType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one route call whose response body does not matter (empty or informational).</summary>
    public async Task<ApiResponse<JsonElement?>> SendAsync<TState>(RouteCall call, TState state, RouteSend<TState> send, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(new Call(call), state, send, throwOnError: true, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false); // buffered: no I/O
        return new ApiResponse<JsonElement?>(TryParse(bytes), response.StatusCode, RequestIdOf(response));
    }

    /// <summary>Sends a request Refit cannot express and reads the body as <typeparamref name="T"/>.</summary>
    public async Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync<object?>(new Call(request), null, null, throwOnError: true, cancellationToken).ConfigureAwait(false);
        return await DeserializeAsync(new Call(request), response, responseType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request Refit cannot express whose response body does not matter.</summary>
    public async Task<ApiResponse<JsonElement?>> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync<object?>(new Call(request), null, null, throwOnError: true, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false); // buffered: no I/O
        return new ApiResponse<JsonElement?>(TryParse(bytes), response.StatusCode, RequestIdOf(response));
    }

    /// <summary>Sends a request and returns the status, headers and raw body without interpreting the status.</summary>
    public async Task<MeetStreamRawResponse> SendRawAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync<object?>(new Call(request), null, null, throwOnError: false, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false); // buffered: no I/O
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            return new MeetStreamRawResponse(response.StatusCode, headers, bytes, RequestIdOf(response));
        }
    }

    /// <summary>Adds the authentication and standard headers to a message the SDK sends through a client it does not own.</summary>
    internal void ApplyHeaders(HttpRequestMessage message)
    {
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.ParseAdd("application/json");
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
    }

    /// <summary>
    /// Reads a success body (already buffered by <c>Errors/ErrorResponse</c>) straight from the content's buffer: no
    /// copy of the body on the way to the source-generated deserializer. The bytes are copied only for an error
    /// message when the body is not the documented JSON.
    /// </summary>
    private async ValueTask<ApiResponse<T>> DeserializeAsync<T>(Call call, HttpResponseMessage response, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var stream = response.Content.ReadAsStream(cancellationToken); // buffered: a read-only view of the buffer, owned by the content
        var empty = stream.Length == 0;
        T? value = default;
        try
        {
            if (!empty)
            {
                value = JsonSerializer.Deserialize(stream, responseType);
            }
        }
        catch (JsonException ex)
        {
            var request = call.Describe();
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw new MeetStreamUnexpectedResponseException(
                $"MeetStream answered {request.Method} {request.Path} with {(int)response.StatusCode} but the body is not the documented {typeof(T).Name} JSON: {ex.Message}",
                Details(request, response, bytes, null),
                ex);
        }

        if (empty || value is null)
        {
            var request = call.Describe();
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw new MeetStreamUnexpectedResponseException(
                $"MeetStream answered {request.Method} {request.Path} with {(int)response.StatusCode} but an empty or null body where {typeof(T).Name} was expected.",
                Details(request, response, bytes, null));
        }

        return new ApiResponse<T>(value, response.StatusCode, RequestIdOf(response));
    }

    private async Task<HttpResponseMessage> SendCoreAsync<TState>(Call call, TState state, RouteSend<TState>? send, bool throwOnError, CancellationToken cancellationToken)
    {
        var method = call.Method.Method;
        var template = call.Template;
        using var activity = MeetStreamTelemetry.ActivitySource.HasListeners()
            ? MeetStreamTelemetry.ActivitySource.StartActivity($"MeetStream {method} {template}", ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", template);
        activity?.SetTag("server.address", _options.BaseUrl!.Host);

        var started = Stopwatch.GetTimestamp();
        HttpRequestMessage? legacy = null;
        HttpResponseMessage? response = null;
        MeetStreamApiException? exception;
        try
        {
            (Uri Uri, HttpMethod Method)? sent = null;
            if (call.Request is { } request)
            {
                legacy = request.ToHttpRequestMessage(_options.BaseUrl!);
                ApplyHeaders(legacy);
                legacy.Options.Set(RequestPolicy.Key, new RequestPolicy(request.Idempotent, method, template));
                sent = (legacy.RequestUri!, legacy.Method);
                response = await _http.SendAsync(legacy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                response = await send!(_routes, state, cancellationToken).ConfigureAwait(false);
            }

            // Errors/ErrorResponse refuses redirects (a 3xx, or an answer from another URL than the one sent), reads an
            // error body capped from its stream and redacted, and buffers a success body; null = success.
            exception = await Errors.ErrorResponse.CheckAsync(call, response, sent ?? RouteForwardingHandler.SentOf(response), !throwOnError || IsSuccess(call, response.StatusCode), _options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var wrapped = WrapTransportError(call, ex);
            ClientLog.RequestError(_logger, method, template, elapsed.TotalMilliseconds, wrapped.Message);
            activity?.SetStatus(ActivityStatusCode.Error, wrapped.GetType().Name);
            Record(method, template, null, elapsed);
            throw wrapped;
        }
        catch
        {
            response?.Dispose();
            throw;
        }
        finally
        {
            legacy?.Dispose();
        }

        var duration = Stopwatch.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        var requestId = RequestIdOf(response);
        activity?.SetTag("http.response.status_code", status);
        if (requestId is not null)
        {
            activity?.SetTag("meetstream.request_id", requestId);
        }

        Record(method, template, status, duration);
        if (exception is null)
        {
            ClientLog.RequestCompleted(_logger, method, template, status, duration.TotalMilliseconds, requestId);
            return response;
        }

        try
        {
            ClientLog.RequestFailed(_logger, method, template, status, duration.TotalMilliseconds, exception.RequestId, exception.ApiMessage);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw exception;
        }
        finally
        {
            response.Dispose();
        }
    }

    private static bool IsSuccess(Call call, HttpStatusCode status)
    {
        var code = (int)status;
        if (code == 202 && call.NotReadyOn202)
        {
            return false;
        }

        return code is >= 200 and < 300 || (code == 507 && call.SuccessOn507);
    }

    private static void Record(string method, string template, int? status, TimeSpan duration)
    {
        if (MeetStreamTelemetry.RequestDuration.Enabled)
        {
            MeetStreamTelemetry.RequestDuration.Record(
                duration.TotalSeconds,
                new KeyValuePair<string, object?>("http.request.method", method),
                new KeyValuePair<string, object?>("url.template", template),
                new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }

    private MeetStreamException WrapTransportError(Call call, Exception ex)
    {
        var request = call.Describe();
        var what = $"{request.Method.Method} {request.Path}";
        return ex switch
        {
            TimeoutRejectedException timeout => new MeetStreamTimeoutException(
                $"MeetStream did not answer {what} within {timeout.Timeout.TotalSeconds:0.###} s (MeetStreamClientOptions.{(timeout.Timeout == _options.TotalTimeout ? nameof(MeetStreamClientOptions.TotalTimeout) : nameof(MeetStreamClientOptions.AttemptTimeout))}). Retries were tried where safe; raise the timeout or try again later.",
                timeout.Timeout,
                ex),
            OperationCanceledException => new MeetStreamTimeoutException(
                $"The request {what} was cancelled by the HTTP client's own timeout. Set HttpClient.Timeout to Timeout.InfiniteTimeSpan and use MeetStreamClientOptions timeouts instead.",
                _options.AttemptTimeout,
                ex),
            HttpRequestException http => new MeetStreamConnectionException(
                $"Could not complete {what} against {_options.BaseUrl!.Host}: {http.Message}{(http.InnerException is { } inner ? " (" + inner.Message + ")" : string.Empty)}. Check the network and MeetStreamClientOptions.BaseUrl; {(request.Idempotent ? "the SDK retried the request where it was safe" : "the request is not safe to repeat, so it was not retried once it may have reached the server")}.",
                ex),
            IOException io => new MeetStreamConnectionException($"The connection broke during {what}: {io.Message}.", ex),
            _ => new MeetStreamException($"Unexpected failure during {what}: {ex.Message}", ex),
        };
    }

    private MeetStreamErrorDetails Details(ApiRequest request, HttpResponseMessage response, byte[] body, string? apiMessage) =>
        Errors.ErrorResponse.Details(request, response, body, _options.ApiKey) with { ApiMessage = apiMessage };

    private static JsonElement? TryParse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;
}

/// <summary>Calls one generated Refit route method with the call's arguments.</summary>
/// <typeparam name="TState">The arguments, usually a value tuple.</typeparam>
/// <param name="routes">The generated routes.</param>
/// <param name="state">The arguments.</param>
/// <param name="cancellationToken">Cancels the call.</param>
/// <returns>The response, received with headers-read and not yet interpreted.</returns>
internal delegate Task<HttpResponseMessage> RouteSend<in TState>(MeetStreamRoutes routes, TState state, CancellationToken cancellationToken);

/// <summary>What the transport needs of one call, whether it goes through a Refit route or an <see cref="ApiRequest"/>.</summary>
internal readonly struct Call
{
    private readonly RouteCall _route;

    public Call(RouteCall route)
    {
        _route = route;
        Request = null;
    }

    public Call(ApiRequest request)
    {
        _route = default;
        Request = request;
    }

    /// <summary>Gets the request when the call does not go through a Refit route.</summary>
    public ApiRequest? Request { get; }

    public HttpMethod Method => Request?.Method ?? _route.Route.Method;

    public string Template => Request?.Template ?? _route.Route.Template;

    public bool NotReadyOn202 => Request?.NotReadyOn202 ?? _route.Route.NotReadyOn202;

    public bool SuccessOn507 => Request?.SuccessOn507 ?? _route.Route.SuccessOn507;

    /// <summary>Describes the call for error messages (built on failure only for routes).</summary>
    public ApiRequest Describe() => Request ?? _route.Describe();
}

/// <summary>A successful response: the value, its status and request id.</summary>
/// <typeparam name="T">The body type.</typeparam>
internal readonly record struct ApiResponse<T>(T Value, HttpStatusCode StatusCode, string? RequestId);

/// <summary>Helpers for sub-client methods that return only the value of a response.</summary>
internal static class ApiResponse
{
    /// <summary>Awaits a transport call and returns its value, for methods that need neither status nor request id.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="response">The transport call.</param>
    /// <returns>The value.</returns>
    public static async Task<T> ValueAsync<T>(Task<ApiResponse<T>> response) => (await response.ConfigureAwait(false)).Value;
}
