using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Facts about a chat session (<c>metadata</c> of get_chats).</summary>
public sealed class MeetingChatMetadata : MeetStreamObject
{
    /// <summary>Gets the chat session id.</summary>
    [JsonPropertyName("sessionId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? SessionId { get; init; }

    /// <summary>Gets when the session started, as MeetStream wrote it.</summary>
    [JsonPropertyName("startTime")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? StartTime { get; init; }

    /// <summary>Gets when the session last changed, as MeetStream wrote it.</summary>
    [JsonPropertyName("lastUpdated")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? LastUpdated { get; init; }

    /// <summary>Gets how many messages were captured.</summary>
    [JsonPropertyName("totalMessages")]
    public int? TotalMessages { get; init; }

    /// <summary>Gets how many different people wrote.</summary>
    [JsonPropertyName("uniqueSpeakers")]
    public int? UniqueSpeakers { get; init; }

    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("botId")]
    public string? BotId { get; init; }

    /// <summary>Gets the platform's meeting id.</summary>
    [JsonPropertyName("meetingId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? MeetingId { get; init; }
}
