using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Who a <c>sendchat</c> message speaks for. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ChatRole>))]
public readonly struct ChatRole : IExtensibleEnum<ChatRole>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public ChatRole(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The bot or agent (<c>assistant</c>).</summary>
    public static ChatRole Assistant { get; } = new("assistant");

    /// <summary>A human participant (<c>user</c>).</summary>
    public static ChatRole User { get; } = new("user");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ChatRole left, ChatRole right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ChatRole left, ChatRole right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ChatRole(string value) => new(value);

    /// <inheritdoc />
    public static ChatRole FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ChatRole other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChatRole other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
