using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The answer of <c>GET /bots/{bot_id}/transcriptions</c>: every transcription run of a bot (the one made during
/// the call and each <see cref="ITranscriptsClient.TranscribeAsync"/>), with download links.
/// </summary>
public sealed class TranscriptionList : MeetStreamObject
{
    /// <summary>The bot.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>The runs, as MeetStream orders them.</summary>
    [JsonPropertyName("transcriptions")]
    public IReadOnlyList<TranscriptionRun>? Transcriptions { get; init; }
}
