using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The <c>voice</c> section of a pipeline MIA agent (<c>MIAVoiceConfig</c>): its text-to-speech.</summary>
public sealed class AgentVoiceSettings : MeetStreamObject
{
    /// <summary>The TTS provider: <c>openai</c> or <c>elevenlabs</c>.</summary>
    [JsonPropertyName("provider")]
    public AgentVoiceProvider? Provider { get; init; }

    /// <summary>The TTS model, e.g. <c>tts-1</c> or <c>eleven_turbo_v2_5</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The voice; must belong to the provider (e.g. <c>nova</c> for OpenAI). Required by MeetStream.</summary>
    [JsonPropertyName("voice_id")]
    public string? VoiceId { get; init; }

    /// <summary>Speaking speed multiplier.</summary>
    [JsonPropertyName("speed")]
    public double? Speed { get; init; }
}
