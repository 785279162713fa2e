using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /calendar/auto-reschedule</c> (guide-only; the body is undocumented): the recurring event
/// whose next occurrence to reschedule. Send any other field the API expects through
/// <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class AutoRescheduleRequest : MeetStreamObject
{
    /// <summary>MeetStream's id of the recurring event (<c>event_id</c>).</summary>
    [JsonPropertyName("event_id")]
    public string? EventId { get; init; }
}
