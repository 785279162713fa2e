using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// How a MIA agent talks: a pipeline of separate speech-to-text, LLM and text-to-speech providers, or one realtime speech-to-speech model. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<AgentMode>))]
public readonly struct AgentMode : IExtensibleEnum<AgentMode>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public AgentMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Separate transcriber, model and voice providers; supports wake words (<c>pipeline</c>).</summary>
    public static AgentMode Pipeline { get; } = new("pipeline");

    /// <summary>One speech-to-speech model (OpenAI, xAI or Google); lowest latency (<c>realtime</c>).</summary>
    public static AgentMode Realtime { get; } = new("realtime");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgentMode left, AgentMode right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgentMode left, AgentMode right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AgentMode(string value) => new(value);

    /// <inheritdoc />
    public static AgentMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
