using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The LLM provider of a MIA agent (<c>model.provider</c>): pipeline mode takes <c>openai</c> or <c>anthropic</c>, realtime mode <c>openai</c>, <c>xai</c> or <c>google</c>. The provider key must be stored in the dashboard's Integrations page. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<AgentModelProvider>))]
public readonly struct AgentModelProvider : IExtensibleEnum<AgentModelProvider>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public AgentModelProvider(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>OpenAI (pipeline and realtime) (<c>openai</c>).</summary>
    public static AgentModelProvider OpenAI { get; } = new("openai");

    /// <summary>Anthropic (pipeline) (<c>anthropic</c>).</summary>
    public static AgentModelProvider Anthropic { get; } = new("anthropic");

    /// <summary>xAI (realtime) (<c>xai</c>).</summary>
    public static AgentModelProvider XAI { get; } = new("xai");

    /// <summary>Google Gemini (realtime) (<c>google</c>).</summary>
    public static AgentModelProvider Google { get; } = new("google");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgentModelProvider left, AgentModelProvider right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgentModelProvider left, AgentModelProvider right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AgentModelProvider(string value) => new(value);

    /// <inheritdoc />
    public static AgentModelProvider FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentModelProvider other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentModelProvider other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
