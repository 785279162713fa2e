using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace MeetStream.Client.Docs.Tests.Snippets;

/// <summary>The outcome of compiling one doc block: its errors, or its assembly.</summary>
/// <param name="Name">The block's name, <c>file:line</c>.</param>
/// <param name="Source">The compiled text.</param>
/// <param name="IsProgram">Whether the block has top-level statements (compiled as a console program).</param>
/// <param name="Errors">The errors, warnings included (they are errors here).</param>
/// <param name="Assembly">The emitted assembly when there are no errors.</param>
public sealed record SnippetCompilation(string Name, string Source, bool IsProgram, IReadOnlyList<Diagnostic> Errors, byte[]? Assembly)
{
    /// <summary>Gets whether the block compiled without errors or warnings.</summary>
    public bool Success => Errors.Count == 0 && Assembly is not null;

    /// <summary>Describes the errors with the numbered source, for a failing test's message.</summary>
    /// <returns>A multi-line report.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Name} does not compile as shown ({Errors.Count} diagnostics):");
        foreach (var error in Errors)
        {
            var where = error.Location.GetLineSpan();
            text.AppendLine(CultureInfo.InvariantCulture, $"  block line {where.StartLinePosition.Line + 1}: {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}");
        }

        var lines = Source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1,4} | {lines[i]}");
        }

        return text.ToString();
    }
}
