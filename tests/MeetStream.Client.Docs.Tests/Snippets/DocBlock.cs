namespace MeetStream.Client.Docs.Tests.Snippets;

/// <summary>A fenced C# code block of a markdown document, with where it starts.</summary>
/// <param name="File">The document, relative to the repository root with '/' separators (e.g. <c>docs/webhooks.md</c>).</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Code">The block's text, without the fences.</param>
/// <param name="IsSketch">Whether the block is fenced <c>csharp-sketch</c>: shown, intentionally not compiled.</param>
/// <param name="ContinuesPrevious">Whether an <c>&lt;!-- snippet: continues --&gt;</c> comment precedes the block: it is compiled after the previous C# block of the same document.</param>
public sealed record DocBlock(string File, int Line, string Code, bool IsSketch, bool ContinuesPrevious)
{
    /// <summary>Gets the block's name in test output and failures: <c>file:line</c>.</summary>
    public string Name => $"{File}:{Line}";

    /// <inheritdoc />
    public override string ToString() => Name;
}
