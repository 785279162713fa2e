using MeetStream.Client.Docs.Tests.Snippets;

namespace MeetStream.Client.Docs.Tests.Compiler;

/// <summary>The extractor and the compiler catch a bad block: a doc cannot gain a C# block that does not compile.</summary>
public sealed class SnippetCompilerTests
{
    private const string Doc = """
        # Guide

        ```bash
        dotnet run --project samples/QuickStart
        ```

        ```csharp
        using MeetStream.Client;

        using var client = new MeetStreamClient(apiKey: null);
        ```

        <!-- snippet: continues the block above -->
        ```csharp
        var bot = await client.Bots.GetStatusAsync(undefinedBotId);
        ```

        ```csharp-sketch
        Task<Transcript> WaitForTranscriptAsync(string transcriptId, ...);
        ```

        ```json
        { "bot_id": "b1" }
        ```
        """;

    [Fact]
    public void Extract_MixedDocument_FindsCSharpBlocksWithLinesAndMarkers()
    {
        var blocks = MarkdownBlockExtractor.Extract("docs/guide.md", Doc);

        Assert.Equal(["docs/guide.md:7", "docs/guide.md:14", "docs/guide.md:18"], blocks.Select(b => b.Name));
        Assert.Equal([false, true, false], blocks.Select(b => b.ContinuesPrevious));
        Assert.Equal([false, false, true], blocks.Select(b => b.IsSketch));
        Assert.StartsWith("using MeetStream.Client;", blocks[0].Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UnclosedFence_ThrowsFormatExceptionNamingTheLine()
    {
        var error = Assert.Throws<FormatException>(() => MarkdownBlockExtractor.Extract("docs/bad.md", "text\n```csharp\nvar x = 1;\n"));

        Assert.Contains("docs/bad.md:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UndefinedName_FailsNamingTheBlockAndTheError()
    {
        var compiled = SnippetCompiler.Compile("docs/guide.md:14", "using MeetStream.Client;\n\nawait new MeetStreamClient(apiKey: null).Bots.GetStatusAsync(undefinedBotId);");

        Assert.False(compiled.Success);
        Assert.Contains(compiled.Errors, e => e.Id == "CS0103");
        Assert.Contains("docs/guide.md:14 does not compile", compiled.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NullPassedToNonNullableParameter_FailsAsWarningAsError()
    {
        // The README's old last line: a string? transcript id passed where a string is required (CS8604).
        var compiled = SnippetCompiler.Compile("README.md:33", """
            using MeetStream.Client;

            using var client = new MeetStreamClient(apiKey: null);
            string? transcriptId = Environment.GetEnvironmentVariable("TRANSCRIPT_ID");
            await client.Transcripts.WaitForTranscriptAsync(transcriptId);
            """);

        Assert.False(compiled.Success);
        Assert.Contains(compiled.Errors, e => e.Id == "CS8604");
    }

    [Fact]
    public void Compile_UnusedVariable_FailsAsWarningAsError()
    {
        var compiled = SnippetCompiler.Compile("docs/x.md:1", "void Run() { int unused = 1; }\nRun();");

        Assert.False(compiled.Success);
        Assert.Contains(compiled.Errors, e => e.Id == "CS0219");
    }

    [Fact]
    public void Compile_MissingUsing_FailsBecauseOnlyTheSdkImplicitUsingsAreGlobal()
    {
        var compiled = SnippetCompiler.Compile("docs/x.md:1", "using var client = new MeetStreamClient(apiKey: null);");

        Assert.False(compiled.Success);
        Assert.Contains(compiled.Errors, e => e.Id == "CS0246");
    }

    [Fact]
    public void Compile_TypesOnly_CompilesAsLibrary()
    {
        var compiled = SnippetCompiler.Compile("docs/x.md:1", "using MeetStream.Client;\n\npublic sealed class Holder(IMeetStreamClient client) { public IMeetStreamClient Client => client; }");

        Assert.True(compiled.Success, compiled.Describe());
        Assert.False(compiled.IsProgram);
    }

    [Fact]
    public void Compose_ContinuingBlock_HoistsUsingsAboveStatements()
    {
        var source = SnippetCompiler.Compose(["using MeetStream.Client;\n\nusing var client = new MeetStreamClient(apiKey: null);", "using System.Text;\n\nvar text = new StringBuilder();\nConsole.WriteLine($\"{client.Bots} {text}\");"]);
        var compiled = SnippetCompiler.Compile("docs/x.md:5", source);

        Assert.True(compiled.Success, compiled.Describe());
        Assert.StartsWith("using MeetStream.Client;\nusing System.Text;\n", source, StringComparison.Ordinal);
    }
}
