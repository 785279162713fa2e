using System.Diagnostics;
using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>
/// A built sample running as a real process (<see cref="ChildProcess"/>), started without MEETSTREAM_API_KEY so it uses
/// the simulator: a test waits for a phase (a line it prints), sends it SIGINT like Ctrl+C in a terminal, and waits for
/// its exit. Every wait is a hang guard only.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SampleProcess(ChildProcess process) => _process = process;

    /// <summary>Gets everything the sample printed so far (stdout and stderr, in arrival order).</summary>
    public string Text => _process.Output;

    /// <summary>Starts a built sample without MEETSTREAM_API_KEY (so it uses the simulator).</summary>
    /// <param name="sample">The sample's folder under samples/.</param>
    /// <param name="assembly">The sample's assembly name.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="arguments">Command-line arguments.</param>
    public static SampleProcess Start(string sample, string assembly, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add(RepositoryRoot.SampleDll(sample, assembly));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("MEETSTREAM_API_KEY");
        start.Environment.Remove("MEETSTREAM_API_URL");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new SampleProcess(ChildProcess.Start(start));
    }

    /// <summary>Waits until the sample has printed a line containing <paramref name="text"/> (the hang guard fails the test).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan hangGuard, CancellationToken cancellationToken) =>
        _process.WaitForLineAsync(text, hangGuard, cancellationToken);

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => _process.Interrupt();

    /// <summary>Waits for the sample to exit (the hang guard kills it and fails the test) and returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan hangGuard, CancellationToken cancellationToken) =>
        _process.WaitForExitAsync(hangGuard, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
