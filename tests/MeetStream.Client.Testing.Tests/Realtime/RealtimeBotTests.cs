using System.Collections.Concurrent;
using System.Net.WebSockets;
using MeetStream.Client.Realtime;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Realtime;

/// <summary>
/// The simulated bot's WebSockets against a bridge built from the SDK's real-time sessions: it dials, sends ready,
/// streams attributed audio frames, plays what it is told to say (echoing it back under its own name), honours
/// interrupt, forwards chat as usermsg, streams video with latency pings, and closes with 1000 when it leaves.
/// </summary>
public sealed class RealtimeBotTests : IAsyncLifetime
{
    private RealtimeBridge _bridge = null!;
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bridge = await RealtimeBridge.StartAsync();
        _sim = await Simulators.StartManualAsync(o => o.LiveAudioSpeed = 10);
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
        await _bridge.DisposeAsync();
    }

    [Fact]
    public async Task LiveAgentParrot_HearsAliceAndRepeatsHer_SimulatorPlaysItAndEchoesItUnderTheBotName()
    {
        var speakers = new ConcurrentDictionary<string, string>();
        var repeated = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bridge.OnSession = async bot =>
        {
            var heard = new List<short>();
            Task? speaking = null;
            await foreach (var frame in bot.ReadAudioFramesAsync())
            {
                speakers.TryAdd(frame.SpeakerName, frame.SpeakerId);
                if (frame.SpeakerName == "Alice Example" && speaking is null)
                {
                    heard.AddRange(frame.Samples.ToArray());
                }
                else if (heard.Count > 0 && speaking is null)
                {
                    var reply = heard.ToArray();
                    repeated.TrySetResult(reply.Length);
                    speaking = bot.SpeakAsync(reply);   // the parrot: say back what Alice said
                }
            }
        };
        var bot = await CreateRealtimeBotAsync();

        var samples = await repeated.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await _sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "sendaudio", cancellationToken: Ct);
        await Eventually(() => _sim.GetBot(bot)!.SpeechPlayed == TimeSpan.FromSeconds(samples / 48000.0));
        await Eventually(() => speakers.ContainsKey("Realtime Bot") && speakers.ContainsKey("Bob Example"));

        var info = _sim.GetBot(bot)!;
        Assert.Equal(TimeSpan.FromSeconds(samples / 48000.0), info.SpeechReceived);
        Assert.Equal(TimeSpan.Zero, info.SpeechDropped);
        Assert.True(info.LiveAudioStreamed > TimeSpan.FromSeconds(1));
        Assert.Contains("sendaudio", info.Commands);
        var participants = await _client.Bots.GetParticipantsAsync(bot, Ct);
        Assert.Equal(participants.Single(p => p.DisplayName == "Alice Example").DeviceId, speakers["Alice Example"]);
        Assert.Equal(participants.Single(p => p.DisplayName == "Realtime Bot").DeviceId, speakers["Realtime Bot"]);
        Assert.Contains(AudioFrame.NoSpeakerName, speakers.Keys);
    }

    [Fact]
    public async Task Interrupt_OnGoogleMeet_DropsTheQueuedSpeech()
    {
        await using var sim = await Simulators.StartManualAsync(o => o.LiveAudioSpeed = 1);
        using var client = Simulators.Client(sim);
        var bot = await CreateRealtimeBotAsync(sim, client);
        var control = await _bridge.Control;

        Assert.True(await control.SendAudioAsync(new byte[48000 * 2 * 30], Ct)); // 30 s, so a slow machine cannot play it all before the interrupt
        await sim.Journal.WaitForRealtimeAsync(r => r.Event == "sendaudio", cancellationToken: Ct);
        await control.InterruptAsync(Ct);
        var interrupt = await sim.Journal.WaitForRealtimeAsync(r => r.Event == "interrupt", cancellationToken: Ct);

        var info = sim.GetBot(bot)!;
        Assert.Equal(TimeSpan.FromSeconds(30), info.SpeechReceived);
        Assert.True(info.SpeechDropped > TimeSpan.FromSeconds(2), $"dropped only {info.SpeechDropped}");
        Assert.Equal(TimeSpan.FromSeconds(30), info.SpeechDropped + info.SpeechPlayed);
        Assert.StartsWith("dropped ", interrupt.Detail, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"clear_audio_queue\"", interrupt.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BargeInLine_WhileTheBotSpeaks_ParticipantTalksOverItUnderTheirNameCountedInFrames()
    {
        await using var sim = await Simulators.StartManualAsync(o =>
        {
            o.LiveAudioSpeed = 10;
            o.Conversation =
            [
                new("Alice Example", "Hello there."),
                new("Bob Example", "Sorry to cut in.") { AfterBotStartsSpeaking = TimeSpan.FromSeconds(0.2) },
            ];
        });
        using var client = Simulators.Client(sim);
        var frames = new List<(string Speaker, bool Voiced)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bridge.OnSession = async bot =>
        {
            Task? speaking = null;
            await foreach (var frame in bot.ReadAudioFramesAsync())
            {
                // Five seconds of (silent) bot speech in one sendaudio, so the bot's playback has no gaps at any pace.
                speaking ??= Task.Run(async () => await (await _bridge.Control).SendAudioAsync(new byte[48_000 * 2 * 5], Ct));
                lock (frames)
                {
                    frames.Add((frame.SpeakerName, frame.Samples.ContainsAnyExcept((short)0)));
                    if (frames.Count(f => f.Speaker == "Bob Example") > 0 && frames[^1].Speaker == "Realtime Bot")
                    {
                        done.TrySetResult();
                    }
                }
            }
        };
        var bot = await CreateRealtimeBotAsync(sim, client);

        await done.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);

        List<(string Speaker, bool Voiced)> seen;
        lock (frames)
        {
            seen = [.. frames];
        }

        var firstBot = seen.FindIndex(f => f.Speaker == "Realtime Bot");
        var firstBob = seen.FindIndex(f => f.Speaker == "Bob Example");
        var lastBob = seen.FindLastIndex(f => f.Speaker == "Bob Example");
        Assert.InRange(firstBob - firstBot, 8, 11);                      // 0.2 s = 10 frames of 20 ms after the bot's first frame
        Assert.All(seen[firstBob..(lastBob + 1)], f => Assert.Equal("Bob Example", f.Speaker));
        Assert.Contains(seen[firstBob..(lastBob + 1)], f => f.Voiced);   // his voice, while the bot's playback is silent
        Assert.InRange(lastBob - firstBob + 1, 70, 90);                  // four words at 0.4 s, plus the 0.1 s tail
        Assert.Equal("Realtime Bot", seen[lastBob + 1].Speaker);        // the bot's answer was still playing under him
        Assert.Equal(TimeSpan.Zero, sim.GetBot(bot)!.SpeechDropped);   // nobody interrupted: the scripted line only talks over it
    }

    [Fact]
    public async Task Interrupt_OnZoom_AcceptedWithoutEffect()
    {
        await using var sim = await Simulators.StartManualAsync(o => o.LiveAudioSpeed = 1);
        using var client = Simulators.Client(sim);
        var bot = await CreateRealtimeBotAsync(sim, client, "https://zoom.us/j/123456");
        var control = await _bridge.Control;

        await control.SendAudioAsync(new byte[48000 * 2], Ct);
        await sim.Journal.WaitForRealtimeAsync(r => r.Event == "sendaudio", cancellationToken: Ct);
        await control.InterruptAsync(Ct);
        var interrupt = await sim.Journal.WaitForRealtimeAsync(r => r.Event == "interrupt", cancellationToken: Ct);

        Assert.Contains("without effect", interrupt.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, sim.GetBot(bot)!.SpeechDropped);
    }

    [Fact]
    public async Task ControlSocket_ReadyChatAndUserMessages_FlowBothWays()
    {
        var bot = await CreateRealtimeBotAsync();
        var control = await _bridge.Control;
        var audio = await _bridge.Audio;

        await control.SendMessageAsync("Hello from the bridge", Ct);
        await _sim.Journal.WaitForRealtimeAsync(r => r.Event == "sendmsg", cancellationToken: Ct);
        _sim.PostChatMessage(bot, "Can you hear me?", "Bob Example");
        var messages = new List<string?>();
        await foreach (var message in control.ReadMessagesAsync(Ct))
        {
            if (message is UserChatMessage chat)
            {
                messages.Add(chat.Text);
                break;
            }
        }

        Assert.Equal(bot, control.BotId);
        Assert.Equal(bot, audio.BotId);
        Assert.Equal(["Can you hear me?"], messages);
        var chats = await _client.Bots.GetChatsAsync(bot, Ct);
        Assert.Contains(chats.ChatMessages!, m => m.Text == "Hello from the bridge" && m.SpeakerName == "Realtime Bot");
        Assert.Contains(chats.ChatMessages!, m => m.Text == "Can you hear me?" && m.SpeakerName == "Bob Example");
        Assert.Contains("sendmsg", _sim.GetBot(bot)!.Commands);
        Assert.Contains(_sim.Journal.Realtime, r => r.Channel == SimulatorRealtimeChannel.Control && r.FromBot && r.Event == "ready");
    }

    [Fact]
    public async Task BotLeaves_EverySocketClosesWith1000()
    {
        var bot = await CreateRealtimeBotAsync();
        var audio = await _bridge.Audio;
        var control = await _bridge.Control;
        var video = await _bridge.Video;

        await _client.Bots.RemoveFromMeetingAsync(bot, Ct);
        await _sim.RunUntilAsync(bot, BotStatus.Stopped, cancellationToken: Ct);
        await Task.WhenAll(audio.Completion, control.Completion, video.Completion).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, audio.CloseStatus);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, control.CloseStatus);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, video.CloseStatus);
        Assert.Equal(3, _sim.Journal.Realtime.Count(r => r.Event == "closed" && r.FromBot));
    }

    [Fact]
    public async Task VideoSocket_StreamsFmp4WithPingsAndEndsWithStreamEnd()
    {
        var bot = await CreateRealtimeBotAsync();
        var video = await _bridge.Video;

        await _sim.Journal.WaitForRealtimeAsync(r => r.Channel == SimulatorRealtimeChannel.Video && r.Event == "video_latency_pong", cancellationToken: Ct);
        await _client.Bots.RemoveFromMeetingAsync(bot, Ct);
        await _sim.RunUntilAsync(bot, BotStatus.Stopped, cancellationToken: Ct);
        await _bridge.VideoDrained;
        var fragments = _bridge.VideoFragments;

        Assert.Equal("h264", video.StreamStart.Codec);
        Assert.Equal(1920, video.StreamStart.Width);
        Assert.Equal("fmp4", video.StreamStart.Container);
        Assert.True(fragments >= 2, $"only {fragments} fragments");
        Assert.True(video.LatencyPingsAnswered >= 1);
        Assert.NotNull(video.StreamEnd);
        Assert.True(video.StreamEnd!.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task UnreachableSocketUrl_RecordedAsErrorAndTheBotCarriesOn()
    {
        var request = new CreateBotRequest
        {
            MeetingLink = Simulators.MeetLink,
            BotName = "Lonely",
            LiveAudioRequired = WebSocketEndpoint.For("ws://127.0.0.1:9/nowhere"),
        };
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

        await _sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);
        var error = await _sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "error", cancellationToken: Ct);

        Assert.Equal(SimulatorRealtimeChannel.Audio, error.Channel);
        Assert.Contains("could not connect", error.Detail, StringComparison.Ordinal);
        Assert.Equal(BotStatus.Recording, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
    }

    private Task<string> CreateRealtimeBotAsync() => CreateRealtimeBotAsync(_sim, _client);

    private async Task<string> CreateRealtimeBotAsync(MeetStreamSimulator sim, MeetStreamClient client, string? link = null)
    {
        var request = new CreateBotRequest
        {
            MeetingLink = link ?? Simulators.MeetLink,
            BotName = "Realtime Bot",
            CustomAttributes = new Dictionary<string, string> { [SimulatorScenarios.MeetingSecondsAttribute] = "10" },
            LiveAudioRequired = WebSocketEndpoint.For(_bridge.Url("/bridge/audio")),
            SocketConnectionUrl = WebSocketEndpoint.For(_bridge.Url("/bridge")),
            LiveVideoRequired = link is null ? WebSocketEndpoint.For(_bridge.Url("/bridge/video")) : null,
        };
        var bot = (await client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);
        return bot;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60); // a hang guard only
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within the 60 s hang guard.");
            await Task.Delay(20, Ct);
        }
    }
}
