using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// A live transcript chunk POSTed to <c>live_transcription_required.webhook_url</c> while the meeting runs (needs a
/// <c>*_streaming</c> provider or <c>meeting_captions</c>). The payload has no event name; <see cref="WebhookEvent.Type"/>
/// is <see cref="WebhookEventType.LiveTranscript"/>. Persist <see cref="NewText"/>: <see cref="Transcript"/> is the
/// running buffer of the current turn, not an independent segment. These deliveries are never signed.
/// </summary>
public sealed class LiveTranscriptEvent : WebhookEvent
{
    /// <summary>Gets the speaker's name (<c>speakerName</c>).</summary>
    [JsonPropertyName("speakerName")]
    [JsonConverter(typeof(ScalarAsStringJsonConverter))]
    public string? SpeakerName { get; init; }

    /// <summary>Gets the speaker under the name the guide uses (<c>speaker</c>); see <see cref="SpeakerDisplayName"/>.</summary>
    [JsonPropertyName("speaker")]
    [JsonConverter(typeof(ScalarAsStringJsonConverter))]
    public string? Speaker { get; init; }

    /// <summary>Gets the speaker from <c>speakerName</c>, or <c>speaker</c> when that is absent.</summary>
    [JsonIgnore]
    public string? SpeakerDisplayName => SpeakerName ?? Speaker;

    /// <summary>Gets the text added since the previous chunk (<c>new_text</c>): the increment to persist.</summary>
    [JsonPropertyName("new_text")]
    public string? NewText { get; init; }

    /// <summary>Gets the running text of the current turn (<c>transcript</c>).</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; init; }

    /// <summary>Gets the provider's utterance text (<c>utterance</c>); empty for <c>meetstream_streaming</c>.</summary>
    [JsonPropertyName("utterance")]
    public string? Utterance { get; init; }

    /// <summary>Gets the words with timings (<c>words</c>).</summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<LiveTranscriptWord>? Words { get; init; }

    /// <summary>Gets whether the chunk is final (top-level <c>is_final</c>, as observed in live captures).</summary>
    [JsonPropertyName("is_final")]
    public bool? IsFinal { get; init; }

    /// <summary>Gets whether the speaker's turn ended with this chunk (<c>end_of_turn</c>).</summary>
    [JsonPropertyName("end_of_turn")]
    public bool? EndOfTurn { get; init; }

    /// <summary>Gets whether the turn's text is formatted (<c>turn_is_formatted</c>).</summary>
    [JsonPropertyName("turn_is_formatted")]
    public bool? TurnIsFormatted { get; init; }

    /// <summary>Gets how the provider cuts chunks (<c>transcription_mode</c>): <c>raw</c>, <c>sentence</c> or <c>word</c>.</summary>
    [JsonPropertyName("transcription_mode")]
    public TranscriptionMode? TranscriptionMode { get; init; }

    /// <summary>
    /// Gets whether the chunk is final by either convention: top-level <c>is_final</c> (observed) or every word's
    /// <c>word_is_final</c> (documented). <see langword="null"/> when neither is present.
    /// </summary>
    [JsonIgnore]
    public bool? IsFinalChunk
    {
        get
        {
            if (IsFinal is { } isFinal)
            {
                return isFinal;
            }

            if (Words is not { Count: > 0 } words || words.Any(w => w.WordIsFinal is null))
            {
                return null;
            }

            return words.All(w => w.WordIsFinal == true);
        }
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override WebhookEventType Type => Event is { Length: > 0 } || BotEvent is { Length: > 0 } ? base.Type : WebhookEventType.LiveTranscript;

    private protected override void AppendDetails(StringBuilder text)
    {
        text.Append(" (")
            .Append((NewText ?? Transcript ?? string.Empty).Length.ToString(CultureInfo.InvariantCulture))
            .Append(" chars");
        if (IsFinalChunk == true)
        {
            text.Append(", final");
        }

        if (EndOfTurn == true)
        {
            text.Append(", end of turn");
        }

        text.Append(')');
    }
}
