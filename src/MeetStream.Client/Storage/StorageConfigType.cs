using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The <c>config_type</c> query value of <see cref="IStorageClient.SetAsync"/>: which configuration MeetStream's
/// <c>PUT /admin/configs</c> saves. The API reference and the official SDKs send <see cref="Storage"/>; MeetStream's S3
/// guide writes <see cref="StorageConfig"/>. Open: another value MeetStream documents later can be passed as a string;
/// comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<StorageConfigType>))]
public readonly struct StorageConfigType : IExtensibleEnum<StorageConfigType>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public StorageConfigType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The value the API reference and the official SDKs send (<c>storage</c>); the default.</summary>
    public static StorageConfigType Storage { get; } = new("storage");

    /// <summary>The spelling MeetStream's S3 storage guide uses (<c>StorageConfig</c>).</summary>
    public static StorageConfigType StorageConfig { get; } = new("StorageConfig");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(StorageConfigType left, StorageConfigType right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(StorageConfigType left, StorageConfigType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator StorageConfigType(string value) => new(value);

    /// <inheritdoc />
    public static StorageConfigType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(StorageConfigType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StorageConfigType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
