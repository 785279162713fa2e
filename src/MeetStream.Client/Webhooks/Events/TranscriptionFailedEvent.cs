using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The post-call transcript failed (<c>transcription.failed</c>, <c>status_code</c> 500). The cause is in
/// <see cref="WebhookEvent.Message"/>, e.g. <c>Transcript processing error: Deepgram API error: 401</c>.
/// </summary>
public sealed class TranscriptionFailedEvent : BotArtifactEvent
{
    /// <summary>Gets the transcript outcome (<c>transcript_status</c>): <c>Failed</c>.</summary>
    [JsonPropertyName("transcript_status")]
    public string? TranscriptStatus { get; init; }

    /// <summary>Gets <see langword="false"/>: this event always reports a failure.</summary>
    [JsonIgnore]
    public override bool Succeeded => false;

    private protected override string? ArtifactStatus => TranscriptStatus;
}
