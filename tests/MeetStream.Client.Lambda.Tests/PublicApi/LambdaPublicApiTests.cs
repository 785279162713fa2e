using MeetStream.Client.Tests.PublicApi;

namespace MeetStream.Client.Lambda.Tests.PublicApi;

/// <summary>
/// The public surface of MeetStream.Client.Lambda must match <c>MeetStream.Client.Lambda.approved.txt</c>. On a
/// difference the test writes <c>*.received.txt</c> beside it; review it and copy it over the approved file (or run
/// the tests with MEETSTREAM_ACCEPT_API=1) in the same change as the code.
/// </summary>
public sealed class LambdaPublicApiTests
{
    [Fact]
    public void LambdaPackage_PublicApi_MatchesApprovedFile()
    {
        var assembly = typeof(LambdaHost).Assembly;
        var directory = FindDirectory();
        var approvedPath = Path.Combine(directory, "MeetStream.Client.Lambda.approved.txt");
        var receivedPath = Path.Combine(directory, "MeetStream.Client.Lambda.received.txt");
        var actual = PublicApiGenerator.Generate(assembly);
        if (Environment.GetEnvironmentVariable("MEETSTREAM_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var approvedLines = approved.Split('\n').ToHashSet();
        var actualLines = actual.Split('\n').ToHashSet();
        var changes = approvedLines.Except(actualLines).Take(30).Select(l => "- " + l).Concat(actualLines.Except(approvedLines).Take(30).Select(l => "+ " + l));
        Assert.Fail($"The public API of MeetStream.Client.Lambda changed. Review {receivedPath} and copy it to {approvedPath}.\n" + string.Join("\n", changes));
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

        return Path.Combine(dir?.FullName ?? ".", "tests", "MeetStream.Client.Lambda.Tests", "PublicApi");
    }
}
