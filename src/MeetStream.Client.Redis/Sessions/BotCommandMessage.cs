using System.Text.Json.Serialization;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>A control command for a bot, published by the sending replica on the owning replica's command channel.</summary>
internal sealed class BotCommandMessage
{
    /// <summary>Gets or sets the correlation id the reply carries back.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the replica id of the sender, whose reply channel gets the result.</summary>
    [JsonPropertyName("reply_to")]
    public string ReplyTo { get; set; } = string.Empty;

    /// <summary>Gets or sets the bot the command is for.</summary>
    [JsonPropertyName("bot_id")]
    public string BotId { get; set; } = string.Empty;

    /// <summary>Gets or sets the command: <see cref="BotCommandKinds"/>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets or sets the speech as little-endian mono PCM16 (speak only).</summary>
    [JsonPropertyName("pcm")]
    public byte[]? Pcm { get; set; }

    /// <summary>Gets or sets the speech's sample rate (speak only).</summary>
    [JsonPropertyName("sample_rate")]
    public int SampleRate { get; set; }

    /// <summary>Gets or sets the chat text (chat only).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
