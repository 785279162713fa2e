using System.Text.Json;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Reads a JSON list that MeetStream sends either as an array or as an object keyed by item name (the OpenAPI and
/// guide disagree for MIA tools and MCP servers): each element is passed to a reader with its key (or
/// <see langword="null"/> in an array); elements the reader rejects are skipped.
/// </summary>
internal static class KeyedListJson
{
    /// <summary>Collects the items of an array or keyed object.</summary>
    /// <param name="root">The array or object.</param>
    /// <param name="readOne">Reads one element and its key; returns <see langword="null"/> to skip it.</param>
    /// <param name="items">Receives the items.</param>
    /// <returns><see langword="false"/> when <paramref name="root"/> is neither an array nor an object.</returns>
    public static bool TryRead<T>(JsonElement root, Func<JsonElement, string?, T?> readOne, List<T> items)
        where T : class
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in root.EnumerateArray())
                {
                    Add(readOne(item, null), items);
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in root.EnumerateObject())
                {
                    Add(readOne(property.Value, property.Name), items);
                }

                return true;
            default:
                return false;
        }
    }

    private static void Add<T>(T? item, List<T> items)
        where T : class
    {
        if (item is not null)
        {
            items.Add(item);
        }
    }
}
