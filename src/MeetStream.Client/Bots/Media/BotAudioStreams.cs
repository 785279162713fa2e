using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Per-participant audio tracks from <c>GET /bots/{bot_id}/get_audio_streams</c> (bots created with
/// <c>audio_separate_streams</c>; Google Meet and Zoom). WebM/Opus, 48 kHz mono, up to 16 speakers; segment URLs are
/// valid for about ten minutes. MeetStream answers 202 while the bot is in the meeting or processing.
/// </summary>
public sealed class BotAudioStreams : MeetStreamObject
{
    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the processing state, e.g. <c>Success</c>.</summary>
    [JsonPropertyName("audio_status")]
    public string? AudioStatus { get; init; }

    /// <summary>Gets whether per-participant audio exists for this bot.</summary>
    [JsonPropertyName("audio_streams_available")]
    public bool? AudioStreamsAvailable { get; init; }

    /// <summary>Gets the participants and their tracks.</summary>
    [JsonPropertyName("participants")]
    public IReadOnlyList<AudioStreamsParticipant>? Participants { get; init; }

    /// <summary>Gets the totals.</summary>
    [JsonPropertyName("summary")]
    public AudioStreamsSummary? Summary { get; init; }

    /// <summary>Gets MeetStream's message, if any.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
