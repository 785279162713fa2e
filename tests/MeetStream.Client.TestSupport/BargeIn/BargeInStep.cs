using System.Diagnostics;
using System.Globalization;

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>
/// One step of the barge-in benchmark: N bots on one path (SDK or raw), connected, paced at one 20 ms frame per bot
/// per 20 ms (the bots spread over the period in <see cref="Slots"/> groups, as independent bots would be), then
/// either measured for a fixed time (<see cref="RunTimedAsync"/>) or run for a fixed number of cycles until every
/// trigger is answered (<see cref="RunCountedAsync"/>, for the smoke test: no timing involved).
/// </summary>
public sealed class BargeInStep
{
    /// <summary>The bots are spread over the 20 ms period in this many groups, one per millisecond.</summary>
    public const int Slots = 20;

    private static readonly long Period = Stopwatch.Frequency / 50;
    private readonly BargeInServer _server;
    private readonly BargeInScript _script;
    private readonly bool _sdk;
    private readonly BargeInBot[] _bots;

    private BargeInStep(BargeInServer server, BargeInScript script, bool sdk, BargeInBot[] bots)
    {
        _server = server;
        _script = script;
        _sdk = sdk;
        _bots = bots;
    }

    /// <summary>Gets the end-to-end latencies: trigger frame handed to the bot's <c>SendAsync</c> → interrupt received by the bot.</summary>
    public LatencyRecorder EndToEnd { get; } = new();

    /// <summary>Gets the bots of this step.</summary>
    public IReadOnlyList<BargeInBot> Bots => _bots;

    /// <summary>Gets the server-side stage timings of this step's path.</summary>
    public BargeInStages Stages => _sdk ? _server.SdkStages : _server.RawStages;

    /// <summary>Connects <paramref name="botCount"/> bots (100 at a time) and waits until the server has paired every control and audio socket.</summary>
    public static async Task<BargeInStep> ConnectAsync(BargeInServer server, BargeInScript script, bool sdk, int botCount, string stepName, CancellationToken cancellationToken)
    {
        var bots = new BargeInBot[botCount];
        var step = new BargeInStep(server, script, sdk, bots);
        var (control, audio) = server.GetUrls(sdk);
        for (var i = 0; i < botCount; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(100, botCount - i)).Select(async b =>
            {
                var botId = string.Create(CultureInfo.InvariantCulture, $"bot_bargein_{stepName}_{b}");
                bots[b] = new BargeInBot(botId, (b / Slots) % script.CycleFrames, script, step.EndToEnd);
                await bots[b].ConnectAsync(control, audio, cancellationToken);
            }));
        }

        while ((sdk ? server.SdkPairedBots : server.RawPairedBots) < botCount)
        {
            await Task.Delay(10, cancellationToken);
        }

        return step;
    }

    /// <summary>Streams for <paramref name="warmup"/>, then measures for <paramref name="measure"/>, then lets outstanding interrupts arrive (at most 2 s).</summary>
    public async Task RunTimedAsync(TimeSpan warmup, TimeSpan measure, CancellationToken cancellationToken)
    {
        var capacity = (int)Math.Min(50_000_000, (_bots.Length * (warmup + measure).TotalSeconds * 50 / _script.CycleFrames * 1.2) + 1024);
        EndToEnd.Reset(capacity);
        Stages.Reset(capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var senders = Enumerable.Range(0, Slots).Select(slot => Task.Run(() => SendSlotAsync(slot, start, long.MaxValue, stop.Token))).ToArray();
        try
        {
            await Task.Delay(warmup, cancellationToken);
            EndToEnd.Enabled = true;
            Stages.SetEnabled(true);
            await Task.Delay(measure, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        var deadline = Stopwatch.GetTimestamp() + (2 * Stopwatch.Frequency);
        while (!_bots.All(b => b.AllAnswered) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10, cancellationToken);
        }

        EndToEnd.Enabled = false;
        Stages.SetEnabled(false);
    }

    /// <summary>
    /// Every bot sends its leading silence and <paramref name="cycles"/> whole cycles (one trigger each); then waits
    /// until every trigger has been answered or <paramref name="cancellationToken"/> fires (a hang guard only).
    /// </summary>
    public async Task RunCountedAsync(int cycles, CancellationToken cancellationToken)
    {
        EndToEnd.Reset(_bots.Length * cycles);
        Stages.Reset(_bots.Length * cycles);
        EndToEnd.Enabled = true;
        Stages.SetEnabled(true);
        var start = Stopwatch.GetTimestamp();
        var frames = (long)cycles * _script.CycleFrames;
        await Task.WhenAll(Enumerable.Range(0, Slots).Select(slot => Task.Run(() => SendSlotAsync(slot, start, frames, cancellationToken))));
        while (!_bots.All(b => b.AllAnswered))
        {
            await Task.Delay(10, cancellationToken);
        }

        EndToEnd.Enabled = false;
        Stages.SetEnabled(false);
    }

    /// <summary>Disconnects every bot and waits until the server has seen them go.</summary>
    public async Task DisconnectAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while ((_sdk ? _server.Registry.Count : _server.RawPairedBots) > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Sends the frames of one group of bots (every <see cref="Slots"/>th bot) once per 20 ms, the groups offset by
    /// 1 ms; stops when cancelled or when each bot of the group has sent its leading silence and <paramref name="scriptFrames"/> frames.
    /// </summary>
    private async Task SendSlotAsync(int slot, long start, long scriptFrames, CancellationToken cancellationToken)
    {
        var next = start + (slot * Period / Slots);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                var sending = false;
                for (var b = slot; b < _bots.Length; b += Slots)
                {
                    var bot = _bots[b];
                    if (bot.FramesSent - bot.LeadingSilenceFrames < scriptFrames)
                    {
                        sending = true;
                        await bot.SendNextFrameAsync();
                    }
                }

                if (!sending)
                {
                    return;
                }

                next += Period;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The step is over.
        }
    }
}
