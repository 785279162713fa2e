using System.Text.Json.Serialization;

namespace MeetStream.Client.Testing;

/// <summary>One HTTP delivery the simulator made (a webhook, a participant event, a live transcript chunk) and how it went.</summary>
public sealed class SimulatorWebhookRecord
{
    /// <summary>Gets the position of this record among everything the journal holds (requests and webhooks).</summary>
    [JsonPropertyName("sequence")]
    public long Sequence { get; init; }

    /// <summary>Gets the virtual time the event happened (the body's <c>timestamp</c>).</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    /// <summary>Gets the channel the delivery went through.</summary>
    [JsonPropertyName("channel")]
    public SimulatorWebhookChannel Channel { get; init; }

    /// <summary>Gets the URL it was posted to, exactly (query string included).</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Gets the bot the delivery is about.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the generic event name (<c>event</c>), e.g. <c>bot.stopped</c> or <c>live_transcript</c> for transcript chunks.</summary>
    [JsonPropertyName("event")]
    public required string Event { get; init; }

    /// <summary>Gets the specific event name (<c>bot_event</c>) when the payload carries one, e.g. <c>bot.denied</c>.</summary>
    [JsonPropertyName("bot_event")]
    public string? BotEvent { get; init; }

    /// <summary>Gets the exact bytes sent, as UTF-8 text.</summary>
    [JsonPropertyName("body")]
    public required string Body { get; init; }

    /// <summary>Gets the headers sent (including <c>X-MeetStream-Signature</c> and <c>X-MeetStream-Timestamp</c> on signed deliveries).</summary>
    [JsonPropertyName("headers")]
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets the HTTP status the receiver answered, or null when the delivery failed.</summary>
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; init; }

    /// <summary>Gets why the delivery failed (connection refused, timeout), or null.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Gets whether this delivery is a deliberate duplicate of the previous one.</summary>
    [JsonPropertyName("duplicate")]
    public bool Duplicate { get; init; }

    /// <summary>Gets whether the receiver answered 2xx.</summary>
    [JsonIgnore]
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Gets the specific event name: <see cref="BotEvent"/> when present, otherwise <see cref="Event"/>.</summary>
    [JsonIgnore]
    public string Name => BotEvent ?? Event;

    /// <inheritdoc />
    public override string ToString() => $"{Channel} {Name} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error)}";
}
