using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Leave when every other participant looks like a bot by name (<c>automatic_leave.bot_detection.using_participant_names</c>).
/// </summary>
public sealed class ParticipantNameBotDetection : MeetStreamObject
{
    /// <summary>Case-insensitive name substrings that mark a participant as a bot; none may be empty.</summary>
    [JsonPropertyName("matches")]
    public IReadOnlyList<string>? Matches { get; init; }

    /// <summary>Seconds after joining before detection starts (60–1800, default 300).</summary>
    [JsonPropertyName("activate_after")]
    public int? ActivateAfter { get; init; }

    /// <summary>Seconds all remaining participants must match before leaving (5–300, default 5).</summary>
    [JsonPropertyName("timeout")]
    public int? Timeout { get; init; }
}
