using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Realtime;

/// <summary>
/// The periodic latency probe on the live-video channel: <c>{"type":"video_latency_ping","bot_id",…,"seq":42,"sent_at_ms":…}</c>.
/// <see cref="VideoChannelSession"/> answers each one with <c>video_latency_pong</c> automatically.
/// </summary>
public sealed class VideoLatencyPing : MeetStreamObject
{
    /// <summary>Gets the message type, <c>video_latency_ping</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the probe's sequence number.</summary>
    [JsonPropertyName("seq")]
    public long? Seq { get; init; }

    /// <summary>Gets when the bot sent the probe, in Unix milliseconds.</summary>
    [JsonPropertyName("sent_at_ms")]
    public double? SentAtMs { get; init; }
}
