using System.Text.RegularExpressions;

namespace MeetStream.Client.Docs.Tests.Snippets;

/// <summary>Finds the fenced C# blocks (<c>csharp</c>, <c>cs</c>, <c>c#</c>, and <c>csharp-sketch</c>) of a markdown text.</summary>
public static partial class MarkdownBlockExtractor
{
    /// <summary>The fence info string of a block that is shown but intentionally not compiled.</summary>
    public const string SketchLanguage = "csharp-sketch";

    /// <summary>Extracts the C# blocks of <paramref name="markdown"/>; other languages (bash, json, yaml, text) are skipped.</summary>
    /// <param name="file">The document's name, used in <see cref="DocBlock.Name"/>.</param>
    /// <param name="markdown">The document's text.</param>
    /// <returns>The blocks in document order.</returns>
    /// <exception cref="FormatException">A fence is never closed.</exception>
    public static IReadOnlyList<DocBlock> Extract(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var ticks = open.Groups["ticks"].Value;
            var language = open.Groups["info"].Value.Trim().Split(' ', 2)[0].ToLowerInvariant();
            var start = i;
            var body = new List<string>();
            for (i++; ; i++)
            {
                if (i >= lines.Length)
                {
                    throw new FormatException($"{file}:{start + 1}: the ``` fence opened here is never closed.");
                }

                var close = Fence().Match(lines[i]);
                if (close.Success && close.Groups["ticks"].Value.Length >= ticks.Length && close.Groups["info"].Value.Trim().Length == 0)
                {
                    break;
                }

                body.Add(lines[i].Length >= indent && lines[i][..indent].Trim().Length == 0 ? lines[i][indent..] : lines[i].TrimStart());
            }

            var isCSharp = language is "csharp" or "cs" or "c#";
            var isSketch = language == SketchLanguage;
            if (isCSharp || isSketch)
            {
                blocks.Add(new DocBlock(file, start + 1, string.Join('\n', body), isSketch, ContinuesMarker(lines, start)));
            }
        }

        return blocks;
    }

    // The nearest non-blank line before the fence is "<!-- snippet: continues ... -->".
    private static bool ContinuesMarker(string[] lines, int fence)
    {
        for (var j = fence - 1; j >= 0; j--)
        {
            if (lines[j].Trim().Length > 0)
            {
                return Continues().IsMatch(lines[j]);
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?<indent>[ ]{0,3})(?<ticks>`{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*continues\b.*-->\s*$")]
    private static partial Regex Continues();
}
