using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MeetStream.Client.Lambda.Secrets;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// Reads secrets for a Lambda function, cached per warm execution environment. For a setting <c>NAME</c> it uses, in
/// order: the environment variable <c>NAME</c> itself; <c>NAME_SECRET_ID</c> (a Secrets Manager secret name or ARN,
/// with <c>NAME_SECRET_JSON_KEY</c> to pick one property of a JSON secret); or <c>NAME_PARAMETER</c> (a Parameter
/// Store name, decrypted). The last two go through the AWS Parameters and Secrets Lambda Extension's local HTTP
/// endpoint, so no Secrets Manager or SSM SDK is needed.
/// </summary>
public sealed class LambdaSecretProvider : IDisposable
{
    private readonly LambdaSecretProviderOptions _options;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>Initializes a provider.</summary>
    /// <param name="options">Settings; <see langword="null"/> for Lambda's defaults.</param>
    public LambdaSecretProvider(LambdaSecretProviderOptions? options = null)
    {
        _options = options ?? new LambdaSecretProviderOptions();
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Reads a secret, or <see langword="null"/> when none of <c>NAME</c>, <c>NAME_SECRET_ID</c> or <c>NAME_PARAMETER</c> is set.</summary>
    /// <param name="name">The setting, e.g. <c>MEETSTREAM_API_KEY</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    /// <exception cref="LambdaSecretException">A reference is set but the extension could not return the value.</exception>
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var now = _options.TimeProvider.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && (_options.CacheDuration is not { } ttl || now - cached.ReadAt < ttl))
        {
            return cached.Value;
        }

        var value = await ReadAsync(name, cancellationToken).ConfigureAwait(false);
        _cache[name] = (value, now);
        return value;
    }

    /// <summary>Reads a secret that must be configured.</summary>
    /// <param name="name">The setting, e.g. <c>MEETSTREAM_API_KEY</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value.</returns>
    /// <exception cref="LambdaSecretException">Nothing is configured for it, or the extension failed.</exception>
    public async Task<string> GetRequiredAsync(string name, CancellationToken cancellationToken = default) =>
        await GetAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw new LambdaSecretException($"The secret {name} is not configured: set the environment variable {name}, or {name}_SECRET_ID (a Secrets Manager secret) or {name}_PARAMETER (a Parameter Store name) to read it through the AWS Parameters and Secrets Lambda Extension.");

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"LambdaSecretProvider {{ Cached = {_cache.Count} }}";

    private async Task<string?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var direct = _options.GetEnvironmentVariable(name);
        if (!string.IsNullOrEmpty(direct))
        {
            return direct;
        }

        var secretId = _options.GetEnvironmentVariable(name + "_SECRET_ID");
        if (!string.IsNullOrWhiteSpace(secretId))
        {
            var document = await CallExtensionAsync(name, "secret " + secretId, "secretsmanager/get?secretId=" + Uri.EscapeDataString(secretId), cancellationToken).ConfigureAwait(false);
            var secret = Deserialize(document, LambdaJsonContext.Default.SecretValueResponse, name, secretId)?.SecretString
                ?? throw new LambdaSecretException($"The secret {secretId} (for {name}) has no SecretString; binary secrets are not supported.");
            var jsonKey = _options.GetEnvironmentVariable(name + "_SECRET_JSON_KEY");
            return string.IsNullOrWhiteSpace(jsonKey) ? secret : PickProperty(secret, jsonKey, name, secretId);
        }

        var parameter = _options.GetEnvironmentVariable(name + "_PARAMETER");
        if (!string.IsNullOrWhiteSpace(parameter))
        {
            var document = await CallExtensionAsync(name, "parameter " + parameter, "systemsmanager/parameters/get?name=" + Uri.EscapeDataString(parameter) + "&withDecryption=true", cancellationToken).ConfigureAwait(false);
            return Deserialize(document, LambdaJsonContext.Default.ParameterResponse, name, parameter)?.Parameter?.Value
                ?? throw new LambdaSecretException($"The parameter {parameter} (for {name}) came back without a value.");
        }

        return null;
    }

    private async Task<byte[]> CallExtensionAsync(string name, string what, string pathAndQuery, CancellationToken cancellationToken)
    {
        var token = _options.SessionToken ?? _options.GetEnvironmentVariable("AWS_SESSION_TOKEN");
        if (string.IsNullOrEmpty(token))
        {
            throw new LambdaSecretException($"Cannot read {what} for {name}: AWS_SESSION_TOKEN is not set, and the Parameters and Secrets extension requires it. This only works inside Lambda; set {name} directly when running elsewhere.");
        }

        var endpoint = _options.ExtensionEndpoint ?? new Uri("http://localhost:" + (_options.GetEnvironmentVariable(LambdaSecretProviderOptions.PortEnvironmentVariable) ?? "2773") + "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, pathAndQuery));
        request.Headers.TryAddWithoutValidation("X-Aws-Parameters-Secrets-Token", token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new LambdaSecretException($"Cannot read {what} for {name}: the Parameters and Secrets extension at {endpoint} did not answer ({ex.Message}). Add the AWS-Parameters-and-Secrets-Lambda-Extension layer to the function.", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var hint = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
                    ? " Check that the function's role may read it (secretsmanager:GetSecretValue or ssm:GetParameter, and kms:Decrypt for customer keys) and that the name is right."
                    : string.Empty;
                throw new LambdaSecretException($"Cannot read {what} for {name}: the Parameters and Secrets extension answered {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}.{hint}");
            }

            return body;
        }
    }

    private static T? Deserialize<T>(byte[] document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string name, string id)
    {
        try
        {
            return JsonSerializer.Deserialize(document, type);
        }
        catch (JsonException ex)
        {
            throw new LambdaSecretException($"The Parameters and Secrets extension returned a document for {id} (for {name}) that is not the documented JSON.", ex);
        }
    }

    private static string PickProperty(string secret, string jsonKey, string name, string secretId)
    {
        try
        {
            using var json = JsonDocument.Parse(secret);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(jsonKey, out var property))
            {
                return property.ValueKind == JsonValueKind.String ? property.GetString()! : property.GetRawText();
            }
        }
        catch (JsonException)
        {
            // fall through to the error below; never echo the secret
        }

        throw new LambdaSecretException($"The secret {secretId} (for {name}) is not a JSON object with the property '{jsonKey}' named by {name}_SECRET_JSON_KEY.");
    }
}
