namespace MeetStream.Client.TestSupport.Processes;

/// <summary>The repository checkout the tests run from: the folder holding <c>MeetStream.Client.sln</c>, found above the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Gets the repository root's full path.</summary>
    public static string Path => Root.Value;

    /// <summary>Gets the built dll of a sample, in the configuration and framework of the running test binaries.</summary>
    /// <param name="sample">The sample's folder under <c>samples/</c>.</param>
    /// <param name="assembly">The sample's assembly name.</param>
    /// <returns>The dll's full path (it exists, or the test fails).</returns>
    public static string SampleDll(string sample, string assembly)
    {
        var binDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = binDirectory.Parent!.Name;
        var dll = System.IO.Path.Combine(Path, "samples", sample, "bin", configuration, binDirectory.Name, assembly + ".dll");
        Assert.True(File.Exists(dll), $"The {sample} sample was not built at {dll}.");
        return dll;
    }

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "MeetStream.Client.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException($"MeetStream.Client.sln not found above {AppContext.BaseDirectory}.");
    }
}
