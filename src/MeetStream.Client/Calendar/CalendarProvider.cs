using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A calendar provider whose account MeetStream connects (the <c>provider</c> half of a connection key). Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<CalendarProvider>))]
public readonly struct CalendarProvider : IExtensibleEnum<CalendarProvider>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public CalendarProvider(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Google Calendar (<c>google</c>).</summary>
    public static CalendarProvider Google { get; } = new("google");

    /// <summary>Microsoft Outlook / Microsoft 365 calendar (<c>outlook</c>).</summary>
    public static CalendarProvider Outlook { get; } = new("outlook");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CalendarProvider left, CalendarProvider right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CalendarProvider left, CalendarProvider right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator CalendarProvider(string value) => new(value);

    /// <inheritdoc />
    public static CalendarProvider FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(CalendarProvider other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CalendarProvider other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
