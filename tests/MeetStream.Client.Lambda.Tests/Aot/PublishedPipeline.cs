using System.Diagnostics;

namespace MeetStream.Client.Lambda.Tests.Aot;

/// <summary>
/// Publishes samples/LambdaPipeline once per test run in the three shapes Lambda runs it: Native AOT (net8.0,
/// linux-x64: the provided.al2023 bootstrap), plain JIT (net10.0, framework-dependent: the managed dotnet10 runtime)
/// and JIT with ReadyToRun (net10.0, linux-x64). Shared by the Native AOT tests (a collection fixture) and the cold-start
/// benchmark (which links this file), so it uses nothing from xunit.
/// </summary>
public sealed class PublishedPipeline
{
    private readonly Lazy<Task<Publish>> _aot;
    private readonly Lazy<Task<Publish>> _jit;
    private readonly Lazy<Task<Publish>> _readyToRun;

    public PublishedPipeline()
    {
        Root = FindRoot();
        var project = Path.Combine(Root, "samples", "LambdaPipeline");
        _aot = new(() => PublishAsync(Path.Combine(Root, "artifacts", "lambda-aot"), "LambdaPipeline", [project, "-f", "net8.0", "-r", "linux-x64", "-c", "Release"]));
        _jit = new(() => PublishAsync(Path.Combine(Root, "artifacts", "lambda-jit"), "LambdaPipeline.dll", [project, "-f", "net10.0", "-c", "Release"]));
        _readyToRun = new(() => PublishAsync(Path.Combine(Root, "artifacts", "lambda-r2r"), "LambdaPipeline.dll", [project, "-f", "net10.0", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-c", "Release"]));
    }

    public string Root { get; }

    public Task<Publish> AotAsync() => _aot.Value;

    public Task<Publish> JitAsync() => _jit.Value;

    public Task<Publish> ReadyToRunAsync() => _readyToRun.Value;

    private async Task<Publish> PublishAsync(string output, string entry, string[] args)
    {
        // Its own artifacts path: never shares obj/ with the solution build or another test project's publish.
        var isolated = Path.Combine(Root, "artifacts", "lambda-build");
        var (exitCode, text) = await RunToEndAsync("dotnet", ["publish", .. args, "-o", output, "--artifacts-path", isolated, "--nologo", "-clp:NoSummary"], TimeSpan.FromMinutes(10));
        var warnings = text.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim()).Distinct().ToList();
        return new Publish(exitCode, text, warnings, Path.Combine(output, entry));
    }

    internal static async Task<(int ExitCode, string Output)> RunToEndAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
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

/// <summary>One publish: exit code, full output, warning lines and the entry point (native binary or dll).</summary>
public sealed record Publish(int ExitCode, string Output, IReadOnlyList<string> Warnings, string Entry)
{
    /// <summary>Gets whether the entry point is a dll run with <c>dotnet</c>.</summary>
    public bool IsDll => Entry.EndsWith(".dll", StringComparison.Ordinal);
}
