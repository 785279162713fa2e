using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The answer to an in-meeting command (pause or resume recording, send a message or an image, update the agent
/// session). It means the bot <b>accepted</b> the command, not that it took effect yet.
/// </summary>
public sealed class BotCommandResult : MeetStreamObject
{
    /// <summary>Gets the command state, e.g. <c>accepted</c>.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Status { get; init; }

    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the command name, e.g. <c>pause_recording</c>.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    /// <summary>Gets MeetStream's message, if any.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets whether <see cref="Status"/> is <c>accepted</c> (any case).</summary>
    [JsonIgnore]
    public bool IsAccepted => string.Equals(Status, "accepted", StringComparison.OrdinalIgnoreCase);
}
