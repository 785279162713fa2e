using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One participant (or screen share) of <see cref="BotRecordingStreams"/> with its video tracks.</summary>
public sealed class RecordingStreamsParticipant : MeetStreamObject
{
    /// <summary>Gets the participant's display name (names can collide; tell tracks apart by stream id).</summary>
    [JsonPropertyName("participant_name")]
    public string? ParticipantName { get; init; }

    /// <summary>Gets the tracks.</summary>
    [JsonPropertyName("streams")]
    public IReadOnlyList<RecordedVideoStream>? Streams { get; init; }
}
