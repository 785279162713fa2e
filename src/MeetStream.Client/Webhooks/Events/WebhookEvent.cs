using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// One delivery from MeetStream to your webhook endpoint, as <see cref="WebhookParser"/> reads it. Pattern-match on
/// the concrete type (<see cref="BotStoppedEvent"/>, <see cref="TranscriptionProcessedEvent"/>,
/// <see cref="ParticipantJoinedEvent"/>, <see cref="LiveTranscriptEvent"/>, <see cref="UnknownWebhookEvent"/>, ...)
/// or switch on <see cref="Type"/>. Every field MeetStream may omit is nullable; members this SDK does not model are
/// kept in <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public abstract class WebhookEvent : MeetStreamObject
{
    private const int MaxDescribedMessageLength = 200;
    private string? _botId;

    /// <summary>
    /// Initializes an event. The hierarchy is closed: only the SDK's event types derive from it, so a <c>switch</c> over
    /// them is complete except for <see cref="UnknownWebhookEvent"/>.
    /// </summary>
    private protected WebhookEvent()
    {
    }

    /// <summary>
    /// Gets the generic event name (<c>event</c>). Every ending arrives as <c>bot.stopped</c> here, with the reason in
    /// <see cref="BotEvent"/>. Absent on live transcript chunks.
    /// </summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>
    /// Gets the specific event name (<c>bot_event</c>): equal to <see cref="Event"/> except on endings, where it holds
    /// the stop reason. Absent on <c>manifest.*</c>, <c>bot.uploading</c>, <c>bot.transcriptionready</c> and
    /// participant events.
    /// </summary>
    [JsonPropertyName("bot_event")]
    public string? BotEvent { get; init; }

    /// <summary>
    /// Gets the bot the event is about (<c>bot_id</c>; for participant events, <c>data.bot.id</c>).
    /// </summary>
    [JsonPropertyName("bot_id")]
    public string? BotId
    {
        get => _botId;
        init => _botId = value;
    }

    /// <summary>
    /// Gets when MeetStream produced the event (<c>timestamp</c>, ISO 8601). Older deliveries and <c>bot.error</c> omit
    /// it; a value that is not a readable date is also reported as <see langword="null"/>.
    /// </summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(StringOrNumberAsTimestampJsonConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets the human-readable message (<c>message</c>), such as <c>Bot is joining the meeting</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>
    /// Gets the informational outcome code in the body (<c>status_code</c>): 200 for success, 500 for failures. It is
    /// not the HTTP status of the delivery, and some events omit it.
    /// </summary>
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; init; }

    /// <summary>
    /// Gets the <c>custom_attributes</c> given when the bot was created, echoed back (the same type as on the request and on
    /// REST responses). Values that are not strings are kept as their JSON text (<c>12</c>, <c>true</c>, <c>null</c>, <c>{"a":1}</c>). Absent on <c>data_deletion</c>, <c>bot.error</c> and <c>/transcribe</c> deliveries.
    /// </summary>
    [JsonPropertyName("custom_attributes")]
    [JsonConverter(typeof(ObjectAsStringDictionaryJsonConverter))]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>
    /// Gets the specific event name to switch on: <see cref="BotEvent"/> when present, else <see cref="Event"/>. For a
    /// <c>bot.stopped</c> delivery this is the stop reason (e.g. <see cref="WebhookEventType.BotKicked"/>).
    /// </summary>
    [JsonIgnore]
    public virtual WebhookEventType Type => new(BotEvent ?? Event ?? string.Empty);

    /// <summary>
    /// Gets whether this delivery ends the bot's participation in the meeting (generic event <c>bot.stopped</c>, any
    /// reason). Processing events and <c>bot.done</c> may still follow.
    /// </summary>
    [JsonIgnore]
    public bool IsParticipationEnded => this is BotStoppedEvent;

    /// <summary>
    /// Gets whether this delivery ends MeetStream's pipeline for the bot (<c>bot.done</c> or <c>data_deletion</c>).
    /// Sources disagree on whether <c>bot.done</c> arrives for streaming-only bots, so never block on it alone.
    /// </summary>
    [JsonIgnore]
    public bool IsPipelineFinished => this is BotDoneEvent or DataDeletionEvent;

    /// <summary>Gets why the bot left the meeting, for <see cref="BotStoppedEvent"/>; otherwise <see langword="null"/>.</summary>
    [JsonIgnore]
    public BotStopReason? StopReason => (this as BotStoppedEvent)?.Reason;

    /// <summary>
    /// Gets the key that identifies this delivery for deduplication, set by <see cref="WebhookParser"/>: a hash of
    /// <c>(bot_id, event, bot_event, timestamp)</c>, falling back to <c>message</c> without a timestamp, as MeetStream
    /// recommends; a hash of the exact body for payloads without those keys (live transcript chunks, participant
    /// events), so distinct chunks are never merged. <see langword="null"/> on events you construct yourself.
    /// </summary>
    [JsonIgnore]
    public string? DeduplicationKey { get; internal set; }

    /// <summary>Describes the event in one line for logs: name, bot, status and message; never transcript text or attributes.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var text = new StringBuilder(128);
        text.Append(Type.Value.Length > 0 ? Type.Value : "(unnamed event)");
        AppendSummary(text);
        if (BotId is { Length: > 0 } bot)
        {
            text.Append(" for bot ").Append(bot);
        }

        AppendDetails(text);
        if (StatusCode is { } code)
        {
            text.Append(" [status_code ").Append(code.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        if (Timestamp is { } at)
        {
            text.Append(" at ").Append(at.ToString("O", CultureInfo.InvariantCulture));
        }

        if (Message is { Length: > 0 } message)
        {
            text.Append(": ");
            AppendOneLine(text, message, MaxDescribedMessageLength);
        }

        return text.ToString();
    }

    /// <summary>Returns <see cref="Describe"/>.</summary>
    /// <returns>The one-line description.</returns>
    public override string ToString() => Describe();

    /// <summary>Adds text right after the event name (e.g. the generic name of an ending).</summary>
    /// <param name="text">The description being built.</param>
    private protected virtual void AppendSummary(StringBuilder text)
    {
    }

    /// <summary>Adds type-specific details after the bot id (status, artifact outcome, participant).</summary>
    /// <param name="text">The description being built.</param>
    private protected virtual void AppendDetails(StringBuilder text)
    {
    }

    /// <summary>Sets the bot id from a nested field after deserialization.</summary>
    /// <param name="botId">The bot id.</param>
    private protected void SetBotId(string? botId) => _botId = botId;

    /// <summary>Appends text with line breaks and control characters replaced, cut to a length.</summary>
    /// <param name="text">The description being built.</param>
    /// <param name="value">The value.</param>
    /// <param name="maxLength">The most characters to append.</param>
    private protected static void AppendOneLine(StringBuilder text, string value, int maxLength)
    {
        var length = Math.Min(value.Length, maxLength);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            text.Append(char.IsControl(c) ? ' ' : c);
        }

        if (value.Length > maxLength)
        {
            text.Append('…');
        }
    }
}
