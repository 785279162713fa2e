using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot a participant event comes from (<c>data.bot</c>).
/// </summary>
public sealed class WebhookBotReference : MeetStreamObject
{
    /// <summary>Gets the bot id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets the bot's metadata (<c>metadata</c>); its shape is undocumented.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }
}
