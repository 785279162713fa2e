using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Other-bot detection rules (<c>automatic_leave.bot_detection</c>).
/// </summary>
public sealed class BotDetectionConfig : MeetStreamObject
{
    /// <summary>Detection by participant names.</summary>
    [JsonPropertyName("using_participant_names")]
    public ParticipantNameBotDetection? UsingParticipantNames { get; init; }
}
