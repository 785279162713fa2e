using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The AI summary of a meeting from <c>GET /bots/{bot_id}/summary</c> (needs a summary workflow in
/// <c>workflow_config_ids</c>). MeetStream does not document the real shape (its API reference reuses the detail
/// schema), so this model reads the likely members and keeps everything else in
/// <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class BotSummary : MeetStreamObject
{
    /// <summary>Gets the bot id, if sent.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the summary as sent: text, or an object of sections.</summary>
    [JsonPropertyName("summary")]
    public JsonElement? Summary { get; init; }

    /// <summary>Gets the bot details, when MeetStream answers with the detail shape its API reference declares.</summary>
    [JsonPropertyName("bot_details")]
    public BotDetails? BotDetails { get; init; }

    /// <summary>Gets MeetStream's message, if any (for example while no summary exists).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets the processing state of the summary, if sent.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Status { get; init; }

    /// <summary>Gets <see cref="Summary"/> when it is a JSON string, else <see langword="null"/>.</summary>
    [JsonIgnore]
    public string? SummaryText => Summary is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
}
