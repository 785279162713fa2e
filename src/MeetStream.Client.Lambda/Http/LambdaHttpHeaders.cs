using System.Collections;

namespace MeetStream.Client.Lambda;

/// <summary>
/// Request headers with case-insensitive names (API Gateway and Function URLs do not guarantee any casing) and every
/// value kept. Pass <see cref="GetValue"/> as the header lookup of the webhook validator.
/// </summary>
public sealed class LambdaHttpHeaders : IReadOnlyCollection<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the number of distinct header names.</summary>
    public int Count => _values.Count;

    /// <summary>Gets a header's values joined with <c>", "</c> (HTTP's combination rule), or <see langword="null"/> when absent.</summary>
    /// <param name="name">The header name, any casing.</param>
    public string? this[string name] => GetValue(name);

    /// <summary>Gets a header's values joined with <c>", "</c>, or <see langword="null"/> when absent.</summary>
    /// <param name="name">The header name, any casing.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _values.TryGetValue(name, out var list) ? (list.Count == 1 ? list[0] : string.Join(", ", list)) : null;
    }

    /// <summary>Gets every value of a header (empty when absent).</summary>
    /// <param name="name">The header name, any casing.</param>
    /// <returns>The values in the order received.</returns>
    public IReadOnlyList<string> GetValues(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _values.TryGetValue(name, out var list) ? list : [];
    }

    /// <summary>Gets whether the header is present.</summary>
    /// <param name="name">The header name, any casing.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _values.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Key, p.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Replaces a header's values (names differing only in case are one header).</summary>
    internal void Set(string name, IEnumerable<string?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!).ToList();
        if (list.Count > 0)
        {
            _values[name] = list;
        }
    }

    /// <summary>Adds values to a header.</summary>
    internal void Add(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
        }

        list.Add(value);
    }
}
