using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The text-to-speech provider of a pipeline MIA agent (<c>voice.provider</c>). Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<AgentVoiceProvider>))]
public readonly struct AgentVoiceProvider : IExtensibleEnum<AgentVoiceProvider>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public AgentVoiceProvider(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>OpenAI TTS, e.g. model <c>tts-1</c> (<c>openai</c>).</summary>
    public static AgentVoiceProvider OpenAI { get; } = new("openai");

    /// <summary>ElevenLabs, e.g. model <c>eleven_turbo_v2_5</c> (<c>elevenlabs</c>).</summary>
    public static AgentVoiceProvider ElevenLabs { get; } = new("elevenlabs");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgentVoiceProvider left, AgentVoiceProvider right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgentVoiceProvider left, AgentVoiceProvider right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AgentVoiceProvider(string value) => new(value);

    /// <inheritdoc />
    public static AgentVoiceProvider FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentVoiceProvider other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentVoiceProvider other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
