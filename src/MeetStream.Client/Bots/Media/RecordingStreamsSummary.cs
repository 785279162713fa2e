using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Totals of <see cref="BotRecordingStreams"/>.</summary>
public sealed class RecordingStreamsSummary : MeetStreamObject
{
    /// <summary>Gets how many participants have webcam tracks.</summary>
    [JsonPropertyName("total_participants")]
    public int? TotalParticipants { get; init; }

    /// <summary>Gets how many screen shares were recorded.</summary>
    [JsonPropertyName("total_screenshares")]
    public int? TotalScreenshares { get; init; }

    /// <summary>Gets how many segment files exist in all.</summary>
    [JsonPropertyName("total_segments")]
    public int? TotalSegments { get; init; }
}
