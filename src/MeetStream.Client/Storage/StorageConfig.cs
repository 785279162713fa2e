using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The account's bring-your-own bucket configuration as <c>GET /admin/configs</c> returns it: never with
/// credentials. Fields MeetStream adds are in <see cref="MeetStreamObject.AdditionalProperties"/> and the whole
/// answer in <see cref="Json"/>.
/// </summary>
public sealed class StorageConfig : MeetStreamObject
{
    /// <summary>The cloud: <c>aws</c> or <c>alibaba_oss</c>.</summary>
    [JsonPropertyName("provider")]
    public StorageProvider? Provider { get; init; }

    /// <summary>The bucket's name.</summary>
    [JsonPropertyName("bucket_name")]
    public string? BucketName { get; init; }

    /// <summary>The bucket's region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary><c>read_write</c> or <c>write_only</c>.</summary>
    [JsonPropertyName("access_mode")]
    public StorageAccessMode? AccessMode { get; init; }

    /// <summary>The base key prefix.</summary>
    [JsonPropertyName("prefix")]
    public string? Prefix { get; init; }

    /// <summary>Prefix overrides per kind of file.</summary>
    [JsonPropertyName("prefixes")]
    public StoragePrefixes? Prefixes { get; init; }

    /// <summary>The custom S3-compatible endpoint, if any.</summary>
    [JsonPropertyName("endpoint_url")]
    public string? EndpointUrl { get; init; }

    /// <summary>Gets whether a bucket is configured (MeetStream writes to its own bucket otherwise).</summary>
    [JsonIgnore]
    public bool IsConfigured => !string.IsNullOrEmpty(BucketName);

    /// <summary>Gets the answer exactly as MeetStream sent it.</summary>
    [JsonIgnore]
    public JsonElement Json { get; internal set; }
}
