using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// A meeting participant as a participant event describes them (<c>data.data.participant</c>).
/// </summary>
public sealed class WebhookParticipant : MeetStreamObject
{
    /// <summary>Gets the platform's id for the participant (<c>id</c>), e.g. <c>spaces/…/devices/290</c> on Google Meet.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(ScalarAsStringJsonConverter))]
    public string? Id { get; init; }

    /// <summary>Gets the display name (<c>name</c>); <c>Unknown</c> when the platform hides it.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the full name (<c>full_name</c>).</summary>
    [JsonPropertyName("full_name")]
    public string? FullName { get; init; }

    /// <summary>Gets the meeting platform (<c>platform</c>), e.g. <c>gmeet</c>.</summary>
    [JsonPropertyName("platform")]
    public MeetingPlatform? Platform { get; init; }
}
