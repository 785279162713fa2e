using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A bot as <c>GET /bots</c> lists it. MeetStream does not document the item shape, so every property is optional and
/// everything else arrives in <see cref="MeetStreamObject.AdditionalProperties"/>; call
/// <see cref="IBotsClient.GetDetailsAsync"/> for the documented full record.
/// </summary>
public sealed class BotListItem : MeetStreamObject
{
    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the status.</summary>
    [JsonPropertyName("status")]
    public BotStatus? Status { get; init; }

    /// <summary>Gets the bot's display name.</summary>
    [JsonPropertyName("bot_name")]
    public string? BotName { get; init; }

    /// <summary>Gets the meeting URL.</summary>
    [JsonPropertyName("meeting_url")]
    public string? MeetingUrl { get; init; }

    /// <summary>Gets the meeting link as sent on create, if listed under that name.</summary>
    [JsonPropertyName("meeting_link")]
    public string? MeetingLink { get; init; }

    /// <summary>Gets the platform (<c>GMeet</c>, <c>Zoom</c>, <c>Teams</c>).</summary>
    [JsonPropertyName("platform")]
    public MeetingPlatform? Platform { get; init; }

    /// <summary>Gets when the bot was created, as MeetStream wrote it (format undocumented).</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CreatedAt { get; init; }

    /// <summary>Gets when the bot was last updated, as MeetStream wrote it (format undocumented).</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? UpdatedAt { get; init; }

    /// <summary>Gets when the bot joined, as MeetStream wrote it (format undocumented).</summary>
    [JsonPropertyName("start_time")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? StartTime { get; init; }

    /// <summary>Gets when the bot left, as MeetStream wrote it (format undocumented).</summary>
    [JsonPropertyName("end_time")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? EndTime { get; init; }

    /// <summary>Gets the post-call transcript id, if any.</summary>
    [JsonPropertyName("transcript_id")]
    public string? TranscriptId { get; init; }

    /// <summary>
    /// Gets your custom attributes (<c>custom_attributes</c>) as MeetStream echoes them: string values as they are, any
    /// other JSON value (number, boolean, <c>null</c>, object, array) as its raw JSON text (<c>12</c>, <c>true</c>,
    /// <c>null</c>, <c>{"a":1}</c>). The same type as on the request and on webhook events.
    /// </summary>
    [JsonPropertyName("custom_attributes")]
    [JsonConverter(typeof(ObjectAsStringDictionaryJsonConverter))]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }
}
