using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace MeetStream.Client.Lambda.Storage;

/// <summary>Builds a DynamoDB update expression with explicit attribute names and values (no object mapping).</summary>
internal sealed class UpdateBuilder
{
    private readonly List<string> _set = [];
    private readonly List<string> _add = [];
    private readonly List<string> _remove = [];

    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AttributeValue> Values { get; } = new(StringComparer.Ordinal);

    public string Expression =>
        string.Join(' ', new[]
        {
            _set.Count > 0 ? "SET " + string.Join(", ", _set) : null,
            _add.Count > 0 ? "ADD " + string.Join(", ", _add) : null,
            _remove.Count > 0 ? "REMOVE " + string.Join(", ", _remove) : null,
        }.Where(p => p is not null));

    public UpdateBuilder Set(string attribute, AttributeValue value)
    {
        _set.Add($"{Name(attribute)} = {Value(attribute, value)}");
        return this;
    }

    public UpdateBuilder SetIfMissing(string attribute, AttributeValue value)
    {
        var name = Name(attribute);
        _set.Add($"{name} = if_not_exists({name}, {Value(attribute, value)})");
        return this;
    }

    public UpdateBuilder Add(string attribute, long amount)
    {
        _add.Add($"{Name(attribute)} {Value(attribute, N(amount))}");
        return this;
    }

    public UpdateBuilder Remove(string attribute)
    {
        _remove.Add(Name(attribute));
        return this;
    }

    /// <summary>Returns the placeholder of an attribute name, registering it.</summary>
    public string Name(string attribute)
    {
        var placeholder = "#" + attribute;
        Names[placeholder] = attribute;
        return placeholder;
    }

    /// <summary>Registers a value for a condition and returns its placeholder.</summary>
    public string Value(string key, AttributeValue value)
    {
        var placeholder = ":" + key;
        Values[placeholder] = value;
        return placeholder;
    }

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Time(DateTimeOffset value) => new() { S = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };
}
