using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Lambda.Tests.Aot;

/// <summary>
/// Publishes samples/LambdaPipeline once per test run in the shapes Lambda runs it: Native AOT (net8.0 and net10.0,
/// linux-x64: the provided.al2023 bootstrap), plain JIT (net10.0, framework-dependent: the managed dotnet10 runtime)
/// and JIT with ReadyToRun (net10.0, linux-x64). The two Native AOT publishes run side by side (each in its own
/// artifacts path) and are awaited together, so no other publish ever overlaps them. Shared by the Native AOT tests
/// (a collection fixture) and the cold-start benchmark (which links this file), so it uses nothing from xunit.
/// </summary>
public sealed class PublishedPipeline
{
    /// <summary>The target frameworks the sample is published for with Native AOT.</summary>
    public static readonly IReadOnlyList<string> AotFrameworks = ["net8.0", "net10.0"];

    /// <summary>A hang guard, not a timing assertion: a publish takes 1–2 minutes on 2 idle cores, 20+ on a busy machine.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(40);

    private readonly Lazy<Task<Publish[]>> _aot;
    private readonly Lazy<Task<Publish>> _jit;
    private readonly Lazy<Task<Publish>> _readyToRun;

    public PublishedPipeline()
    {
        Root = RepositoryRoot.Path;
        var project = Path.Combine(Root, "samples", "LambdaPipeline");
        _aot = new(() => Task.WhenAll(
            PublishAsync(Path.Combine(Root, "artifacts", "lambda-aot"), "LambdaPipeline", [project, "-f", "net8.0", "-r", "linux-x64", "-c", "Release"]),
            PublishAsync(Path.Combine(Root, "artifacts", "lambda-aot-net10"), "LambdaPipeline", [project, "-f", "net10.0", "-r", "linux-x64", "-c", "Release", "-p:NativeAot=true"], "lambda-build-aot-net10")));
        _jit = new(() => PublishAsync(Path.Combine(Root, "artifacts", "lambda-jit"), "LambdaPipeline.dll", [project, "-f", "net10.0", "-c", "Release"]));
        _readyToRun = new(() => PublishAsync(Path.Combine(Root, "artifacts", "lambda-r2r"), "LambdaPipeline.dll", [project, "-f", "net10.0", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-c", "Release"]));
    }

    public string Root { get; }

    /// <summary>The net8.0 Native AOT publish.</summary>
    public Task<Publish> AotAsync() => AotAsync("net8.0");

    /// <summary>The Native AOT publish for <paramref name="framework"/> (net8.0 or net10.0); both are published on first use.</summary>
    public async Task<Publish> AotAsync(string framework)
    {
        var index = AotFrameworks.ToList().IndexOf(framework);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(framework), framework, "Native AOT publishes exist for " + string.Join(", ", AotFrameworks) + ".");
        }

        return (await _aot.Value.ConfigureAwait(false))[index];
    }

    public Task<Publish> JitAsync() => _jit.Value;

    public Task<Publish> ReadyToRunAsync() => _readyToRun.Value;

    private async Task<Publish> PublishAsync(string output, string entry, string[] args, string artifacts = "lambda-build")
    {
        // Its own artifacts path: never shares obj/ with the solution build or another test project's publish.
        var isolated = Path.Combine(Root, "artifacts", artifacts);
        var (exitCode, text) = await ChildProcess.RunToEndAsync("dotnet", ["publish", .. args, "-o", output, "--artifacts-path", isolated, "--nologo", "-clp:NoSummary"], PublishTimeout, CancellationToken.None);
        var warnings = text.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim()).Distinct().ToList();
        return new Publish(exitCode, text, warnings, Path.Combine(output, entry));
    }
}

/// <summary>One publish: exit code, full output, warning lines and the entry point (native binary or dll).</summary>
public sealed record Publish(int ExitCode, string Output, IReadOnlyList<string> Warnings, string Entry)
{
    /// <summary>Gets whether the entry point is a dll run with <c>dotnet</c>.</summary>
    public bool IsDll => Entry.EndsWith(".dll", StringComparison.Ordinal);
}
