using System.Reflection;

namespace MeetStream.Client.Tests.PublicApi;

/// <summary>
/// Compares an assembly's public surface (<see cref="PublicApiGenerator"/>) with the approved text file next to the
/// calling test; on a difference writes <c>*.received.txt</c> and fails with the changed lines.
/// </summary>
public static class PublicApiApproval
{
    public static void Verify(Assembly assembly, [System.Runtime.CompilerServices.CallerFilePath] string callerFile = "")
    {
        var name = assembly.GetName().Name!;
        var directory = Path.GetDirectoryName(callerFile) is { } d && Directory.Exists(d) ? d : FindDirectory(assembly);
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

    private static string FindDirectory(Assembly assembly)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MeetStream.Client.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "tests", assembly.GetName().Name + ".Tests", "PublicApi");
    }
}
