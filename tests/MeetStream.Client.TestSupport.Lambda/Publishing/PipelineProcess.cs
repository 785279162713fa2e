using System.Diagnostics;
using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Lambda.Tests.Aot;

/// <summary>A published pipeline running as its own process (<see cref="ChildProcess"/>) against a fake Runtime API; disposing kills it.</summary>
public sealed class PipelineProcess : IDisposable
{
    private readonly ChildProcess _process;

    private PipelineProcess(ChildProcess process) => _process = process;

    /// <summary>Gets everything the pipeline printed so far.</summary>
    public string Output => _process.Output;

    /// <summary>Gets whether the pipeline has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="publish"/>'s entry point with only <paramref name="environment"/>'s AWS_ and MEETSTREAM_ variables.</summary>
    public static PipelineProcess Start(Publish publish, IReadOnlyDictionary<string, string> environment)
    {
        var start = publish.IsDll ? new ProcessStartInfo("dotnet") { ArgumentList = { "exec", publish.Entry } } : new ProcessStartInfo(publish.Entry);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("MEETSTREAM_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new PipelineProcess(ChildProcess.Start(start));
    }

    public void Dispose() => _process.Dispose();
}
