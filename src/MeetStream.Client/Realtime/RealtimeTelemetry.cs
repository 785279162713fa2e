using System.Diagnostics.Metrics;
using MeetStream.Client.Diagnostics;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Metrics of the real-time sessions on the SDK's <c>MeetStream.Client</c> meter. They cost a flag check when no one
/// listens.
/// </summary>
internal static class RealtimeTelemetry
{
    /// <summary>Audio frames yielded to the application.</summary>
    public static readonly Counter<long> AudioFrames = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.audio.frames", unit: "{frame}", description: "Live-audio frames delivered to the application.");

    /// <summary>Frames skipped because their type is not audio.</summary>
    public static readonly Counter<long> SkippedFrames = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.audio.frames.skipped", unit: "{frame}", description: "Live-audio messages of other types, skipped.");

    /// <summary>Frames dropped because the application fell behind.</summary>
    public static readonly Counter<long> DroppedFrames = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.audio.frames.dropped", unit: "{frame}", description: "Live-audio frames dropped because the application did not read them in time.");

    /// <summary>Malformed frames skipped.</summary>
    public static readonly Counter<long> MalformedFrames = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.audio.frames.malformed", unit: "{frame}", description: "Malformed live-audio frames, skipped.");

    /// <summary>Messages over the size cap.</summary>
    public static readonly Counter<long> MessagesTooLarge = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.messages.too_large", unit: "{message}", description: "Real-time messages over the configured size cap.");

    /// <summary>Interrupts sent.</summary>
    public static readonly Counter<long> Interrupts = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.control.interrupts", unit: "{interrupt}", description: "Interrupt commands sent (barge-in).");

    /// <summary>Video fragments delivered.</summary>
    public static readonly Counter<long> VideoFragments = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.video.fragments", unit: "{fragment}", description: "fMP4 fragments delivered to the application.");

    /// <summary>Channels closed because the peer went silent or a message stalled.</summary>
    public static readonly Counter<long> LivenessTimeouts = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.realtime.liveness.timeouts", unit: "{connection}", description: "Real-time channels closed by the SDK's liveness check, by channel and kind (idle: nothing received within IdleTimeout; message: a message did not end within MessageTimeout).");

    /// <summary>Counts one liveness timeout.</summary>
    /// <param name="channel">audio, control or video.</param>
    /// <param name="kind">idle or message.</param>
    public static void LivenessTimeout(string channel, string kind)
    {
        if (LivenessTimeouts.Enabled)
        {
            LivenessTimeouts.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
