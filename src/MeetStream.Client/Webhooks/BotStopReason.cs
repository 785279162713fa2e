using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Why a bot's participation ended: the <c>bot_event</c> of a <c>bot.stopped</c> delivery. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<BotStopReason>))]
public readonly struct BotStopReason : IExtensibleEnum<BotStopReason>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public BotStopReason(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>A clean exit: the meeting ended, <c>remove_bot</c> was called, or a timeout fired; media is processed (<c>bot.stopped</c>).</summary>
    public static BotStopReason Stopped { get; } = new("bot.stopped");

    /// <summary>A participant removed the bot; what was recorded is still processed (<c>bot.kicked</c>).</summary>
    public static BotStopReason Kicked { get; } = new("bot.kicked");

    /// <summary>Nobody admitted the bot before the waiting-room timeout; nothing was recorded (<c>bot.notallowed</c>).</summary>
    public static BotStopReason NotAllowed { get; } = new("bot.notallowed");

    /// <summary>The host refused entry or recording; nothing was recorded (<c>bot.denied</c>).</summary>
    public static BotStopReason Denied { get; } = new("bot.denied");

    /// <summary>The bot failed at runtime; the recording may be partial or absent (<c>bot.failed</c>).</summary>
    public static BotStopReason Failed { get; } = new("bot.failed");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// Gets whether the bot ended without a usable meeting (not admitted, denied or failed); MeetStream sends these
    /// with <c>status_code</c> 500. A clean stop and a kick are not failures: their media is still processed.
    /// </summary>
    public bool IsFailure => Equals(NotAllowed) || Equals(Denied) || Equals(Failed);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(BotStopReason left, BotStopReason right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(BotStopReason left, BotStopReason right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator BotStopReason(string value) => new(value);

    /// <inheritdoc />
    public static BotStopReason FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BotStopReason other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BotStopReason other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
