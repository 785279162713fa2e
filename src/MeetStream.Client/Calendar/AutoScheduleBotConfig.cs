using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The bot auto-join sends to every meeting (<c>default_bot_config</c> of <c>SetupCronRequest</c>; also returned by
/// the settings). <see cref="CallbackUrl"/> and <see cref="Transcription"/> come from the guide's examples.
/// </summary>
public sealed class AutoScheduleBotConfig : MeetStreamObject
{
    /// <summary>The bot's display name.</summary>
    [JsonPropertyName("bot_name")]
    public string? BotName { get; init; }

    /// <summary>Whether to record audio.</summary>
    [JsonPropertyName("audio_required")]
    public bool? AudioRequired { get; init; }

    /// <summary>Whether to record video. The documented default conflicts, so set it explicitly.</summary>
    [JsonPropertyName("video_required")]
    public bool? VideoRequired { get; init; }

    /// <summary>A chat message the bot posts after it joins.</summary>
    [JsonPropertyName("bot_message")]
    public string? BotMessage { get; init; }

    /// <summary>A public image URL for the bot's avatar or camera.</summary>
    [JsonPropertyName("bot_image_url")]
    public string? BotImageUrl { get; init; }

    /// <summary>When the bot leaves by itself.</summary>
    [JsonPropertyName("automatic_leave")]
    public AutomaticLeaveConfig? AutomaticLeave { get; init; }

    /// <summary>The bots' webhook URL (guide examples).</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary>The transcription provider under the legacy <c>transcription</c> key (guide examples).</summary>
    [JsonPropertyName("transcription")]
    public TranscriptionProvider? Transcription { get; init; }
}
