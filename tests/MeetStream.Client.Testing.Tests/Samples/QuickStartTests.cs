using System.Diagnostics;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>README command 1 works on a fresh machine: without an API key the QuickStart runs end to end against the simulator.</summary>
public sealed class QuickStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QuickStartProgram_NoApiKey_RunsTheWholeFlowAgainstTheSimulatorInUnderAMinute()
    {
        var output = await RunQuickStartAsync(TimeSpan.FromMinutes(1));

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("MEETSTREAM_API_KEY is not set", output.Text, StringComparison.Ordinal);
        Assert.Contains("Simulator listening at http://127.0.0.1:", output.Text, StringComparison.Ordinal);
        foreach (var status in new[] { "status: Joining", "status: Recording", "status: Stopped" })
        {
            Assert.Contains(status, output.Text, StringComparison.Ordinal);
        }

        Assert.Contains("Alice Example: Good morning everyone", output.Text, StringComparison.Ordinal);
        Assert.Contains("bot.joining → bot.inmeeting → bot.recording", output.Text, StringComparison.Ordinal);
        Assert.True(output.Elapsed < TimeSpan.FromSeconds(45), $"The QuickStart took {output.Elapsed}.");
    }

    [Fact]
    public async Task QuickStartFlow_SdkAgainstScaledSimulator_StatusesThenTranscript()
    {
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 50 }, Ct);
        using var client = sim.CreateClient();
        var bot = await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct);

        var seen = new List<BotStatus>();
        while (true)
        {
            var status = (await client.Bots.GetStatusAsync(bot.BotId!, Ct)).Status!.Value;
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }

            if (status.HasLeftMeeting)
            {
                break;
            }

            await Task.Delay(10, Ct);
        }

        var transcript = await client.Transcripts.WaitForTranscriptAsync(bot.TranscriptId!, new MeetStreamWaitOptions { Timeout = TimeSpan.FromSeconds(20), Interval = TimeSpan.FromMilliseconds(20) }, Ct);

        Assert.Equal(BotStatus.Joining, seen[0]);
        Assert.Contains(BotStatus.Recording, seen);
        Assert.Equal(5, transcript.Segments.Count);
    }

    /// <summary>The built sample's dll (built first through the test project's reference), in the test's configuration.</summary>
    internal static (string Dll, string Root) SampleDll(string project, string assembly)
    {
        var binDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = binDirectory.Parent!.Name;
        var root = binDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MeetStream.Client.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "samples", project, "bin", configuration, binDirectory.Name, assembly + ".dll");
        Assert.True(File.Exists(dll), $"{project} was not built at {dll}.");
        return (dll, root.FullName);
    }

    private static Task<(int ExitCode, string Text, TimeSpan Elapsed)> RunQuickStartAsync(TimeSpan timeout) => RunSampleAsync("QuickStart", timeout);

    /// <summary>Runs a built sample without MEETSTREAM_API_KEY (so it uses the simulator) and returns its output.</summary>
    internal static async Task<(int ExitCode, string Text, TimeSpan Elapsed)> RunSampleAsync(string sample, TimeSpan timeout)
    {
        var (dll, root) = SampleDll(sample, sample);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        start.ArgumentList.Add(dll);
        start.Environment.Remove("MEETSTREAM_API_KEY");
        start.Environment.Remove("MEETSTREAM_API_URL");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The {sample} sample did not finish within {timeout}:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr, watch.Elapsed);
    }
}
