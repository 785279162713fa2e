using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The layout of the recorded mixed video. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<VideoLayout>))]
public readonly struct VideoLayout : IExtensibleEnum<VideoLayout>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public VideoLayout(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The active speaker (<c>speaker_view</c>).</summary>
    public static VideoLayout SpeakerView { get; } = new("speaker_view");

    /// <summary>All participants in a grid (the API default when video is on) (<c>grid_view</c>).</summary>
    public static VideoLayout GridView { get; } = new("grid_view");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(VideoLayout left, VideoLayout right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(VideoLayout left, VideoLayout right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VideoLayout(string value) => new(value);

    /// <inheritdoc />
    public static VideoLayout FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VideoLayout other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VideoLayout other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
