using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// A delivery this SDK version does not recognise: an event name MeetStream added later. (A body with no event name at
/// all is not a delivery: <see cref="WebhookParser"/> rejects it with <see cref="WebhookParseError.MissingEventType"/>.)
/// Nothing is lost: the common fields are read when present and the whole body is in <see cref="RawJson"/> and
/// <see cref="Json"/>. Parsing never throws for an unknown event name.
/// </summary>
public sealed class UnknownWebhookEvent : WebhookEvent
{
    /// <summary>Gets the body exactly as received, as text.</summary>
    [JsonIgnore]
    public string RawJson { get; internal set; } = "{}";

    /// <summary>Gets the body as a JSON element (detached from any document, safe to keep).</summary>
    [JsonIgnore]
    public JsonElement Json { get; internal set; }
}
