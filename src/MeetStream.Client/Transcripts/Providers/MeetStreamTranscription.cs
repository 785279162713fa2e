using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Settings of MeetStream's in-house post-call provider (<c>meetstream</c>).
/// </summary>
public sealed class MeetStreamTranscription : MeetStreamObject
{
    /// <summary>The language, or <c>auto</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Whether to translate.</summary>
    [JsonPropertyName("translate")]
    public bool? Translate { get; init; }
}
