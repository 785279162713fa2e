namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="S3TranscriptStore"/>.</summary>
public sealed class S3TranscriptStoreOptions
{
    /// <summary>Gets or sets the bucket.</summary>
    public required string BucketName { get; set; }

    /// <summary>Gets or sets the key prefix; keys are <c>{prefix}{bot_id}/{transcript_id}.json</c>. Default <c>transcripts/</c>.</summary>
    public string KeyPrefix { get; set; } = "transcripts/";

    /// <summary>Gets or sets the clock for download URL expiry; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
