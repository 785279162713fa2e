using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The answer to <c>GET /bots/{bot_id}/remove_bot</c>: the bot is leaving; its data is kept.</summary>
public sealed class RemoveBotResult : MeetStreamObject
{
    /// <summary>Gets MeetStream's message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
