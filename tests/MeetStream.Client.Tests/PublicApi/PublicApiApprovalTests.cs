using System.Reflection;

namespace MeetStream.Client.Tests.PublicApi;

/// <summary>
/// The public surface of each package must match its reviewed text file. On a difference the test writes
/// <c>*.received.txt</c> beside the approved file; review it and copy it over the approved file (or run the tests
/// with MEETSTREAM_ACCEPT_API=1) in the same change as the code.
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void MeetStreamClient_PublicApi_MatchesApprovedFile() => Verify(typeof(MeetStreamClient).Assembly);

    internal static void Verify(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var directory = FindDirectory();
        var approvedPath = Path.Combine(directory, name + ".approved.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        var actual = PublicApiGenerator.Generate(assembly);
        if (Environment.GetEnvironmentVariable("MEETSTREAM_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, actual);
        var approvedLines = approved.Split('\n').ToHashSet();
        var actualLines = actual.Split('\n').ToHashSet();
        var added = actualLines.Except(approvedLines).Take(30).Select(l => "+ " + l);
        var removed = approvedLines.Except(actualLines).Take(30).Select(l => "- " + l);
        Assert.Fail($"The public API of {name} changed. Review {receivedPath} and copy it to {approvedPath}.\n" + string.Join("\n", removed.Concat(added)));
    }

    private static string FindDirectory([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var fromSource = Path.GetDirectoryName(source);
        if (fromSource is not null && Directory.Exists(fromSource))
        {
            return fromSource;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MeetStream.Client.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "tests", "MeetStream.Client.Tests", "PublicApi");
    }
}
