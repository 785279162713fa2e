namespace MeetStream.Client.Tests.Packaging;

/// <summary>
/// Packaging checks. Proves AOT compatibility the only convincing way: a Native AOT publish (net8.0 and net10.0,
/// linux-x64) of the smoke program that roots every SDK assembly must produce zero trim/AOT warnings, and each native
/// binary must pass its checks.
/// </summary>
public sealed class PackagingTests
{
    [Fact]
    public async Task SmokeProgram_NativeAotPublishNet8AndNet10_NoWarningsAndRunsCorrectly()
    {
        var root = PackagingCommands.FindRoot();

        // The two publishes run side by side, each in its own artifacts path (no shared obj/): on 2 cores this costs
        // less wall time than one after the other, because much of each publish is single-threaded.
        var results = await Task.WhenAll(new[] { "net8.0", "net10.0" }.Select(framework => PublishAndRunAsync(root, framework)));

        foreach (var (framework, publish, warnings, run) in results)
        {
            Assert.True(publish.ExitCode == 0, $"Native AOT publish ({framework}) failed:\n" + publish.Output);
            Assert.True(warnings.Count == 0, $"Native AOT publish ({framework}) produced warnings:\n" + string.Join("\n", warnings));
            var ran = Assert.NotNull(run);
            Assert.True(ran.ExitCode == 0, $"The native smoke program ({framework}) failed:\n" + ran.Output);
            Assert.Contains("AOT smoke OK", ran.Output, StringComparison.Ordinal);
        }
    }

    private static async Task<(string Framework, (int ExitCode, string Output) Publish, List<string> Warnings, (int ExitCode, string Output)? Run)> PublishAndRunAsync(string root, string framework)
    {
        var output = Path.Combine(root, "artifacts", "aot-smoke", framework);
        var isolated = Path.Combine(root, "artifacts", "aot-smoke-build", framework);
        var publish = await PackagingCommands.RunAsync("dotnet", ["publish", Path.Combine(root, "tests", "MeetStream.Client.AotSmoke"), "-f", framework, "-c", "Release", "-r", "linux-x64", "-o", output, "--artifacts-path", isolated, "--nologo", "-clp:NoSummary"], root, TimeSpan.FromMinutes(40)); // a hang guard: 1–2 min on idle cores, 20+ on a busy machine
        var warnings = publish.Output.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        if (publish.ExitCode != 0)
        {
            return (framework, publish, warnings, null);
        }

        var run = await PackagingCommands.RunAsync(Path.Combine(output, "MeetStream.Client.AotSmoke"), [], root, TimeSpan.FromMinutes(1));
        return (framework, publish, warnings, run);
    }
}
