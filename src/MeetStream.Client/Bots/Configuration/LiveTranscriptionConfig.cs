using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Where live transcript chunks are POSTed (<c>live_transcription_required</c>). Needs a streaming provider.
/// </summary>
public sealed class LiveTranscriptionConfig : MeetStreamObject
{
    /// <summary>The HTTPS URL that receives live transcript chunks.</summary>
    [JsonPropertyName("webhook_url")]
    public string? WebhookUrl { get; init; }

    /// <summary>Legacy WebSocket variant; prefer <see cref="WebhookUrl"/>.</summary>
    [JsonPropertyName("websocket_url")]
    public string? WebSocketUrl { get; init; }
}
