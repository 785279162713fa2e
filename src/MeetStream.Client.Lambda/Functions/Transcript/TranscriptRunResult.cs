using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>What one run of the transcript function did, per session.</summary>
public sealed class TranscriptRunResult
{
    /// <summary>Gets the outcome per session.</summary>
    [JsonPropertyName("results")]
    public required IReadOnlyList<TranscriptSessionResult> Results { get; init; }

    /// <summary>Gets the stream records to retry (DynamoDB Streams with <c>ReportBatchItemFailures</c>); <see langword="null"/> for other triggers.</summary>
    [JsonPropertyName("batchItemFailures")]
    public IReadOnlyList<StreamBatchItemFailure>? BatchItemFailures { get; init; }
}

/// <summary>The outcome for one session.</summary>
public sealed class TranscriptSessionResult
{
    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public required string BotId { get; init; }

    /// <summary>
    /// Gets what happened: <c>stored</c>, <c>already_final</c>, <c>claimed_elsewhere</c>, <c>not_ready</c> (retry
    /// scheduled), <c>still_running</c>, <c>waiting</c>, <c>flagged</c>, <c>unknown_session</c>, <c>skipped</c> or
    /// <c>failed</c>.
    /// </summary>
    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    /// <summary>Gets the transcript id, when known.</summary>
    [JsonPropertyName("transcript_id")]
    public string? TranscriptId { get; init; }

    /// <summary>Gets the S3 key the transcript was written to.</summary>
    [JsonPropertyName("s3_key")]
    public string? S3Key { get; init; }

    /// <summary>Gets the S3 key the talk-time analytics were written to (beside the transcript), when they were.</summary>
    [JsonPropertyName("analytics_s3_key")]
    public string? AnalyticsS3Key { get; init; }

    /// <summary>Gets the reason for <c>not_ready</c>, <c>flagged</c> or <c>failed</c>, or why no analytics were stored.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}

/// <summary>One stream record Lambda should deliver again (partial batch response).</summary>
public sealed class StreamBatchItemFailure
{
    /// <summary>Gets the record's sequence number.</summary>
    [JsonPropertyName("itemIdentifier")]
    public required string ItemIdentifier { get; init; }
}
