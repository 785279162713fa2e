using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// What MeetStream may do with your bucket. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<StorageAccessMode>))]
public readonly struct StorageAccessMode : IExtensibleEnum<StorageAccessMode>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public StorageAccessMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>MeetStream writes and reads back media (its fetch endpoints keep working); validated with HeadBucket (<c>read_write</c>).</summary>
    public static StorageAccessMode ReadWrite { get; } = new("read_write");

    /// <summary>MeetStream only writes; its fetch endpoints answer 403 for that media, read it from your bucket (<c>write_only</c>).</summary>
    public static StorageAccessMode WriteOnly { get; } = new("write_only");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(StorageAccessMode left, StorageAccessMode right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(StorageAccessMode left, StorageAccessMode right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator StorageAccessMode(string value) => new(value);

    /// <inheritdoc />
    public static StorageAccessMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(StorageAccessMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StorageAccessMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
