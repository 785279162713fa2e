using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Totals of <see cref="BotAudioStreams"/>.</summary>
public sealed class AudioStreamsSummary : MeetStreamObject
{
    /// <summary>Gets how many participants have tracks.</summary>
    [JsonPropertyName("total_participants")]
    public int? TotalParticipants { get; init; }

    /// <summary>Gets how many segment files exist in all.</summary>
    [JsonPropertyName("total_segments")]
    public int? TotalSegments { get; init; }
}
