using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The answer of a calendar command whose response MeetStream does not document (credential disconnect, removing a
/// connection, toggling recurrence, auto-reschedule). An empty body gives an instance with every property
/// <see langword="null"/>; whatever the API does send is kept in <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class CalendarActionResponse : MeetStreamObject
{
    /// <summary>A human-readable result message, when the API sends one.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Whether the command succeeded, when the API says so.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }
}
