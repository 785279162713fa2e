using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// What a bot records and how: transcription provider, retention, real-time endpoints, separate streams, video layout.
/// </summary>
public sealed class RecordingConfig : MeetStreamObject
{
    /// <summary>The transcription provider.</summary>
    [JsonPropertyName("transcript")]
    public TranscriptConfig? Transcript { get; init; }

    /// <summary>How long media is kept. Set it explicitly.</summary>
    [JsonPropertyName("retention")]
    public RetentionConfig? Retention { get; init; }

    /// <summary>Receivers of participant events.</summary>
    [JsonPropertyName("realtime_endpoints")]
    public IReadOnlyList<RealtimeEndpoint>? RealtimeEndpoints { get; init; }

    /// <summary>Whether to record one audio track per participant (Meet and Zoom).</summary>
    [JsonPropertyName("audio_separate_streams")]
    public bool? AudioSeparateStreams { get; init; }

    /// <summary>Whether to record one video track per participant.</summary>
    [JsonPropertyName("video_separate_streams")]
    public bool? VideoSeparateStreams { get; init; }

    /// <summary>The mixed video layout.</summary>
    [JsonPropertyName("video_layout")]
    public VideoLayout? VideoLayout { get; init; }

    /// <summary>Legacy calendar-era switch for video; prefer <c>video_required</c>.</summary>
    [JsonPropertyName("video_recording")]
    public bool? VideoRecording { get; init; }
}
