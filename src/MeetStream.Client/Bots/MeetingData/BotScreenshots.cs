using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Screenshots a bot took, from <c>GET /bots/{bot_id}/get_screenshots</c>. MeetStream does not document the item
/// shape, so items are kept as JSON.
/// </summary>
public sealed class BotScreenshots : MeetStreamObject
{
    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets how many screenshots exist.</summary>
    [JsonPropertyName("screenshots_count")]
    public int? ScreenshotsCount { get; init; }

    /// <summary>Gets the screenshots as MeetStream sent them (objects or URL strings; shape undocumented).</summary>
    [JsonPropertyName("screenshots")]
    public IReadOnlyList<JsonElement>? Screenshots { get; init; }
}
