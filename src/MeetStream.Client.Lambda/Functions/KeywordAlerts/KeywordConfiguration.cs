using System.Text.Json;
using MeetStream.Client.Keywords;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda.Functions;

/// <summary>
/// Reads the keyword-alert function's keywords from the environment: <c>MEETSTREAM_KEYWORDS</c> (comma-separated, each
/// <c>phrase</c> or <c>category:phrase</c>) and/or <c>MEETSTREAM_KEYWORDS_FILE</c> (a JSON array of
/// <c>{"phrase","category","id","match_plurals"}</c>, for lists beyond the 4 KB of Lambda environment variables).
/// </summary>
internal static class KeywordConfiguration
{
    public const string InlineVariable = "MEETSTREAM_KEYWORDS";
    public const string FileVariable = "MEETSTREAM_KEYWORDS_FILE";

    public static List<KeywordDefinition> Read(Func<string, string?> env)
    {
        var keywords = new List<KeywordDefinition>();
        if (env(InlineVariable) is { Length: > 0 } inline)
        {
            keywords.AddRange(ParseInline(inline));
        }

        if (env(FileVariable) is { Length: > 0 } path)
        {
            byte[] json;
            try
            {
                json = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new LambdaHostException($"{FileVariable} names '{path}', which could not be read: {ex.Message}", ex);
            }

            keywords.AddRange(ParseJson(json, path));
        }

        return keywords.Count > 0
            ? keywords
            : throw new LambdaHostException($"The keyword-alerts function has no keywords: set {InlineVariable} (comma-separated, each 'phrase' or 'category:phrase') and/or {FileVariable} (a JSON array of {{\"phrase\",\"category\"}} objects).");
    }

    public static IEnumerable<KeywordDefinition> ParseInline(string value)
    {
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var category = colon > 0 ? entry[..colon].Trim() : null;
            var phrase = colon >= 0 ? entry[(colon + 1)..].Trim() : entry;
            if (phrase.Length == 0)
            {
                throw new LambdaHostException($"{InlineVariable} has an entry without a phrase ('{entry}'); write 'phrase' or 'category:phrase'.");
            }

            yield return new KeywordDefinition(phrase, string.IsNullOrEmpty(category) ? null : category);
        }
    }

    public static IEnumerable<KeywordDefinition> ParseJson(byte[] json, string source)
    {
        KeywordFileEntry?[]? entries;
        try
        {
            entries = JsonSerializer.Deserialize(json, LambdaJsonContext.Default.KeywordFileEntryArray);
        }
        catch (JsonException ex)
        {
            throw new LambdaHostException($"{FileVariable} ('{source}') is not a JSON array of {{\"phrase\",\"category\",\"id\",\"match_plurals\"}} objects: {ex.Message}", ex);
        }

        var index = 0;
        foreach (var entry in entries ?? [])
        {
            if (entry?.Phrase is not { } phrase || string.IsNullOrWhiteSpace(phrase))
            {
                throw new LambdaHostException($"{FileVariable} ('{source}'): entry {index} has no phrase.");
            }

            yield return new KeywordDefinition(phrase.Trim(), string.IsNullOrWhiteSpace(entry.Category) ? null : entry.Category) { Id = entry.Id, MatchPlurals = entry.MatchPlurals };
            index++;
        }
    }
}
