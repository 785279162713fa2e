using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The <c>audio</c> section of a MIA agent (<c>MIAAudioConfig</c>).</summary>
public sealed class AgentAudioSettings : MeetStreamObject
{
    /// <summary>Sample rate in Hz.</summary>
    [JsonPropertyName("sample_rate")]
    public int? SampleRate { get; init; }

    /// <summary>Number of channels.</summary>
    [JsonPropertyName("num_channels")]
    public int? NumChannels { get; init; }
}
