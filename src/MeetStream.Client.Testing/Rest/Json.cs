using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Typed, validating reads of request JSON (no reflection): a wrong type is a 400 naming the field.</summary>
internal static class Json
{
    public static string? Str(JsonObject? obj, string name, string? path = null)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw ApiError.BadRequest($"{path ?? name} must be a string.");
        }

        return node.GetValue<string>();
    }

    public static bool? Bool(JsonObject? obj, string name, string? path = null)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiError.BadRequest($"{path ?? name} must be a boolean (true or false)."),
        };
    }

    public static int? Int(JsonObject? obj, string name, string? path = null)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || node is not JsonValue value)
        {
            throw ApiError.BadRequest($"{path ?? name} must be an integer.");
        }

        var number = value.GetValue<double>();
        if (number != Math.Floor(number) || number > int.MaxValue || number < int.MinValue)
        {
            throw ApiError.BadRequest($"{path ?? name} must be an integer; got {number.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (int)number;
    }

    public static double? Number(JsonObject? obj, string name, string? path = null)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            throw ApiError.BadRequest($"{path ?? name} must be a number.");
        }

        return node.GetValue<double>();
    }

    public static JsonObject? Obj(JsonObject? obj, string name, string? path = null)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node as JsonObject ?? throw ApiError.BadRequest($"{path ?? name} must be a JSON object.");
    }

    public static JsonArray? Arr(JsonObject? obj, string name, string? path = null)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node as JsonArray ?? throw ApiError.BadRequest($"{path ?? name} must be a JSON array.");
    }

    public static string RequiredStr(JsonObject obj, string name, string? what = null)
    {
        var value = Str(obj, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw ApiError.BadRequest($"{name} is required{(what is null ? "." : ": " + what + ".")}");
        }

        return value;
    }

    public static DateTimeOffset? Time(JsonObject? obj, string name, string? path = null)
    {
        var text = Str(obj, name, path);
        if (text is null)
        {
            return null;
        }

        return ParseIsoWithOffset(text) ?? throw ApiError.BadRequest($"{path ?? name} must be an ISO 8601 date-time with a timezone offset, e.g. 2026-09-01T10:00:00Z; got '{text}'.");
    }

    public static DateTimeOffset? ParseIsoWithOffset(string text)
    {
        var trimmed = text.Trim();
        var hasZone = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(trimmed, @"[+-]\d{2}:?\d{2}$");
        if (!hasZone || !trimmed.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }

    public static string Iso(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static string IsoZ(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    public static JsonArray Strings(IEnumerable<string> items) => Array(items.Select(i => (JsonNode?)JsonValue.Create(i)));

    public static string ValueText(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
