using System.Text.Json.Serialization;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>The owning replica's answer to a <see cref="BotCommandMessage"/>, published on the sender's reply channel.</summary>
internal sealed class BotCommandReply
{
    /// <summary>Gets or sets the correlation id of the command.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the failure, or <see langword="null"/> when the command succeeded.</summary>
    [JsonPropertyName("failure")]
    public RemoteBotCommandFailure? Failure { get; set; }

    /// <summary>Gets or sets what went wrong (the owning replica's error message).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>Gets or sets how a speak command ended.</summary>
    [JsonPropertyName("speak_result")]
    public MeetStream.Client.Realtime.SpeakResult? SpeakResult { get; set; }
}
