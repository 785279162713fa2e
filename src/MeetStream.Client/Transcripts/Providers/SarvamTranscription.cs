using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Settings of the post-call Sarvam provider (<c>sarvam</c>).
/// </summary>
public sealed class SarvamTranscription : MeetStreamObject
{
    /// <summary>The model, e.g. <c>saaras:v3</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The language, e.g. <c>en-IN</c>.</summary>
    [JsonPropertyName("language_code")]
    public string? LanguageCode { get; init; }

    /// <summary><c>transcribe</c> or <c>translate</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Whether to separate speakers.</summary>
    [JsonPropertyName("with_diarization")]
    public bool? WithDiarization { get; init; }
}
