using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The mixed meeting audio from <c>GET /bots/{bot_id}/get_audio</c>, available after the <c>audio.processed</c>
/// webhook (before that MeetStream answers 202: see <see cref="IBotsClient.WaitForAudioAsync"/>).
/// </summary>
public sealed class BotAudio : MeetStreamObject
{
    /// <summary>Gets a pre-signed URL of the audio (<c>audio.wav</c>), valid for about one hour. Download it without the MeetStream key.</summary>
    [JsonPropertyName("audio_url")]
    public string? AudioUrl { get; init; }
}
