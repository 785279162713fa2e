using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The post-call transcript is ready (<c>transcription.processed</c>). The payload has no <c>transcript_id</c> and no
/// URL: take the id from the create_bot response, <c>GET /bots/{bot_id}/detail</c> or <c>GET /bots/{bot_id}/transcriptions</c>.
/// </summary>
public sealed class TranscriptionProcessedEvent : BotArtifactEvent
{
    /// <summary>Gets the transcript outcome (<c>transcript_status</c>): <c>Success</c>.</summary>
    [JsonPropertyName("transcript_status")]
    public string? TranscriptStatus { get; init; }

    private protected override string? ArtifactStatus => TranscriptStatus;
}
