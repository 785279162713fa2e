using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The speech-to-text provider of a pipeline MIA agent (<c>transcriber.provider</c>); separate from the recording transcription providers. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<AgentTranscriberProvider>))]
public readonly struct AgentTranscriberProvider : IExtensibleEnum<AgentTranscriberProvider>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public AgentTranscriberProvider(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>OpenAI, e.g. model <c>whisper-1</c> (<c>openai</c>).</summary>
    public static AgentTranscriberProvider OpenAI { get; } = new("openai");

    /// <summary>Deepgram, e.g. model <c>nova-3</c> (<c>deepgram</c>).</summary>
    public static AgentTranscriberProvider Deepgram { get; } = new("deepgram");

    /// <summary>AssemblyAI (<c>assemblyai</c>).</summary>
    public static AgentTranscriberProvider AssemblyAI { get; } = new("assemblyai");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgentTranscriberProvider left, AgentTranscriberProvider right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgentTranscriberProvider left, AgentTranscriberProvider right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AgentTranscriberProvider(string value) => new(value);

    /// <inheritdoc />
    public static AgentTranscriberProvider FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentTranscriberProvider other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentTranscriberProvider other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
