using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MeetStream.Client.Diagnostics;
using MeetStream.Client.Resilience;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace MeetStream.Client.Http;

/// <summary>
/// Sends <see cref="ApiRequest"/>s: adds authentication and standard headers, traces and logs each call, maps
/// statuses to results or typed exceptions, and reads JSON through the source-generated context. Shared by every
/// sub-client of one <see cref="MeetStreamClient"/>.
/// </summary>
internal sealed class MeetStreamTransport
{
    private readonly Func<HttpClient> _http;
    private readonly MeetStreamClientOptions _options;
    private readonly ILogger _logger;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;

    public MeetStreamTransport(Func<HttpClient> http, MeetStreamClientOptions resolvedOptions, ILogger logger)
    {
        _http = http;
        _options = resolvedOptions;
        _logger = logger;
        _authorization = new AuthenticationHeaderValue("Token", resolvedOptions.ApiKey);
        _userAgent = $"meetstream-dotnet/{MeetStreamTelemetry.Version}" + (string.IsNullOrWhiteSpace(resolvedOptions.ApplicationName) ? string.Empty : " " + resolvedOptions.ApplicationName.Trim());
    }

    /// <summary>Gets the resolved options (key included: never log them).</summary>
    public MeetStreamClientOptions Options => _options;

    /// <summary>Gets the clock for waits and polling.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Sends a request and reads the body as <typeparamref name="T"/>.</summary>
    public async Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        T? value = default;
        try
        {
            if (bytes.Length > 0)
            {
                value = JsonSerializer.Deserialize(bytes, responseType);
            }
        }
        catch (JsonException ex)
        {
            throw new MeetStreamUnexpectedResponseException(
                $"MeetStream answered {request.Method} {request.Path} with {(int)response.StatusCode} but the body is not the documented {typeof(T).Name} JSON: {ex.Message}",
                Details(request, response, bytes, null),
                ex);
        }

        if (bytes.Length == 0 || value is null)
        {
            throw new MeetStreamUnexpectedResponseException(
                $"MeetStream answered {request.Method} {request.Path} with {(int)response.StatusCode} but an empty or null body where {typeof(T).Name} was expected.",
                Details(request, response, bytes, null));
        }

        return new ApiResponse<T>(value, response.StatusCode, RequestIdOf(response));
    }

    /// <summary>Sends a request whose response body does not matter (empty or informational).</summary>
    public async Task<ApiResponse<JsonElement?>> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResponse<JsonElement?>(TryParse(bytes), response.StatusCode, RequestIdOf(response));
    }

    /// <summary>Sends a request and returns the status, headers and raw body without interpreting the status.</summary>
    public async Task<MeetStreamRawResponse> SendRawAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, cancellationToken, throwOnError: false).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        return new MeetStreamRawResponse(response.StatusCode, headers, bytes, RequestIdOf(response));
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRequest request, CancellationToken cancellationToken, bool throwOnError = true)
    {
        using var activity = MeetStreamTelemetry.ActivitySource.HasListeners()
            ? MeetStreamTelemetry.ActivitySource.StartActivity($"MeetStream {request.Method.Method} {request.Template}", ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.Template);
        activity?.SetTag("server.address", _options.BaseUrl!.Host);

        var started = Stopwatch.GetTimestamp();
        using var message = request.ToHttpRequestMessage(_options.BaseUrl!);
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.ParseAdd("application/json");
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        message.Options.Set(RequestPolicy.Key, new RequestPolicy(request.Idempotent, request.Method.Method, request.Template));

        HttpResponseMessage? response = null;
        MeetStreamApiException? exception;
        var sent = (message.RequestUri!, message.Method);
        try
        {
            // Headers first, then Errors/ErrorResponse: refuses redirects, reads an error body capped (from its stream)
            // and redacted, buffers a success body; null = success from the URL we sent to.
            response = await _http().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            exception = await Errors.ErrorResponse.CheckAsync(request, response, sent, !throwOnError || IsSuccess(request, response.StatusCode), _options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var wrapped = WrapTransportError(request, ex);
            ClientLog.RequestError(_logger, request.Method.Method, request.Template, elapsed.TotalMilliseconds, wrapped.Message);
            activity?.SetStatus(ActivityStatusCode.Error, wrapped.GetType().Name);
            Record(request, null, elapsed);
            throw wrapped;
        }
        catch
        {
            response?.Dispose();
            throw;
        }

        var duration = Stopwatch.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        var requestId = RequestIdOf(response);
        activity?.SetTag("http.response.status_code", status);
        if (requestId is not null)
        {
            activity?.SetTag("meetstream.request_id", requestId);
        }

        Record(request, status, duration);
        if (exception is null)
        {
            ClientLog.RequestCompleted(_logger, request.Method.Method, request.Template, status, duration.TotalMilliseconds, requestId);
            return response;
        }

        try
        {
            ClientLog.RequestFailed(_logger, request.Method.Method, request.Template, status, duration.TotalMilliseconds, exception.RequestId, exception.ApiMessage);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw exception;
        }
        finally
        {
            response.Dispose();
        }
    }

    private static bool IsSuccess(ApiRequest request, HttpStatusCode status)
    {
        var code = (int)status;
        if (code == 202 && request.NotReadyOn202)
        {
            return false;
        }

        return code is >= 200 and < 300 || (code == 507 && request.SuccessOn507);
    }

    private static void Record(ApiRequest request, int? status, TimeSpan duration)
    {
        if (MeetStreamTelemetry.RequestDuration.Enabled)
        {
            MeetStreamTelemetry.RequestDuration.Record(
                duration.TotalSeconds,
                new KeyValuePair<string, object?>("http.request.method", request.Method.Method),
                new KeyValuePair<string, object?>("url.template", request.Template),
                new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }

    private MeetStreamException WrapTransportError(ApiRequest request, Exception ex)
    {
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

/// <summary>A successful response: the value, its status and request id.</summary>
/// <typeparam name="T">The body type.</typeparam>
internal readonly record struct ApiResponse<T>(T Value, HttpStatusCode StatusCode, string? RequestId);
