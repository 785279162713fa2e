using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Optional metadata of a chat message or image sent through the bot (<c>metadata</c>).</summary>
public sealed class BotMessageMetadata : MeetStreamObject
{
    /// <summary>Gets your label for the kind of message (<c>message_type</c>); values are not documented.</summary>
    [JsonPropertyName("message_type")]
    public string? MessageType { get; init; }
}
