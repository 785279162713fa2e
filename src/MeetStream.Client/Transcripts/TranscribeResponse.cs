using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The answer of <c>POST /bots/{bot_id}/transcribe</c>. The new <see cref="TranscriptId"/> replaces the bot's
/// <c>transcript_id</c>; wait for it with <see cref="ITranscriptsClient.WaitForTranscriptAsync"/>.
/// </summary>
public sealed class TranscribeResponse : MeetStreamObject
{
    /// <summary>The bot.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>The id of the new transcript.</summary>
    [JsonPropertyName("transcript_id")]
    public string? TranscriptId { get; init; }

    /// <summary>The provider key used.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>MeetStream's confirmation text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
