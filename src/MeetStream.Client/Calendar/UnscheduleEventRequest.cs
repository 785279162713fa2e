using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The optional body of <c>DELETE /calendar/schedule/{event_id}</c>: how much of a recurring series to unschedule.</summary>
public sealed class UnscheduleEventRequest : MeetStreamObject
{
    /// <summary>Cancel the bots of every occurrence of the recurring series.</summary>
    [JsonPropertyName("cancel_all_occurrences")]
    public bool? CancelAllOccurrences { get; init; }

    /// <summary>Cancel only occurrences from this time on (sent as ISO 8601 with its offset).</summary>
    [JsonPropertyName("from_date")]
    public DateTimeOffset? FromDate { get; init; }
}
