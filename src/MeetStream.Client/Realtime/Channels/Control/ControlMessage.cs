using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Realtime;

/// <summary>
/// A JSON message the bot sends on the control channel: <see cref="ReadyMessage"/>,
/// <see cref="UserChatMessage"/> (<c>usermsg</c>), <see cref="InterruptMessage"/> (inbound <c>interrupt</c>), or
/// <see cref="UnknownControlMessage"/> for anything else. Match on the type.
/// </summary>
public abstract class ControlMessage : MeetStreamObject
{
    /// <summary>Gets the whole message as received, for fields this SDK does not model.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; internal set; }

    /// <summary>Gets the discriminator the message was recognised by: its <c>command</c>, or else its <c>type</c>.</summary>
    [JsonIgnore]
    public abstract string Name { get; }
}

/// <summary>
/// The handshake the bot sends first on the audio and control channels:
/// <c>{"type":"ready","bot_id":"bot_abc123","message":"Ready to receive messages"}</c>.
/// </summary>
public sealed class ReadyMessage : ControlMessage
{
    /// <summary>Gets the message type, <c>ready</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the bot id; every command sent on the channel carries it.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the human-readable status, e.g. <c>Ready to receive messages</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "ready";
}

/// <summary>
/// Meeting chat text forwarded to your server: <c>{"command":"usermsg","message":"…"}</c>.
/// </summary>
public sealed class UserChatMessage : ControlMessage
{
    /// <summary>Gets the command, <c>usermsg</c>.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    /// <summary>Gets the chat text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets the <c>msg</c> spelling of the text, if the bot sends it (outbound <c>sendmsg</c> uses both).</summary>
    [JsonPropertyName("msg")]
    public string? Msg { get; init; }

    /// <summary>Gets the bot id, if present.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the chat text from <c>message</c>, or from <c>msg</c> when only that is present.</summary>
    [JsonIgnore]
    public string? Text => Message ?? Msg;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "usermsg";
}

/// <summary>
/// An <c>interrupt</c> sent by MeetStream to your server (barge-in signalled by the platform):
/// <c>{"command":"interrupt", …}</c>. Stop speaking when it arrives.
/// </summary>
public sealed class InterruptMessage : ControlMessage
{
    /// <summary>Gets the command, <c>interrupt</c>.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    /// <summary>Gets the bot id, if present.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the action, if present (outbound interrupts use <c>clear_audio_queue</c>).</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "interrupt";
}

/// <summary>
/// A control message this SDK does not know (MeetStream documents no acks or errors, but may add them). The whole
/// JSON is in <see cref="ControlMessage.Raw"/>.
/// </summary>
public sealed class UnknownControlMessage : ControlMessage
{
    /// <summary>Gets the <c>command</c> member, if any.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    /// <summary>Gets the <c>type</c> member, if any.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => Command ?? Type ?? string.Empty;
}
