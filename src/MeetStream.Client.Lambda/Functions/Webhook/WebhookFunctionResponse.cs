using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>The JSON body the webhook function answers with (MeetStream only looks at the status; this is for logs and tests).</summary>
public sealed class WebhookFunctionResponse
{
    /// <summary>Gets what happened: <c>processed</c>, <c>duplicate</c>, <c>ignored</c>, <c>unauthorized</c>, <c>invalid</c> or <c>method_not_allowed</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Gets the specific event name, when the body was read.</summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>Gets the bot id, when known.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the effect on the session: <c>applied</c>, <c>stale</c> (a late or repeated event; nothing changed) or <c>recorded</c>.</summary>
    [JsonPropertyName("effect")]
    public string? Effect { get; init; }

    /// <summary>Gets why the delivery was refused, for 4xx answers.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
