using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// How a MIA agent decides that a participant interrupted it (<c>agent.interruption_mode</c>). Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<AgentInterruptionMode>))]
public readonly struct AgentInterruptionMode : IExtensibleEnum<AgentInterruptionMode>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public AgentInterruptionMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Model-based detection (<c>adaptive</c>).</summary>
    public static AgentInterruptionMode Adaptive { get; } = new("adaptive");

    /// <summary>Voice activity detection (<c>vad</c>).</summary>
    public static AgentInterruptionMode Vad { get; } = new("vad");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgentInterruptionMode left, AgentInterruptionMode right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgentInterruptionMode left, AgentInterruptionMode right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AgentInterruptionMode(string value) => new(value);

    /// <inheritdoc />
    public static AgentInterruptionMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentInterruptionMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentInterruptionMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
