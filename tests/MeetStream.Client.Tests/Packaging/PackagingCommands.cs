using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Tests.Packaging;

/// <summary>
/// The command runner of the packaging tests: runs a program (dotnet, git, a published binary) to completion with a
/// hang-guard timeout and returns its exit code and combined output; finds the repository root.
/// </summary>
internal static class PackagingCommands
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> and returns its exit code and stdout + stderr.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string workingDirectory, TimeSpan timeout) =>
        ChildProcess.RunToEndAsync(file, args, workingDirectory, timeout, TestContext.Current.CancellationToken);

    /// <summary>The repository root: the first folder above the test binaries that holds MeetStream.Client.sln.</summary>
    public static string FindRoot() => RepositoryRoot.Path;

    /// <summary>This machine's global NuGet packages folder: a local source that holds everything the build restored.</summary>
    public static string MachinePackageCache =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Deletes <paramref name="path"/> if it exists and creates it empty.</summary>
    public static string CleanDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }
}
