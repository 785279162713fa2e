using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The visual avatar provider of a MIA agent. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<AgentAvatarProvider>))]
public readonly struct AgentAvatarProvider : IExtensibleEnum<AgentAvatarProvider>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public AgentAvatarProvider(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Anam; needs <c>avatar_id</c> (not <c>persona_id</c>) and an Anam key in Integrations (<c>anam</c>).</summary>
    public static AgentAvatarProvider Anam { get; } = new("anam");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgentAvatarProvider left, AgentAvatarProvider right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgentAvatarProvider left, AgentAvatarProvider right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AgentAvatarProvider(string value) => new(value);

    /// <inheritdoc />
    public static AgentAvatarProvider FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentAvatarProvider other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentAvatarProvider other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
