using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>What <c>DELETE /calendar/scheduled_bots/{bot_id}</c> answers.</summary>
public sealed class DeleteScheduledBotResponse : MeetStreamObject
{
    /// <summary>A human-readable result message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The deleted bot's id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }
}
