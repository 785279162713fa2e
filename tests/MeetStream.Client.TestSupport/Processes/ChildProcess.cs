using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MeetStream.Client.TestSupport.Processes;

/// <summary>
/// A program a test runs as a real child process (a built sample, a published Lambda bootstrap, <c>dotnet publish</c>):
/// standard output and error are collected line by line in arrival order, so the test can wait for a line, send SIGINT
/// like Ctrl+C in a terminal, and wait for the exit. Every wait takes a generous hang guard that only catches a hung
/// program (it fails the test); disposing kills whatever still runs, with its child processes.
/// </summary>
public sealed class ChildProcess : IDisposable, IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly object _gate = new();
    private readonly Task _pumps;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    /// <summary>Gets everything the program printed so far (standard output and error, one line each, in arrival order).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                var text = new StringBuilder();
                foreach (var line in _lines)
                {
                    text.Append(line).Append('\n');
                }

                return text.ToString();
            }
        }
    }

    /// <summary>Gets whether the program has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="start"/> with its output redirected (the other settings are the caller's).</summary>
    /// <param name="start">The program, arguments, working directory and environment.</param>
    /// <returns>The running program.</returns>
    public static ChildProcess Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        RestoreInterruptIfIgnored(start);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        return new ChildProcess(process);
    }

    // A shell started in the background without job control (`cmd &` in a script, some CI runners) ignores SIGINT, and
    // an ignored signal stays ignored across fork and exec: the .NET runtime then never installs its Ctrl+C handler, and
    // Interrupt() would do nothing. `env --default-signal=INT` (GNU coreutils) puts SIGINT back to its default before it
    // execs the program, so the program sees Ctrl+C as it would in a terminal. Only done when this process ignores it.
    private static void RestoreInterruptIfIgnored(ProcessStartInfo start)
    {
        if (!OperatingSystem.IsLinux() || !InterruptIgnoredHere())
        {
            return;
        }

        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT");
        start.FileName = "env";
    }

    private static bool InterruptIgnoredHere()
    {
        const ulong SigIntBit = 1UL << 1; // signal 2, bit 1 of the SigIgn mask
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                var mask = ulong.Parse(line.AsSpan("SigIgn:".Length).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return (mask & SigIntBit) != 0;
            }
        }

        return false;
    }

    /// <summary>Runs a program to its end and returns its exit code and output (a hung program is killed and fails the test).</summary>
    /// <param name="file">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="hangGuard">A generous limit that only catches a hung program.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static Task<(int ExitCode, string Output)> RunToEndAsync(string file, IEnumerable<string> arguments, TimeSpan hangGuard, CancellationToken cancellationToken) =>
        RunToEndAsync(file, arguments, workingDirectory: null, hangGuard, cancellationToken);

    /// <summary>Runs a program to its end in <paramref name="workingDirectory"/> and returns its exit code and output.</summary>
    /// <param name="file">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Where it runs (null: this process's current directory).</param>
    /// <param name="hangGuard">A generous limit that only catches a hung program (passing it kills the program and fails the test).</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(string file, IEnumerable<string> arguments, string? workingDirectory, TimeSpan hangGuard, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory ?? string.Empty };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await using var process = Start(start);
        var exitCode = await process.WaitForExitAsync(hangGuard, cancellationToken);
        return (exitCode, process.Output);
    }

    /// <summary>Waits until the program has printed a line containing <paramref name="text"/> and returns that line.</summary>
    /// <param name="text">The text to wait for (ordinal).</param>
    /// <param name="hangGuard">A generous limit that only catches a hung program; passing it fails the test.</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <returns>The first line that contains <paramref name="text"/>.</returns>
    public async Task<string> WaitForLineAsync(string text, TimeSpan hangGuard, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(hangGuard);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_lines.Find(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }

                changed = _changed.Task;
            }

            if (_process.HasExited && _pumps.IsCompleted)
            {
                Assert.Fail($"The program exited ({_process.ExitCode}) without printing '{text}':\n{Output}");
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"The program did not print '{text}' within the hang guard of {hangGuard}:\n{Output}");
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (through kill(1), so no unsafe code is needed).</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the exit and for the last line of output; the hang guard kills the program and fails the test.</summary>
    /// <param name="hangGuard">A generous limit that only catches a hung program.</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan hangGuard, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(hangGuard);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            await _pumps.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"{_process.StartInfo.FileName} did not exit within the hang guard of {hangGuard}:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the program (and its children) if it still runs.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _lines.Add(line);
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
