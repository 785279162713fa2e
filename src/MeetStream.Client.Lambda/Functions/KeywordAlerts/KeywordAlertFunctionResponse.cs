using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>The JSON body the keyword-alert function answers with (for logs and tests; MeetStream only looks at the status).</summary>
public sealed class KeywordAlertFunctionResponse
{
    /// <summary>
    /// Gets what happened: <c>processed</c>, <c>ignored</c> (not a live transcript chunk), <c>unauthorized</c>,
    /// <c>invalid</c>, <c>method_not_allowed</c> or <c>queue_failed</c>.
    /// </summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Gets the bot id, when the body was read.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the number of new keyword hits in this chunk.</summary>
    [JsonPropertyName("hits")]
    public int Hits { get; init; }

    /// <summary>Gets the number of messages sent to the queue by this invocation (new hits and earlier unsent ones).</summary>
    [JsonPropertyName("sent")]
    public int Sent { get; init; }

    /// <summary>Gets the number of hits kept to be sent again with the next invocation (the queue failed).</summary>
    [JsonPropertyName("pending")]
    public int Pending { get; init; }

    /// <summary>Gets why the delivery was refused or failed.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
