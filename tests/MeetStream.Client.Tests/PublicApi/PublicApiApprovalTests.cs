namespace MeetStream.Client.Tests.PublicApi;

/// <summary>
/// The public surface of each package must match its reviewed text file. On a difference the test writes
/// <c>*.received.txt</c> beside the approved file; review it and copy it over the approved file (or run the tests
/// with MEETSTREAM_ACCEPT_API=1) in the same change as the code.
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void MeetStreamClient_PublicApi_MatchesApprovedFile() => PublicApiApproval.Verify(typeof(MeetStreamClient).Assembly);

    [Fact]
    public void Normalize_Net8AndNet10AssemblyAttributes_GiveTheSameText()
    {
        const string Body = "namespace MeetStream.Client\n{\n    public sealed class BotsClient { }\n}\n";
        const string Net8 = "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"MeetStream.Client.Tests\")]\n" +
            "[assembly: System.Reflection.AssemblyMetadata(\"RepositoryUrl\", \"https://example.invalid/a.git\")]\n" +
            "[assembly: System.Runtime.Versioning.TargetFramework(\".NETCoreApp,Version=v8.0\", FrameworkDisplayName=\".NET 8.0\")]\n" + Body;
        var net10Text = "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"MeetStream.Client.Tests\")]\r\n" +
            "[assembly: System.Runtime.Versioning.TargetFramework(\".NETCoreApp,Version=v10.0\", FrameworkDisplayName=\".NET 10.0\")]\r\n" + Body.ReplaceLineEndings("\r\n");

        var net8 = PublicApiApproval.Normalize(Net8);

        Assert.Equal(net8, PublicApiApproval.Normalize(net10Text));
        Assert.DoesNotContain("TargetFramework", net8, StringComparison.Ordinal);
        Assert.Contains("InternalsVisibleTo(\"MeetStream.Client.Tests\")", net8, StringComparison.Ordinal);
    }

    [Fact]
    public void UnifiedDiff_OneMemberChanged_ShowsTheRemovedAndAddedLinesWithContext()
    {
        var before = Enumerable.Range(0, 40).Select(i => "    public void M" + i + "() { }").ToArray();
        var after = before.ToArray();
        after[20] = "    public void M20(int x) { }";

        var diff = PublicApiApproval.UnifiedDiff(before, after);

        Assert.Equal(
            "@@ -18,7 +18,7 @@\n" +
            "     public void M17() { }\n     public void M18() { }\n     public void M19() { }\n" +
            "-    public void M20() { }\n+    public void M20(int x) { }\n" +
            "     public void M21() { }\n     public void M22() { }\n     public void M23() { }\n",
            diff);
    }
}
