using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// How long MeetStream keeps the media (<c>recording_config.retention</c>). Always set it: the documented default
/// conflicts (24 h in the guide, indefinite in the API reference).
/// </summary>
public sealed class RetentionConfig : MeetStreamObject
{
    /// <summary>The retention kind; only <c>timed</c> is documented.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Hours to keep media before <c>data_deletion</c>.</summary>
    [JsonPropertyName("hours")]
    public int? Hours { get; init; }

    /// <summary>Creates a timed retention.</summary>
    /// <param name="hours">Hours to keep media; must be positive.</param>
    /// <returns>The retention.</returns>
    public static RetentionConfig Timed(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hours);
        return new RetentionConfig { Type = "timed", Hours = hours };
    }
}
