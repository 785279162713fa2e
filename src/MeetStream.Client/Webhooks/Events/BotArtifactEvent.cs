using System.Text;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Base of the post-call processing events (manifest, audio, transcription, video, data deletion). They arrive
/// after <c>bot.stopped</c>, in no guaranteed order, and carry no <c>bot_status</c>.
/// </summary>
public abstract class BotArtifactEvent : WebhookEvent
{
    /// <summary>Initializes an event; only the SDK's event types derive from this class.</summary>
    private protected BotArtifactEvent()
    {
    }

    /// <summary>Gets the outcome MeetStream reports in <c>status</c>: <c>success</c> or <c>error</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>
    /// Gets whether the step succeeded: the artifact status (e.g. <c>audio_status</c>) when present, else
    /// <c>status</c>, else <c>status_code</c> (500 is a failure).
    /// </summary>
    [JsonIgnore]
    public virtual bool Succeeded
    {
        get
        {
            if (ArtifactStatus is { Length: > 0 } artifact)
            {
                return string.Equals(artifact, "Success", StringComparison.OrdinalIgnoreCase);
            }

            if (Status is { Length: > 0 } status)
            {
                return string.Equals(status, "success", StringComparison.OrdinalIgnoreCase);
            }

            return StatusCode != 500;
        }
    }

    /// <summary>Gets the artifact-specific status (<c>audio_status</c>, <c>video_status</c>, ...), if the event has one.</summary>
    private protected virtual string? ArtifactStatus => null;

    private protected override void AppendDetails(StringBuilder text)
    {
        var status = ArtifactStatus ?? Status;
        if (status is { Length: > 0 })
        {
            text.Append(" (").Append(status).Append(')');
        }
    }
}
