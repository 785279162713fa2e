using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>PUT /admin/configs?config_type=storage</c>: MeetStream writes bot media (audio, video, transcripts,
/// metadata) into your own bucket under <c>{prefix}/{bot_id}_&lt;file&gt;</c>. Use a dedicated IAM user scoped to the
/// bucket. Only one configuration is active; changes affect future bots only. <see cref="ToString"/> masks the secret.
/// </summary>
public sealed class StorageConfigRequest : MeetStreamObject
{
    /// <summary><c>aws</c> (S3 and S3-compatible stores through <see cref="EndpointUrl"/>) or <c>alibaba_oss</c>.</summary>
    [JsonPropertyName("provider")]
    public required StorageProvider Provider { get; init; }

    /// <summary>The bucket's name.</summary>
    [JsonPropertyName("bucket_name")]
    public required string BucketName { get; init; }

    /// <summary>The bucket's region, e.g. <c>us-east-1</c>.</summary>
    [JsonPropertyName("region")]
    public required string Region { get; init; }

    /// <summary>The access key id of the credentials MeetStream writes with.</summary>
    [JsonPropertyName("access_key_id")]
    public required string AccessKeyId { get; init; }

    /// <summary>The secret access key. Write-only: MeetStream never returns it and this SDK never prints it.</summary>
    [JsonPropertyName("secret_key")]
    public required string SecretKey { get; init; }

    /// <summary>
    /// <c>read_write</c> (default; MeetStream checks the bucket with HeadBucket and its fetch endpoints keep working) or
    /// <c>write_only</c> (MeetStream writes probe objects; its fetch endpoints answer 403 for that media).
    /// </summary>
    [JsonPropertyName("access_mode")]
    public StorageAccessMode? AccessMode { get; init; }

    /// <summary>The base key prefix (MeetStream's default <c>meetstream</c>); slashes at the ends are stripped, <c>..</c> is rejected.</summary>
    [JsonPropertyName("prefix")]
    public string? Prefix { get; init; }

    /// <summary>Prefix overrides per kind of file.</summary>
    [JsonPropertyName("prefixes")]
    public StoragePrefixes? Prefixes { get; init; }

    /// <summary>
    /// A custom S3-compatible endpoint (MinIO, Cloudflare R2); omit for AWS S3. For Alibaba OSS the default is
    /// <c>https://s3.oss-&lt;region&gt;.aliyuncs.com</c>.
    /// </summary>
    [JsonPropertyName("endpoint_url")]
    public string? EndpointUrl { get; init; }

    /// <summary>Describes the configuration with the secret key masked and the access key id shortened.</summary>
    /// <returns>A one-line description that never contains the secret.</returns>
    public override string ToString() =>
        $"StorageConfigRequest {{ Provider = {Provider}, BucketName = {BucketName}, Region = {Region}, AccessKeyId = {MaskKeyId(AccessKeyId)}, SecretKey = {(string.IsNullOrEmpty(SecretKey) ? "(not set)" : "***")}, AccessMode = {AccessMode}, Prefix = {Prefix}, EndpointUrl = {EndpointUrl} }}";

    private static string MaskKeyId(string? id) =>
        string.IsNullOrEmpty(id) ? "(not set)" : id.Length <= 4 ? "***" : id[..4] + "***";
}
