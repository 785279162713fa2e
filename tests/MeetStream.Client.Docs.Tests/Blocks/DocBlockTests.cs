using MeetStream.Client.Docs.Tests.Snippets;

namespace MeetStream.Client.Docs.Tests.Blocks;

/// <summary>Every C# block of the docs compiles as shown: one test case per block, named <c>file:line</c>.</summary>
public sealed class DocBlockTests(ITestOutputHelper output)
{
    /// <summary>The most blocks that may be fenced <c>csharp-sketch</c> (shown, not compiled).</summary>
    private const int SketchBudget = 0;

    /// <summary>Gets the name of every compiled block.</summary>
    public static TheoryData<string> CompiledBlocks => [.. DocumentSet.All.Where(b => !b.IsSketch).Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(CompiledBlocks))]
    public void DocBlock_AsShown_CompilesWithoutWarnings(string block)
    {
        var compiled = SnippetCompiler.Compile(block, DocumentSet.SourceOf(DocumentSet.Get(block)));

        Assert.True(compiled.Success, compiled.Describe());
    }

    [Fact]
    public void DocBlocks_AllDocuments_AreFoundAndSketchesCounted()
    {
        var blocks = DocumentSet.All;
        var sketches = blocks.Where(b => b.IsSketch).ToList();
        var continuing = blocks.Where(b => b.ContinuesPrevious).ToList();
        output.WriteLine($"{DocumentSet.Documents().Count} documents, {blocks.Count} C# blocks: {blocks.Count - sketches.Count} compiled, {sketches.Count} sketches (not compiled){string.Concat(sketches.Select(s => " " + s.Name))}, {continuing.Count} continuing an earlier block{string.Concat(continuing.Select(s => " " + s.Name))}.");

        Assert.Contains("README.md", DocumentSet.Documents());
        Assert.Contains("docs/getting-started.md", DocumentSet.Documents());
        Assert.Contains(blocks, b => b.Name == ReadmeProgram.BlockName);
        Assert.True(blocks.Count >= 40, $"Only {blocks.Count} C# blocks found: the extractor or the document list broke.");
        Assert.True(sketches.Count <= SketchBudget, $"{sketches.Count} csharp-sketch blocks (budget {SketchBudget}): {string.Join(", ", sketches)}");
    }
}
