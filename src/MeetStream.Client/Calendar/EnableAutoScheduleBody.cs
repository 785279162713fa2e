using System.Text.Json.Serialization;

namespace MeetStream.Client;

/// <summary>The body of <c>POST /calendar/auto-schedule/enable</c> (<c>SetupCronRequest</c>).</summary>
internal sealed class EnableAutoScheduleBody
{
    [JsonPropertyName("default_bot_config")]
    public required AutoScheduleBotConfig DefaultBotConfig { get; init; }
}
