using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Per-participant video tracks and screen shares from <c>GET /bots/{bot_id}/get_recording_streams</c> (bots created
/// with <c>video_separate_streams</c>; all platforms). WebM/VP8 at 15 fps, video only, up to 6 webcams; segment URLs
/// are valid for about ten minutes. MeetStream answers 202 (with a <c>stage</c>) while processing.
/// </summary>
public sealed class BotRecordingStreams : MeetStreamObject
{
    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the processing state, e.g. <c>Success</c>.</summary>
    [JsonPropertyName("video_status")]
    public string? VideoStatus { get; init; }

    /// <summary>Gets whether per-participant video exists for this bot.</summary>
    [JsonPropertyName("recording_streams_available")]
    public bool? RecordingStreamsAvailable { get; init; }

    /// <summary>Gets the participants' webcam tracks.</summary>
    [JsonPropertyName("participants")]
    public IReadOnlyList<RecordingStreamsParticipant>? Participants { get; init; }

    /// <summary>Gets the screen shares, in the same shape as participants.</summary>
    [JsonPropertyName("screenshares")]
    public IReadOnlyList<RecordingStreamsParticipant>? Screenshares { get; init; }

    /// <summary>Gets the totals.</summary>
    [JsonPropertyName("summary")]
    public RecordingStreamsSummary? Summary { get; init; }

    /// <summary>Gets the processing stage, if sent.</summary>
    [JsonPropertyName("stage")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Stage { get; init; }

    /// <summary>Gets MeetStream's message, if any.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
