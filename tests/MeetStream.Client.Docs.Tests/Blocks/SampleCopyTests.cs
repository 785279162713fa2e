using MeetStream.Client.Docs.Tests.Snippets;

namespace MeetStream.Client.Docs.Tests.Blocks;

/// <summary>
/// Doc blocks that show a whole sample file are that file, character for character (line endings aside), so the
/// doc cannot drift from the program the sample tests run.
/// </summary>
public sealed class SampleCopyTests
{
    [Theory]
    [InlineData("docs/realtime.md", "class ParrotAgent", "samples/LiveAgent/ParrotAgent.cs")]
    public void DocBlock_ShowingASampleFile_IsThatFile(string document, string marker, string sampleFile)
    {
        var block = Assert.Single(DocumentSet.All, b => b.File == document && b.Code.Contains(marker, StringComparison.Ordinal));
        var sample = File.ReadAllText(Path.Combine(DocumentSet.RepositoryRoot, sampleFile));

        Assert.Equal(sample.ReplaceLineEndings("\n").Trim(), block.Code.ReplaceLineEndings("\n").Trim());
    }
}
