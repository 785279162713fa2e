using System.Text.Json.Serialization;

namespace MeetStream.Client.Testing;

/// <summary>The WebSocket a simulated bot dials (§4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SimulatorRealtimeChannel>))]
public enum SimulatorRealtimeChannel
{
    /// <summary><c>live_audio_required.websocket_url</c>: the bot streams binary audio frames.</summary>
    Audio,

    /// <summary><c>socket_connection_url.websocket_url</c>: commands to the bot, chat messages from it.</summary>
    Control,

    /// <summary><c>live_video_required.websocket_url</c>: fMP4 video with latency pings.</summary>
    Video,
}
