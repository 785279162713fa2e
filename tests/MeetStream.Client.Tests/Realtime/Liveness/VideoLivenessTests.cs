using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime.Liveness;

/// <summary>
/// Video is read on demand: its idle clock runs only while the application's read waits for the bot, so a slow reader
/// is never taken for a dead bot, while a silent bot under a waiting reader is.
/// </summary>
public sealed class VideoLivenessTests
{
    private const string StartJson = """{"type":"video_stream_start","bot_id":"bot_vid_live","codec":"h264","container":"fmp4"}""";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task VideoSession_NotReadForTenMinutes_StaysOpenAndDeliversLaterFragments()
    {
        await using var host = await LivenessHost<VideoChannelSession>.StartAsync((socket, clock, logger) => VideoChannelSession.StartAsync(socket, new VideoChannelOptions { TimeProvider = clock, IdleTimeout = Idle, Logger = logger }, Token));
        using var bot = await host.ConnectBotAsync("bridge/video");
        await bot.SendTextAsync(StartJson);
        var session = await host.SessionAsync();

        host.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, host.TimeoutsLogged());
        Assert.False(session.IsClosed);
        await bot.SendBinaryAsync([1, 2, 3, 4]);
        await bot.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bot left", Token);
        var fragments = new List<byte[]>();
        await foreach (var fragment in session.ReadFragmentsAsync(Token))
        {
            fragments.Add(fragment.Data.ToArray());
        }

        // The enumeration ends when the bot's close arrives; the session completes once its close reply is out.
        await session.Completion.WaitAsync(Token);
        Assert.Equal([1, 2, 3, 4], Assert.Single(fragments));
        Assert.Equal(RealtimeCloseReason.ClosedByBot, session.CloseReason);
    }

    [Fact(Timeout = 60_000)]
    public async Task VideoSession_ReaderWaitingOnASilentBot_EndsWithIdleTimeoutAndTheEnumerationEnds()
    {
        await using var host = await LivenessHost<VideoChannelSession>.StartAsync((socket, clock, logger) => VideoChannelSession.StartAsync(socket, new VideoChannelOptions { TimeProvider = clock, IdleTimeout = Idle, Logger = logger }, Token));
        using var bot = await host.ConnectBotAsync("bridge/video");
        await bot.SendTextAsync(StartJson);
        var session = await host.SessionAsync();
        var reading = Task.Run(async () =>
        {
            int count = 0;
            await foreach (var fragment in session.ReadFragmentsAsync(Token))
            {
                count++;
            }

            return count;
        });
        await Eventually.TrueAsync(() => session.Core.Liveness.IsWaiting, "the reader waits for the bot", 30_000);

        host.Clock.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.False(session.IsClosed);
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, await reading.WaitAsync(TimeSpan.FromSeconds(30), Token));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(30), Token);
        Assert.Equal(RealtimeCloseReason.IdleTimeout, session.CloseReason);
        Assert.Equal(1, host.TimeoutsLogged("video"));
    }
}
