using System.Diagnostics;

namespace MeetStream.Client.Tests.Packaging;

/// <summary>
/// Packaging checks. Proves AOT compatibility the only convincing way: a Native AOT publish (net8.0, linux-x64) of the smoke program
/// that roots every SDK assembly must produce zero trim/AOT warnings, and the native binary must pass its checks.
/// </summary>
public sealed class PackagingTests
{
    [Fact]
    public async Task SmokeProgram_NativeAotPublishNet8_NoWarningsAndRunsCorrectly()
    {
        var root = FindRoot();
        var output = Path.Combine(root, "artifacts", "aot-smoke");
        var publish = await RunAsync("dotnet", ["publish", Path.Combine(root, "tests", "MeetStream.Client.AotSmoke"), "-c", "Release", "-r", "linux-x64", "-o", output, "--nologo", "-clp:NoSummary"], root, TimeSpan.FromMinutes(8));

        Assert.True(publish.ExitCode == 0, "Native AOT publish failed:\n" + publish.Output);
        var warnings = publish.Output.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(warnings.Count == 0, "Native AOT publish produced warnings:\n" + string.Join("\n", warnings));

        var run = await RunAsync(Path.Combine(output, "MeetStream.Client.AotSmoke"), [], root, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, "The native smoke program failed:\n" + run.Output);
        Assert.Contains("AOT smoke OK", run.Output, StringComparison.Ordinal);
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
