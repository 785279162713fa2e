using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /bots/{bot_id}/transcribe</c>: transcribes a bot's stored audio again with a post-call
/// provider. Works for bots that used a streaming-only provider too.
/// </summary>
public sealed class TranscribeRequest : MeetStreamObject
{
    /// <summary>
    /// The post-call provider: exactly one of <c>deepgram</c>, <c>assemblyai</c>, <c>jigsawstack</c>, <c>sarvam</c>,
    /// <c>meetstream</c> (e.g. <c>TranscriptionProvider.ForDeepgram()</c>).
    /// </summary>
    [JsonPropertyName("provider")]
    public required TranscriptionProvider Provider { get; init; }

    /// <summary>
    /// Receives exactly one <c>transcription.processed</c> or <c>transcription.failed</c> webhook for this run
    /// (without <c>custom_attributes</c>, and no <c>bot.done</c>).
    /// </summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }
}
