using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The meeting chat captured by a bot, from <c>GET /bots/{bot_id}/get_chats</c> (camelCase keys on the wire):
/// session facts, speakers, messages, and the messages grouped by speaker.
/// </summary>
public sealed class MeetingChats : MeetStreamObject
{
    /// <summary>Gets facts about the chat session.</summary>
    [JsonPropertyName("metadata")]
    public MeetingChatMetadata? Metadata { get; init; }

    /// <summary>Gets the people who wrote in the chat.</summary>
    [JsonPropertyName("speakers")]
    public IReadOnlyList<MeetingChatSpeaker>? Speakers { get; init; }

    /// <summary>Gets the messages in order.</summary>
    [JsonPropertyName("chatMessages")]
    public IReadOnlyList<MeetingChatMessage>? ChatMessages { get; init; }

    /// <summary>Gets the messages grouped by speaker (shape not documented; kept as JSON).</summary>
    [JsonPropertyName("messagesBySpeaker")]
    public IReadOnlyDictionary<string, JsonElement>? MessagesBySpeaker { get; init; }

    /// <summary>Gets facts about how MeetStream stored the chat.</summary>
    [JsonPropertyName("serverMetadata")]
    public MeetingChatServerMetadata? ServerMetadata { get; init; }
}
