using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using MeetStream.Client.Lambda.Storage;

namespace MeetStream.Client.Lambda;

/// <summary>
/// <see cref="ITranscriptStore"/> on S3. Objects are <c>application/json</c> under
/// <c>{prefix}{bot_id}/{transcript_id}.json</c> (the transcript) and <c>{prefix}{bot_id}/{transcript_id}.analytics.json</c>
/// (its talk-time analytics) with the ids as metadata; uploads are sent whole
/// (<c>UseChunkEncoding = false</c>), which works against S3 and S3-compatible emulators alike.
/// </summary>
public sealed class S3TranscriptStore : ITranscriptStore
{
    private readonly IAmazonS3 _s3;
    private readonly S3TranscriptStoreOptions _options;

    /// <summary>Initializes the store over an S3 client (build it once per execution environment).</summary>
    /// <param name="s3">The S3 client.</param>
    /// <param name="options">Bucket, prefix and clock.</param>
    public S3TranscriptStore(IAmazonS3 s3, S3TranscriptStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BucketName))
        {
            throw new ArgumentException("S3TranscriptStoreOptions.BucketName must name the transcripts bucket.", nameof(options));
        }

        _s3 = s3;
        _options = options;
    }

    /// <summary>Gets the key a transcript is stored under.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="transcriptId">The transcript id.</param>
    /// <returns>The object key.</returns>
    public string KeyFor(string botId, string transcriptId)
    {
        RequireId(botId, nameof(botId));
        RequireId(transcriptId, nameof(transcriptId));
        return _options.KeyPrefix + Uri.EscapeDataString(botId) + "/" + Uri.EscapeDataString(transcriptId) + ".json";
    }

    /// <summary>Gets the key a transcript's analytics are stored under: the transcript's key with <c>.analytics.json</c> for <c>.json</c>.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="transcriptId">The transcript id.</param>
    /// <returns>The object key.</returns>
    public string AnalyticsKeyFor(string botId, string transcriptId)
    {
        var transcriptKey = KeyFor(botId, transcriptId);
        return string.Concat(transcriptKey.AsSpan(0, transcriptKey.Length - ".json".Length), ".analytics.json");
    }

    /// <inheritdoc />
    public Task<string> PutAsync(string botId, string transcriptId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        PutObjectAsync(KeyFor(botId, transcriptId), botId, transcriptId, json, cancellationToken);

    /// <inheritdoc />
    public Task<string> PutAnalyticsAsync(string botId, string transcriptId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        PutObjectAsync(AnalyticsKeyFor(botId, transcriptId), botId, transcriptId, json, cancellationToken);

    private async Task<string> PutObjectAsync(string key, string botId, string transcriptId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(json.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _options.BucketName,
            Key = key,
            InputStream = body,
            ContentType = "application/json",
            UseChunkEncoding = false,
            AutoCloseStream = false,
        };
        request.Metadata.Add("bot-id", botId);
        request.Metadata.Add("transcript-id", transcriptId);
        await AwsCall.RunAsync("S3", "PutObject", _options.BucketName + "/" + key, () => _s3.PutObjectAsync(request, cancellationToken)).ConfigureAwait(false);
        return key;
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        RequireId(key, nameof(key));
        return await AwsCall.RunAsync<byte[]?>("S3", "GetObject", _options.BucketName + "/" + key, async () =>
        {
            try
            {
                using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _options.BucketName, Key = key }, cancellationToken).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                return buffer.ToArray();
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.ErrorCode == "NoSuchKey")
            {
                return null;
            }
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Uri> CreateDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        RequireId(key, nameof(key));
        if (validFor <= TimeSpan.Zero || validFor > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, "A download URL must be valid for more than zero and at most 7 days (the SigV4 limit).");
        }

        return AwsCall.RunAsync("S3", "GetPreSignedURL", _options.BucketName + "/" + key, async () => new Uri(await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _options.BucketName,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = _s3.Config.UseHttp || (_s3.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ?? false) ? Protocol.HTTP : Protocol.HTTPS,
            Expires = (_options.TimeProvider.GetUtcNow() + validFor).UtcDateTime,
        }).ConfigureAwait(false)));
    }

    private static void RequireId(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space.", parameterName);
        }
    }
}
