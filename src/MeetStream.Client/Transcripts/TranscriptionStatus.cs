using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The state of one transcription run in <c>GET /bots/{bot_id}/transcriptions</c>. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<TranscriptionStatus>))]
public readonly struct TranscriptionStatus : IExtensibleEnum<TranscriptionStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public TranscriptionStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The transcript is ready (<c>Success</c>).</summary>
    public static TranscriptionStatus Success { get; } = new("Success");

    /// <summary>The provider is still working (<c>Processing</c>).</summary>
    public static TranscriptionStatus Processing { get; } = new("Processing");

    /// <summary>The run failed (<c>Failed</c>).</summary>
    public static TranscriptionStatus Failed { get; } = new("Failed");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TranscriptionStatus left, TranscriptionStatus right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TranscriptionStatus left, TranscriptionStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator TranscriptionStatus(string value) => new(value);

    /// <inheritdoc />
    public static TranscriptionStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(TranscriptionStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TranscriptionStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
