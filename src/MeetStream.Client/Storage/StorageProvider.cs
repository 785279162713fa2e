using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The cloud of a bring-your-own bucket configuration. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<StorageProvider>))]
public readonly struct StorageProvider : IExtensibleEnum<StorageProvider>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public StorageProvider(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Amazon S3 or an S3-compatible store (MinIO, Cloudflare R2) through <c>endpoint_url</c> (<c>aws</c>).</summary>
    public static StorageProvider Aws { get; } = new("aws");

    /// <summary>Alibaba Cloud OSS (default endpoint <c>https://s3.oss-&lt;region&gt;.aliyuncs.com</c>) (<c>alibaba_oss</c>).</summary>
    public static StorageProvider AlibabaOss { get; } = new("alibaba_oss");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(StorageProvider left, StorageProvider right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(StorageProvider left, StorageProvider right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator StorageProvider(string value) => new(value);

    /// <inheritdoc />
    public static StorageProvider FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(StorageProvider other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StorageProvider other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
