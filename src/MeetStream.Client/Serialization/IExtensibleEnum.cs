namespace MeetStream.Client.Serialization;

/// <summary>
/// An open string enumeration: a value type over a string with well-known values as static properties,
/// compared case-insensitively. MeetStream adds values without notice, so unknown values are kept, never rejected.
/// </summary>
/// <typeparam name="TSelf">The implementing value type.</typeparam>
public interface IExtensibleEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>Gets the exact string sent or received on the wire.</summary>
    string Value { get; }

    /// <summary>Creates an instance from its wire string.</summary>
    /// <param name="value">The wire string; must not be <see langword="null"/>.</param>
    /// <returns>The value.</returns>
    static abstract TSelf FromValue(string value);
}
