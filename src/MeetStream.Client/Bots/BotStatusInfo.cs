using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A bot's current status from <c>GET /bots/{bot_id}/status</c>: cheaper than the details, and the way to reconcile
/// state when a webhook was lost.
/// </summary>
public sealed class BotStatusInfo : MeetStreamObject
{
    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the status, e.g. <see cref="BotStatus.InMeeting"/>; failure spellings vary, see <see cref="BotStatus.IsFailure"/>.</summary>
    [JsonPropertyName("status")]
    public BotStatus? Status { get; init; }

    /// <summary>
    /// Gets your custom attributes (<c>custom_attributes</c>) as MeetStream echoes them: string values as they are, any
    /// other JSON value (number, boolean, <c>null</c>, object, array) as its raw JSON text (<c>12</c>, <c>true</c>,
    /// <c>null</c>, <c>{"a":1}</c>). The same type as on the request and on webhook events.
    /// </summary>
    [JsonPropertyName("custom_attributes")]
    [JsonConverter(typeof(ObjectAsStringDictionaryJsonConverter))]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }
}
