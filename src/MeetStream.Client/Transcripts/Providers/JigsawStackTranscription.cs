using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Settings of the post-call JigsawStack provider (<c>jigsawstack</c>).
/// </summary>
public sealed class JigsawStackTranscription : MeetStreamObject
{
    /// <summary>The language, or <c>auto</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Whether to translate.</summary>
    [JsonPropertyName("translate")]
    public bool? Translate { get; init; }

    /// <summary>Whether to group by speaker.</summary>
    [JsonPropertyName("by_speaker")]
    public bool? BySpeaker { get; init; }
}
