using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Key prefixes per kind of file in a bring-your-own bucket; unset kinds use the base prefix.</summary>
public sealed class StoragePrefixes : MeetStreamObject
{
    /// <summary>Prefix for audio files.</summary>
    [JsonPropertyName("audio")]
    public string? Audio { get; init; }

    /// <summary>Prefix for video files.</summary>
    [JsonPropertyName("video")]
    public string? Video { get; init; }

    /// <summary>Prefix for transcripts.</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; init; }

    /// <summary>Prefix for metadata files.</summary>
    [JsonPropertyName("metadata")]
    public string? Metadata { get; init; }
}
