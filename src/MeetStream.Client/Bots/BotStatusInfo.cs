using System.Text.Json;
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

    /// <summary>Gets your custom attributes (values as JSON; they are strings when you set strings).</summary>
    [JsonPropertyName("custom_attributes")]
    public IReadOnlyDictionary<string, JsonElement>? CustomAttributes { get; init; }
}
