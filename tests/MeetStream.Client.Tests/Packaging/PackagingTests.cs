using System.Diagnostics;

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
        var root = FindRoot();

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
        var publish = await RunAsync("dotnet", ["publish", Path.Combine(root, "tests", "MeetStream.Client.AotSmoke"), "-f", framework, "-c", "Release", "-r", "linux-x64", "-o", output, "--artifacts-path", isolated, "--nologo", "-clp:NoSummary"], root, TimeSpan.FromMinutes(40)); // a hang guard: 1–2 min on idle cores, 20+ on a busy machine
        var warnings = publish.Output.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        if (publish.ExitCode != 0)
        {
            return (framework, publish, warnings, null);
        }

        var run = await RunAsync(Path.Combine(output, "MeetStream.Client.AotSmoke"), [], root, TimeSpan.FromMinutes(1));
        return (framework, publish, warnings, run);
    }

    [Fact]
    public async Task CorePackage_DotnetPack_ProducesBothTargetsDocsReadmeAndSymbols()
    {
        var root = FindRoot();
        var output = Path.Combine(root, "artifacts", "pack-test");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var pack = await RunAsync("dotnet", ["pack", Path.Combine(root, "src", "MeetStream.Client"), "-c", "Release", "-o", output, "--nologo"], root, TimeSpan.FromMinutes(5));

        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        var package = Assert.Single(Directory.GetFiles(output, "MeetStream.Client.*.nupkg"));
        Assert.Single(Directory.GetFiles(output, "MeetStream.Client.*.snupkg"));
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[] { "lib/net8.0/MeetStream.Client.dll", "lib/net8.0/MeetStream.Client.xml", "lib/net10.0/MeetStream.Client.dll", "lib/net10.0/MeetStream.Client.xml", "README.md" })
        {
            Assert.Contains(expected, entries);
        }

        using var nuspec = new StreamReader(zip.GetEntry("MeetStream.Client.nuspec")!.Open());
        var text = await nuspec.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", text, StringComparison.Ordinal);
        Assert.Contains("Polly.Core", text, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MeetStream.Client.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("MeetStream.Client.sln not found above the test binaries.");
    }
}
