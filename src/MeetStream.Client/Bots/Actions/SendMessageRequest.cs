using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /bots/{bot_id}/send_message</c>: posts a message to the meeting chat as the bot (the REST
/// equivalent of the control channel's <c>sendmsg</c>).
/// </summary>
public sealed class SendMessageRequest : MeetStreamObject
{
    /// <summary>Gets the chat text; must not be empty.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>Gets optional metadata.</summary>
    [JsonPropertyName("metadata")]
    public BotMessageMetadata? Metadata { get; init; }
}
