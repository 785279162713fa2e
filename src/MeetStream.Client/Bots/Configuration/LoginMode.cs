using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// When a signed-in bot domain uses its accounts. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<LoginMode>))]
public readonly struct LoginMode : IExtensibleEnum<LoginMode>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public LoginMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Always join signed in (<c>always</c>).</summary>
    public static LoginMode Always { get; } = new("always");

    /// <summary>Sign in only when the meeting requires it (Google only) (<c>if_required</c>).</summary>
    public static LoginMode IfRequired { get; } = new("if_required");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LoginMode left, LoginMode right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LoginMode left, LoginMode right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator LoginMode(string value) => new(value);

    /// <inheritdoc />
    public static LoginMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(LoginMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LoginMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
