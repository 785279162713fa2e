using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// How a streaming provider cuts live transcript chunks. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<TranscriptionMode>))]
public readonly struct TranscriptionMode : IExtensibleEnum<TranscriptionMode>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public TranscriptionMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Whole sentences (<c>sentence</c>).</summary>
    public static TranscriptionMode Sentence { get; } = new("sentence");

    /// <summary>Word by word (<c>word</c>).</summary>
    public static TranscriptionMode Word { get; } = new("word");

    /// <summary>The provider's raw output (<c>raw</c>).</summary>
    public static TranscriptionMode Raw { get; } = new("raw");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TranscriptionMode left, TranscriptionMode right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TranscriptionMode left, TranscriptionMode right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator TranscriptionMode(string value) => new(value);

    /// <inheritdoc />
    public static TranscriptionMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(TranscriptionMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TranscriptionMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
