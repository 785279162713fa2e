using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// One keyword hit as the keyword-alert function sends it to the queue: the JSON body of one SQS message (message
/// attributes <c>bot_id</c>, <c>category</c> and <c>keyword</c> repeat the routing fields for subscription filters).
/// </summary>
public sealed class KeywordAlertMessage
{
    /// <summary>The value of <see cref="Type"/>.</summary>
    public const string KeywordHitType = "keyword.hit";

    /// <summary>Gets the message type, always <c>keyword.hit</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = KeywordHitType;

    /// <summary>Gets the bot whose meeting the phrase was spoken in.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the speaker's display name.</summary>
    [JsonPropertyName("speaker")]
    public string? Speaker { get; init; }

    /// <summary>Gets the keyword's phrase as configured.</summary>
    [JsonPropertyName("keyword")]
    public required string Keyword { get; init; }

    /// <summary>Gets the keyword's id, when configured.</summary>
    [JsonPropertyName("keyword_id")]
    public string? KeywordId { get; init; }

    /// <summary>Gets the keyword's category, when configured.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>Gets the words as spoken (e.g. <c>Prices</c> for the keyword <c>price</c>).</summary>
    [JsonPropertyName("matched_text")]
    public required string MatchedText { get; init; }

    /// <summary>Gets the surrounding words.</summary>
    [JsonPropertyName("context")]
    public string? Context { get; init; }

    /// <summary>Gets the chunk's wall-clock time, when MeetStream sent one.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets the offset from the recording start in seconds, when word timings were sent.</summary>
    [JsonPropertyName("offset_seconds")]
    public double? OffsetSeconds { get; init; }

    /// <summary>Gets the bot's custom attributes from the chunk.</summary>
    [JsonPropertyName("custom_attributes")]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>
    /// Gets the hit's stable identity: SHA-256 (hex) of bot, speaker, keyword and occurrence. It is the
    /// <c>MessageDeduplicationId</c> on FIFO queues, so a repeated delivery is not enqueued twice; consumers of standard
    /// queues can deduplicate on it.
    /// </summary>
    [JsonPropertyName("alert_id")]
    public required string AlertId { get; init; }
}
