using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The answer to <c>DELETE /bots/{bot_id}/delete</c>: the bot's audio, video and transcripts are gone for good (a
/// <c>data_deletion</c> webhook follows).
/// </summary>
public sealed class DeleteBotDataResult : MeetStreamObject
{
    /// <summary>Gets MeetStream's message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets how many stored objects were deleted.</summary>
    [JsonPropertyName("deleted_objects")]
    public int? DeletedObjects { get; init; }
}
