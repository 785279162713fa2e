using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Testing.Tests.Packaging;

/// <summary>
/// The simulator package is trimming/AOT safe (a Native AOT publish of its smoke program on net8.0 and net10.0 has zero
/// warnings and each native binary plays a bot end to end) and packs both targets, its docs and its own README.
/// </summary>
public sealed class SimulatorPackagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SmokeProgram_NativeAotPublishNet8AndNet10_NoWarningsAndRunsABotEndToEnd()
    {
        var root = FindRoot();

        // Both frameworks side by side, each in its own artifacts path: cheaper in wall time than one after the other.
        var results = await Task.WhenAll(new[] { "net8.0", "net10.0" }.Select(framework => PublishAndRunAsync(root, framework)));

        foreach (var (framework, publish, warnings, run) in results)
        {
            Assert.True(publish.ExitCode == 0, $"Native AOT publish ({framework}) failed:\n" + publish.Output);
            Assert.True(warnings.Count == 0, $"Native AOT publish ({framework}) produced warnings:\n" + string.Join("\n", warnings));
            var ran = Assert.NotNull(run);
            Assert.True(ran.ExitCode == 0, $"The native simulator smoke program ({framework}) failed:\n" + ran.Output);
            Assert.Contains("Simulator AOT smoke OK", ran.Output, StringComparison.Ordinal);
        }
    }

    private static async Task<(string Framework, (int ExitCode, string Output) Publish, List<string> Warnings, (int ExitCode, string Output)? Run)> PublishAndRunAsync(string root, string framework)
    {
        var output = Path.Combine(root, "artifacts", "simulator-aot-smoke", framework);
        var publish = await RunAsync("dotnet", ["publish", Path.Combine(root, "tests", "MeetStream.Client.Testing.AotSmoke"), "-f", framework, "-c", "Release", "-r", "linux-x64", "-o", output, "--artifacts-path", Isolated(root) + "-aot-" + framework, "--nologo", "-clp:NoSummary"], root, TimeSpan.FromMinutes(40)); // a hang guard: 1–2 min on idle cores, 20+ on a busy machine
        var warnings = publish.Output.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        if (publish.ExitCode != 0)
        {
            return (framework, publish, warnings, null);
        }

        var run = await RunAsync(Path.Combine(output, "MeetStream.Client.Testing.AotSmoke"), [], root, TimeSpan.FromMinutes(1));
        return (framework, publish, warnings, run);
    }

    [Fact]
    public async Task TestingPackage_DotnetPack_ProducesBothTargetsDocsReadmeAndAspNetCoreReference()
    {
        var root = FindRoot();
        var output = Path.Combine(root, "artifacts", "simulator-pack-test");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var pack = await RunAsync("dotnet", ["pack", Path.Combine(root, "src", "MeetStream.Client.Testing"), "-c", "Release", "-o", output, "--artifacts-path", Isolated(root), "--nologo"], root, TimeSpan.FromMinutes(30)); // a hang guard: under a minute on idle cores

        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        var package = Assert.Single(Directory.GetFiles(output, "MeetStream.Client.Testing.*.nupkg"));
        Assert.Single(Directory.GetFiles(output, "MeetStream.Client.Testing.*.snupkg"));
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[] { "lib/net8.0/MeetStream.Client.Testing.dll", "lib/net8.0/MeetStream.Client.Testing.xml", "lib/net10.0/MeetStream.Client.Testing.dll", "lib/net10.0/MeetStream.Client.Testing.xml", "README.md" })
        {
            Assert.Contains(expected, entries);
        }

        using var nuspec = new StreamReader(zip.GetEntry("MeetStream.Client.Testing.nuspec")!.Open());
        var text = await nuspec.ReadToEndAsync(Ct);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"MeetStream.Client\"", text, StringComparison.Ordinal);
        Assert.Contains("<frameworkReference name=\"Microsoft.AspNetCore.App\" />", text, StringComparison.Ordinal);
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        Assert.StartsWith("# MeetStream.Client.Testing", await readme.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string workingDirectory, TimeSpan timeout) =>
        ChildProcess.RunToEndAsync(file, args, workingDirectory, timeout, Ct);

    /// <summary>Its own artifacts path: never shares obj/ with the solution build or another test project's publish.</summary>
    private static string Isolated(string root) => Path.Combine(root, "artifacts", "simulator-build");

    private static string FindRoot() => RepositoryRoot.Path;
}
