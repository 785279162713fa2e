using System.Text.Json.Serialization;

namespace MeetStream.Client.Testing;

/// <summary>
/// One thing that happened on a simulated bot's WebSocket: connected, a message the bot sent (<c>ready</c>,
/// <c>usermsg</c>, <c>video_stream_start</c>, …), a command it received (<c>sendaudio</c>, <c>interrupt</c>, …),
/// closed, or failed. Audio frames are counted, not recorded one by one (see <see cref="SimulatedBotInfo"/>).
/// </summary>
public sealed class SimulatorRealtimeRecord
{
    /// <summary>Gets the position of this record among everything the journal holds.</summary>
    [JsonPropertyName("sequence")]
    public long Sequence { get; init; }

    /// <summary>Gets the virtual time it happened.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    /// <summary>Gets the bot.</summary>
    [JsonPropertyName("bot_id")]
    public required string BotId { get; init; }

    /// <summary>Gets the socket.</summary>
    [JsonPropertyName("channel")]
    public SimulatorRealtimeChannel Channel { get; init; }

    /// <summary>Gets whether the bot sent it (true) or received it from your server (false).</summary>
    [JsonPropertyName("from_bot")]
    public bool FromBot { get; init; }

    /// <summary>Gets what it was: <c>connected</c>, <c>closed</c>, <c>error</c>, or the message's <c>command</c>/<c>type</c> (<c>ready</c>, <c>sendaudio</c>, <c>interrupt</c>, <c>video_latency_pong</c>, …).</summary>
    [JsonPropertyName("event")]
    public required string Event { get; init; }

    /// <summary>Gets the JSON of a text message; a <c>sendaudio</c> chunk's base64 is replaced by its length.</summary>
    [JsonPropertyName("json")]
    public string? Json { get; init; }

    /// <summary>Gets the PCM length of a <c>sendaudio</c> chunk, as audio.</summary>
    [JsonPropertyName("audio_duration")]
    public TimeSpan? AudioDuration { get; init; }

    /// <summary>Gets a detail: the close status, an error, how much queued speech an interrupt dropped.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Channel} {(FromBot ? "bot →" : "→ bot")} {Event}{(Detail is null ? string.Empty : " (" + Detail + ")")}";
}
