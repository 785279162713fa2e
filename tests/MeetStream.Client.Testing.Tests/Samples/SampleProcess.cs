using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>
/// A built sample running as a real process: its output is collected line by line so a test can wait for a phase
/// (a line it prints), send it SIGINT like Ctrl+C in a terminal, and wait for its exit. Every wait is a hang guard only.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();
    private readonly Task _stdout;
    private readonly Task _stderr;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleProcess(Process process)
    {
        _process = process;
        _stdout = PumpAsync(process.StandardOutput);
        _stderr = PumpAsync(process.StandardError);
    }

    /// <summary>Gets everything the sample printed so far (stdout and stderr, in arrival order).</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a built sample without MEETSTREAM_API_KEY (so it uses the simulator).</summary>
    /// <param name="sample">The sample's folder under samples/.</param>
    /// <param name="assembly">The sample's assembly name.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="arguments">Command-line arguments.</param>
    public static SampleProcess Start(string sample, string assembly, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var (dll, root) = QuickStartTests.SampleDll(sample, assembly);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        start.ArgumentList.Add(dll);
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

        return new SampleProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the sample has printed a line containing <paramref name="text"/> (the hang guard fails the test).</summary>
    /// <param name="text">The text to wait for.</param>
    /// <param name="hangGuard">A generous limit that only catches a hung sample.</param>
    /// <param name="cancellationToken">The test's token.</param>
    public async Task WaitForOutputAsync(string text, TimeSpan hangGuard, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(hangGuard);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_output.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                changed = _changed.Task;
            }

            if (_process.HasExited && _stdout.IsCompleted && _stderr.IsCompleted)
            {
                Assert.Fail($"The sample exited ({_process.ExitCode}) without printing '{text}':\n{Text}");
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"The sample did not print '{text}' within the hang guard of {hangGuard}:\n{Text}");
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (through kill(1), so the test project needs no unsafe code).</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the sample to exit (the hang guard kills it and fails the test) and returns its exit code.</summary>
    /// <param name="hangGuard">A generous limit that only catches a hung sample.</param>
    /// <param name="cancellationToken">The test's token.</param>
    public async Task<int> WaitForExitAsync(TimeSpan hangGuard, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(hangGuard);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            await Task.WhenAll(_stdout, _stderr).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"The sample did not exit within the hang guard of {hangGuard}:\n{Text}");
        }

        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        lock (_gate)
        {
            _changed.TrySetResult();
        }
    }
}
