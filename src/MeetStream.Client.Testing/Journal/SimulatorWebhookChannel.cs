using System.Text.Json.Serialization;

namespace MeetStream.Client.Testing;

/// <summary>The way MeetStream delivers an HTTP callback (§3.1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SimulatorWebhookChannel>))]
public enum SimulatorWebhookChannel
{
    /// <summary>The bot's <c>callback_url</c>: lifecycle and post-call events, unsigned.</summary>
    Callback,

    /// <summary>A workspace endpoint (<see cref="SimulatorWebhookEndpoint"/>): the same events, signed.</summary>
    Workspace,

    /// <summary><c>recording_config.realtime_endpoints</c>: participant join/leave events.</summary>
    Realtime,

    /// <summary><c>live_transcription_required.webhook_url</c>: live transcript chunks (§4.4).</summary>
    LiveTranscript,

    /// <summary>The <c>callback_url</c> of a <c>POST /bots/{id}/transcribe</c> run: one transcription event.</summary>
    TranscribeCallback,
}
