using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Bring-your-own-bucket storage configuration (§2.6); credentials are stored but never returned.</summary>
internal sealed class StorageRoutes(StorageConfigStore storage)
{
    public ApiResult Set(ApiCall call)
    {
        var type = call.Query("config_type");
        if (type is not ("storage" or "StorageConfig"))
        {
            throw ApiError.BadRequest("The config_type query parameter must be 'storage' (or 'StorageConfig')");
        }

        var body = call.Body();
        var provider = Json.RequiredStr(body, "provider", "\"aws\" or \"alibaba_oss\"");
        if (provider is not ("aws" or "alibaba_oss"))
        {
            throw ApiError.BadRequest($"provider must be aws or alibaba_oss; got '{provider}'");
        }

        var bucket = Json.RequiredStr(body, "bucket_name", "the bucket's name");
        var region = Json.RequiredStr(body, "region", "the bucket's region");
        Json.RequiredStr(body, "access_key_id", "the access key id");
        Json.RequiredStr(body, "secret_key", "the secret access key");
        var mode = Json.Str(body, "access_mode") ?? "read_write";
        if (mode is not ("read_write" or "write_only"))
        {
            throw ApiError.BadRequest($"access_mode must be read_write or write_only; got '{mode}'");
        }

        var endpoint = Json.Str(body, "endpoint_url");
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw ApiError.BadRequest("endpoint_url must be an absolute http(s) URL");
        }

        var prefixes = Json.Obj(body, "prefixes");
        storage.Current = new JsonObject
        {
            ["provider"] = provider,
            ["bucket_name"] = bucket,
            ["region"] = region,
            ["access_mode"] = mode,
            ["prefix"] = Json.Str(body, "prefix") ?? "meetstream",
            ["prefixes"] = new JsonObject
            {
                ["audio"] = Json.Str(prefixes, "audio") ?? "audio",
                ["video"] = Json.Str(prefixes, "video") ?? "video",
                ["transcript"] = Json.Str(prefixes, "transcript") ?? "transcript",
                ["metadata"] = Json.Str(prefixes, "metadata") ?? "metadata",
            },
            ["endpoint_url"] = endpoint ?? (provider == "alibaba_oss" ? $"https://s3.oss-{region}.aliyuncs.com" : $"https://s3.{region}.amazonaws.com"),
        };
        return ApiResult.Ok(new JsonObject { ["message"] = "Storage configuration saved successfully" });
    }

    public ApiResult Get(ApiCall call) =>
        storage.Current is not { } current ? throw ApiError.NotFound("No storage configuration is set") : ApiResult.Ok(current.DeepClone());

    public ApiResult Delete(ApiCall call)
    {
        var key = call.Query("key_name");
        if (string.IsNullOrWhiteSpace(key))
        {
            throw ApiError.BadRequest("The key_name query parameter is required (e.g. key_name=aws)");
        }

        if (storage.Current is not { } current || !string.Equals(Json.Str(current, "provider"), key, StringComparison.Ordinal))
        {
            throw ApiError.NotFound($"No storage configuration for '{key}'");
        }

        storage.Current = null;
        return ApiResult.Ok(new JsonObject { ["message"] = "Storage configuration deleted successfully" });
    }
}
