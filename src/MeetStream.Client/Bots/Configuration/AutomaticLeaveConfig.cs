using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// When the bot leaves by itself. All values are whole seconds; the documented ranges are checked before sending.
/// </summary>
public sealed class AutomaticLeaveConfig : MeetStreamObject
{
    /// <summary>Seconds in the waiting room before giving up (60–600 Meet, 60–1200 Zoom, 60–1800 Teams; default 600).</summary>
    [JsonPropertyName("waiting_room_timeout")]
    public int? WaitingRoomTimeout { get; init; }

    /// <summary>Seconds to wait for anyone to join (60–1800; default 600).</summary>
    [JsonPropertyName("no_one_joined_timeout")]
    public int? NoOneJoinedTimeout { get; init; }

    /// <summary>Seconds to stay after everyone left (60–1800; default 300).</summary>
    [JsonPropertyName("everyone_left_timeout")]
    public int? EveryoneLeftTimeout { get; init; }

    /// <summary>Seconds of silence before leaving (default 100; 60–1800 suggested).</summary>
    [JsonPropertyName("voice_inactivity_timeout")]
    public int? VoiceInactivityTimeout { get; init; }

    /// <summary>Longest recording in seconds (600–18000; default 14400).</summary>
    [JsonPropertyName("in_call_recording_timeout")]
    public int? InCallRecordingTimeout { get; init; }

    /// <summary>Seconds to wait after Zoom recording permission is denied (60–300; default 60).</summary>
    [JsonPropertyName("recording_permission_denied_timeout")]
    public int? RecordingPermissionDeniedTimeout { get; init; }

    /// <summary>Leave when only other bots remain.</summary>
    [JsonPropertyName("bot_detection")]
    public BotDetectionConfig? BotDetection { get; init; }
}
