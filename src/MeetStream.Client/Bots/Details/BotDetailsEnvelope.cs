using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The wire shape of <c>GET /bots/{bot_id}/detail</c>: <c>{"bot_details": {…}}</c>.</summary>
internal sealed class BotDetailsEnvelope : MeetStreamObject
{
    [JsonPropertyName("bot_details")]
    public BotDetails? BotDetails { get; init; }
}
