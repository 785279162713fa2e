using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// When a participant event happened (<c>data.data.timestamp</c>): seconds into the recording and wall-clock time.
/// </summary>
public sealed class ParticipantEventTimestamp : MeetStreamObject
{
    /// <summary>Gets the seconds since the recording started (<c>relative</c>), e.g. <c>50.792</c>.</summary>
    [JsonPropertyName("relative")]
    public double? Relative { get; init; }

    /// <summary>Gets the wall-clock time (<c>absolute</c>, ISO 8601).</summary>
    [JsonPropertyName("absolute")]
    [JsonConverter(typeof(StringOrNumberAsTimestampJsonConverter))]
    public DateTimeOffset? Absolute { get; init; }
}
