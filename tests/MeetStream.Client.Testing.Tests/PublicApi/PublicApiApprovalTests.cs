using MeetStream.Client.Tests.PublicApi;

namespace MeetStream.Client.Testing.Tests.PublicApi;

/// <summary>
/// The public surface of MeetStream.Client.Testing must match its reviewed text file. On a difference the test writes
/// <c>*.received.txt</c> beside the approved file; review it and copy it over (or run with MEETSTREAM_ACCEPT_API=1).
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void MeetStreamClientTesting_PublicApi_MatchesApprovedFile()
    {
        var assembly = typeof(MeetStreamSimulator).Assembly;
        var directory = FindDirectory();
        var approvedPath = Path.Combine(directory, assembly.GetName().Name + ".approved.txt");
        var receivedPath = Path.Combine(directory, assembly.GetName().Name + ".received.txt");
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
        var added = actual.Split('\n').Except(approved.Split('\n')).Take(30).Select(l => "+ " + l);
        var removed = approved.Split('\n').Except(actual.Split('\n')).Take(30).Select(l => "- " + l);
        Assert.Fail($"The public API of {assembly.GetName().Name} changed. Review {receivedPath} and copy it to {approvedPath}.\n" + string.Join("\n", removed.Concat(added)));
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

        return Path.Combine(dir?.FullName ?? ".", "tests", "MeetStream.Client.Testing.Tests", "PublicApi");
    }
}
