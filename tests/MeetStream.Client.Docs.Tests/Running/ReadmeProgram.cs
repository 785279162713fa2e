using MeetStream.Client.Docs.Tests.Snippets;

namespace MeetStream.Client.Docs.Tests;

/// <summary>Where the programs the docs promise to run are: the README's "Ten lines" and the getting-started guide.</summary>
public static class ReadmeProgram
{
    /// <summary>Gets the README's "Ten lines" block (the README's first C# block).</summary>
    public static DocBlock TenLines => DocumentSet.All.First(b => b.File == "README.md" && !b.IsSketch);

    /// <summary>Gets the name of <see cref="TenLines"/>.</summary>
    public static string BlockName => TenLines.Name;

    /// <summary>Gets the last block of docs/getting-started.md's walkthrough (it continues the ones before it).</summary>
    public static DocBlock GettingStarted =>
        DocumentSet.All.Last(b => b.File == "docs/getting-started.md" && b.ContinuesPrevious);
}
