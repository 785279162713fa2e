using System.Diagnostics;
using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Lambda.Tests.Samples;

/// <summary>
/// The built LambdaPipeline sample run as a child process (<see cref="ChildProcess"/>: <c>dotnet LambdaPipeline.dll</c>,
/// from the repository root, without <c>AWS_LAMBDA_RUNTIME_API</c> or <c>MEETSTREAM_API_KEY</c>): a test can wait for a
/// line, send Ctrl+C (SIGINT) and wait for the exit, each with a generous hang guard only.
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly ChildProcess _process;

    private SampleProcess(ChildProcess process) => _process = process;

    /// <summary>Gets everything printed so far (standard output and error, in arrival order).</summary>
    public string Output => _process.Output;

    /// <summary>Starts the sample with <paramref name="args"/> and optional environment changes (null removes a variable).</summary>
    public static SampleProcess Start(string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add(RepositoryRoot.SampleDll("LambdaPipeline", "LambdaPipeline"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "AWS_LAMBDA_RUNTIME_API", "MEETSTREAM_API_KEY", "MEETSTREAM_API_URL", "MEETSTREAM_FUNCTION" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return new SampleProcess(ChildProcess.Start(start));
    }

    /// <summary>Waits until a printed line contains <paramref name="text"/> and returns that line.</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan hangGuard) =>
        _process.WaitForLineAsync(text, hangGuard, TestContext.Current.CancellationToken);

    /// <summary>Sends SIGINT, what Ctrl+C sends in a terminal.</summary>
    public Task InterruptAsync()
    {
        _process.Interrupt();
        return Task.CompletedTask;
    }

    /// <summary>Waits for the exit and returns the exit code; kills the sample and fails after <paramref name="hangGuard"/>.</summary>
    public Task<int> WaitForExitAsync(TimeSpan hangGuard) =>
        _process.WaitForExitAsync(hangGuard, TestContext.Current.CancellationToken);

    public void Dispose() => _process.Dispose();
}
