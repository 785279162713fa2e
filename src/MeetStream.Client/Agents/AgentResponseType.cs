using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// How a MIA agent answers (<c>agent.response_type</c>); MeetStream's default is voice. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<AgentResponseType>))]
public readonly struct AgentResponseType : IExtensibleEnum<AgentResponseType>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public AgentResponseType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Speaks in the meeting (<c>voice</c>).</summary>
    public static AgentResponseType Voice { get; } = new("voice");

    /// <summary>Writes in the meeting chat (<c>chat</c>).</summary>
    public static AgentResponseType Chat { get; } = new("chat");

    /// <summary>Runs tools without replying (<c>action</c>).</summary>
    public static AgentResponseType Action { get; } = new("action");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgentResponseType left, AgentResponseType right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgentResponseType left, AgentResponseType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AgentResponseType(string value) => new(value);

    /// <inheritdoc />
    public static AgentResponseType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentResponseType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentResponseType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
