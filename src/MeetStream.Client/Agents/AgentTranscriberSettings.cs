using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The <c>transcriber</c> section of a pipeline MIA agent (<c>MIATranscriberConfig</c>): its speech-to-text, separate
/// from the recording transcription providers.
/// </summary>
public sealed class AgentTranscriberSettings : MeetStreamObject
{
    /// <summary>The STT provider: <c>openai</c>, <c>deepgram</c> or <c>assemblyai</c>.</summary>
    [JsonPropertyName("provider")]
    public AgentTranscriberProvider? Provider { get; init; }

    /// <summary>The STT model, e.g. <c>nova-3</c> or <c>whisper-1</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The language code, e.g. <c>en</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Product names, people's names and jargon to recognise better.</summary>
    [JsonPropertyName("boostwords")]
    public IReadOnlyList<string>? BoostWords { get; init; }
}
