using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// One stage of <see cref="BotDetails.StatusTimeline"/>: whether the bot reached it, when, and MeetStream's message.
/// </summary>
public sealed class BotStatusTimelineEntry : MeetStreamObject
{
    /// <summary>Gets MeetStream's description of the stage.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets whether the bot reached this stage.</summary>
    [JsonPropertyName("status")]
    public bool? Status { get; init; }

    /// <summary>Gets when the stage was reached, as MeetStream wrote it.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Timestamp { get; init; }
}
