using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One participant of <see cref="BotAudioStreams"/> with their audio tracks.</summary>
public sealed class AudioStreamsParticipant : MeetStreamObject
{
    /// <summary>Gets the participant's display name (names can collide; tell tracks apart by stream id).</summary>
    [JsonPropertyName("participant_name")]
    public string? ParticipantName { get; init; }

    /// <summary>Gets the participant's tracks.</summary>
    [JsonPropertyName("streams")]
    public IReadOnlyList<RecordedAudioStream>? Streams { get; init; }
}
