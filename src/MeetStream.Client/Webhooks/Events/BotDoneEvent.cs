using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// MeetStream finished all processing for the bot (<c>bot.done</c>). On failure <c>status_code</c> is 500 and the
/// message starts with <c>Error:</c>. Whether it arrives for streaming-only bots is disputed: do not block on it.
/// </summary>
public sealed class BotDoneEvent : BotLifecycleEvent
{
    /// <summary>Gets whether processing succeeded: <c>status_code</c> is not 500 and the message does not start with <c>Error</c>.</summary>
    [JsonIgnore]
    public bool Succeeded => StatusCode != 500 && !(Message?.StartsWith("Error", StringComparison.OrdinalIgnoreCase) ?? false);
}
