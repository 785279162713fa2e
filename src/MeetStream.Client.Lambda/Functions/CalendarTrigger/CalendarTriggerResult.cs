using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>What the calendar trigger did: the bot (new or found again) and how it was keyed.</summary>
public sealed class CalendarTriggerResult
{
    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public required string BotId { get; init; }

    /// <summary>Gets the calendar event id.</summary>
    [JsonPropertyName("calendar_event_id")]
    public required string CalendarEventId { get; init; }

    /// <summary>Gets the <c>Idempotency-Key</c> derived from the calendar event.</summary>
    [JsonPropertyName("idempotency_key")]
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the transcript id create_bot returned, if any.</summary>
    [JsonPropertyName("transcript_id")]
    public string? TranscriptId { get; init; }

    /// <summary>Gets the bot's status as the session records it.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets whether no new bot was created because this trigger already ran (found in the session table or replayed by MeetStream).</summary>
    [JsonPropertyName("replayed")]
    public bool Replayed { get; init; }
}
