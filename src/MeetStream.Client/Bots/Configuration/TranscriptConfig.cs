using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The <c>recording_config.transcript</c> object: which provider transcribes the meeting.
/// </summary>
public sealed class TranscriptConfig : MeetStreamObject
{
    /// <summary>The provider; exactly one key.</summary>
    [JsonPropertyName("provider")]
    public TranscriptionProvider? Provider { get; init; }
}
