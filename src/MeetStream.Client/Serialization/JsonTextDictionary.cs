using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A read-only string dictionary read from a JSON object whose non-string values are kept as their raw JSON text, and
/// which remembers which values those were so that writing it back gives the same JSON (<c>12</c> stays a number,
/// <c>"12"</c> a string). Made by <see cref="ObjectAsStringDictionaryJsonConverter"/>.
/// </summary>
internal sealed class JsonTextDictionary : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _jsonTextKeys;

    /// <summary>Initializes the dictionary.</summary>
    /// <param name="values">The values (strings as they are, others as JSON text).</param>
    /// <param name="jsonTextKeys">The keys whose value is JSON text rather than a string.</param>
    public JsonTextDictionary(Dictionary<string, string> values, HashSet<string> jsonTextKeys)
    {
        _values = values;
        _jsonTextKeys = jsonTextKeys;
    }

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<string> Values => _values.Values;

    /// <inheritdoc />
    public string this[string key] => _values[key];

    /// <summary>Gets whether the value of <paramref name="key"/> was a JSON value other than a string (kept as its JSON text).</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it is JSON text.</returns>
    public bool IsJsonText(string key) => _jsonTextKeys.Contains(key);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
