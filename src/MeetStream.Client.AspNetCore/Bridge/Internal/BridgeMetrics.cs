using System.Diagnostics.Metrics;
using MeetStream.Client.Diagnostics;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>The bridge's instruments on the <c>MeetStream.Client</c> meter: connections by channel and outcome, active sessions and channels, handler failures.</summary>
internal static class BridgeMetrics
{
    public static readonly Counter<long> Connections = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.bridge.connections", unit: "{connection}", description: "WebSocket connections to the MeetStream bridge, by channel and outcome (accepted, unauthorized, forbidden, not_websocket, handshake_failed, bot_id_mismatch).");

    public static readonly UpDownCounter<long> ActiveSessions = MeetStreamTelemetry.Meter.CreateUpDownCounter<long>(
        "meetstream.bridge.sessions.active", unit: "{session}", description: "Bot sessions currently connected to the MeetStream bridge.");

    public static readonly UpDownCounter<long> ActiveChannels = MeetStreamTelemetry.Meter.CreateUpDownCounter<long>(
        "meetstream.bridge.channels.active", unit: "{connection}", description: "Open bridge WebSockets, by channel.");

    public static readonly Counter<long> HandlerFailures = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.bridge.handler.failures", unit: "{failure}", description: "Bot handlers that threw.");

    public static void Connection(string channel, string outcome)
    {
        if (Connections.Enabled)
        {
            Connections.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public static void Channel(string channel, int delta)
    {
        if (ActiveChannels.Enabled)
        {
            ActiveChannels.Add(delta, new KeyValuePair<string, object?>("channel", channel));
        }
    }
}
