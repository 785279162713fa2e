using System.Text.Json;
using MeetStream.Client.Http;
using MeetStream.Client.Routes;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IStorageClient"/>.</summary>
internal sealed class StorageClient : IStorageClient
{
    private readonly MeetStreamTransport _transport;

    public StorageClient(MeetStreamTransport transport) => _transport = transport;

    /// <inheritdoc />
    public async Task<StorageConfigResult> SetAsync(StorageConfigRequest request, StorageConfigType? configType = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var type = (configType ?? StorageConfigType.Storage).Value;
        RequireValue(type, nameof(configType));
        var response = await _transport.SendAsync(
            new RouteCall(StorageRoutes.SetConfig),
            (type, request),
            static (routes, state, ct) => routes.Storage.SetConfig(state.type, state.request, StorageRoutes.SetConfig.Policy, ct),
            cancellationToken).ConfigureAwait(false);
        return ResultOf(response.Value);
    }

    /// <inheritdoc />
    public async Task<StorageConfig> GetAsync(CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(
            new RouteCall(StorageRoutes.GetConfig),
            0,
            static (routes, _, ct) => routes.Storage.GetConfig(StorageRoutes.GetConfig.Policy, ct),
            cancellationToken).ConfigureAwait(false);
        return ConfigOf(response.Value);
    }

    /// <inheritdoc />
    public async Task<StorageConfigResult> DeleteAsync(string keyName = "aws", CancellationToken cancellationToken = default)
    {
        RequireValue(keyName, nameof(keyName));
        var response = await _transport.SendAsync(
            new RouteCall(StorageRoutes.DeleteConfig),
            keyName,
            static (routes, keyName, ct) => routes.Storage.DeleteConfig(keyName, StorageRoutes.DeleteConfig.Policy, ct),
            cancellationToken).ConfigureAwait(false);
        return ResultOf(response.Value);
    }

    internal static void Validate(StorageConfigRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(request.Provider.Value, "Provider (provider)", "StorageProvider.Aws or StorageProvider.AlibabaOss");
        Require(request.BucketName, "BucketName (bucket_name)", "the bucket's name");
        Require(request.Region, "Region (region)", "the bucket's region, e.g. us-east-1");
        Require(request.AccessKeyId, "AccessKeyId (access_key_id)", "the access key id");
        Require(request.SecretKey, "SecretKey (secret_key)", "the secret access key");
        if (request.EndpointUrl is { } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"StorageConfigRequest.EndpointUrl (endpoint_url) must be an absolute http(s) URL such as https://<account>.r2.cloudflarestorage.com; got '{endpoint}'.", nameof(request));
        }

        CheckPrefix(request.Prefix, "Prefix (prefix)");
        CheckPrefix(request.Prefixes?.Audio, "Prefixes.Audio");
        CheckPrefix(request.Prefixes?.Video, "Prefixes.Video");
        CheckPrefix(request.Prefixes?.Transcript, "Prefixes.Transcript");
        CheckPrefix(request.Prefixes?.Metadata, "Prefixes.Metadata");
    }

    /// <summary>Reads the configuration from the answer, unwrapping a single wrapper object if MeetStream adds one.</summary>
    internal static StorageConfig ConfigOf(JsonElement? answer)
    {
        if (answer is not { ValueKind: JsonValueKind.Object } root)
        {
            return new StorageConfig { Json = answer ?? default };
        }

        var source = root;
        if (!root.TryGetProperty("bucket_name", out _) && !root.TryGetProperty("provider", out _))
        {
            foreach (var name in (ReadOnlySpan<string>)["storage", "config", "storage_config", "StorageConfig", "configs"])
            {
                if (root.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Object)
                {
                    source = inner;
                    break;
                }
            }
        }

        var config = source.Deserialize(MeetStreamJsonContext.Default.StorageConfig) ?? new StorageConfig();
        config.Json = root;
        return config;
    }

    private static StorageConfigResult ResultOf(JsonElement? answer) =>
        answer is { ValueKind: JsonValueKind.Object } json
            ? json.Deserialize(MeetStreamJsonContext.Default.StorageConfigResult) ?? new StorageConfigResult()
            : new StorageConfigResult();

    private static void Require(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"StorageConfigRequest.{field} is required: set {what}.", "request");
        }
    }

    private static void CheckPrefix(string? prefix, string field)
    {
        if (prefix is not null && prefix.Split('/', '\\').Any(segment => segment == ".."))
        {
            throw new ArgumentException($"StorageConfigRequest.{field} must not contain '..' segments; got '{prefix}'.", "request");
        }
    }

    private static void RequireValue(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space.", parameterName);
        }
    }
}
