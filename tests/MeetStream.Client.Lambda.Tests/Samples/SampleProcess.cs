using System.Diagnostics;
using System.Text;

namespace MeetStream.Client.Lambda.Tests.Samples;

/// <summary>
/// The built LambdaPipeline sample run as a child process (<c>dotnet LambdaPipeline.dll</c>, from the repository root,
/// without <c>AWS_LAMBDA_RUNTIME_API</c> or <c>MEETSTREAM_API_KEY</c>): its output is collected line by line, a test can
/// wait for a line, send Ctrl+C (SIGINT) and wait for the exit, each with a generous hang guard only.
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _waiters = [];

    private SampleProcess(Process process) => _process = process;

    /// <summary>Gets everything printed so far (standard output and error, in arrival order).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the sample with <paramref name="args"/> and optional environment changes (null removes a variable).</summary>
    public static SampleProcess Start(string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (dll, root) = SampleDll();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        start.ArgumentList.Add(dll);
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

        var sample = new SampleProcess(new Process { StartInfo = start });
        sample._process.OutputDataReceived += (_, e) => sample.Add(e.Data);
        sample._process.ErrorDataReceived += (_, e) => sample.Add(e.Data);
        sample._process.Start();
        sample._process.BeginOutputReadLine();
        sample._process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Waits until a printed line contains <paramref name="text"/> and returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan hangGuard)
    {
        TaskCompletionSource<string> seen;
        lock (_output)
        {
            var line = _output.ToString().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(hangGuard, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The sample printed no line with '{text}' within {hangGuard}:\n{Output}");
        }
    }

    /// <summary>Sends SIGINT, what Ctrl+C sends in a terminal.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the exit and returns the exit code; kills the sample and fails after <paramref name="hangGuard"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan hangGuard)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(hangGuard);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The LambdaPipeline sample did not exit within {hangGuard}:\n{Output}");
        }

        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The sample's dll, built first through the test project's reference, in the test's configuration.</summary>
    private static (string Dll, string Root) SampleDll()
    {
        var binDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = binDirectory.Parent!.Name;
        var root = binDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MeetStream.Client.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "samples", "LambdaPipeline", "bin", configuration, binDirectory.Name, "LambdaPipeline.dll");
        Assert.True(File.Exists(dll), $"The LambdaPipeline sample was not built at {dll}.");
        return (dll, root.FullName);
    }
}
