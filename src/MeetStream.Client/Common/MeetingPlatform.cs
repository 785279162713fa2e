using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A meeting platform as MeetStream spells it. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<MeetingPlatform>))]
public readonly struct MeetingPlatform : IExtensibleEnum<MeetingPlatform>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public MeetingPlatform(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Google Meet (<c>GMeet</c>).</summary>
    public static MeetingPlatform GoogleMeet { get; } = new("GMeet");

    /// <summary>Zoom (<c>Zoom</c>).</summary>
    public static MeetingPlatform Zoom { get; } = new("Zoom");

    /// <summary>Microsoft Teams (<c>Teams</c>).</summary>
    public static MeetingPlatform Teams { get; } = new("Teams");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(MeetingPlatform left, MeetingPlatform right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(MeetingPlatform left, MeetingPlatform right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator MeetingPlatform(string value) => new(value);

    /// <inheritdoc />
    public static MeetingPlatform FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(MeetingPlatform other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MeetingPlatform other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
