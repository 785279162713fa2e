using System.Text.Json.Nodes;
using LiveAgent;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.AspNetCore.Tests.Bridge;

/// <summary>
/// The LiveAgent sample's <see cref="ParrotAgent"/> end to end over real WebSockets through the bridge: speech in,
/// the same audio back out as <c>sendaudio</c>; the bot's own voice ignored; a human talking over it interrupts it.
/// </summary>
public sealed class LiveAgentParrotTests
{
    private const string BotId = "bot_parrot";
    private const string BotName = "Parrot Bot";
    private const int Rate = 48_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task ParrotAgent_UtteranceThenHumanTalksOverTheAnswer_SpeaksTheSameAudioBackThenInterrupts()
    {
        var clock = new FakeTimeProvider(); // never advanced: the answer is "still playing" when Bob talks
        var text = new StringWriter();
        var log = TextWriter.Synchronized(text);
        await using var host = await BridgeTestHost.StartAsync(
            options =>
            {
                options.Control.PacingFactor = 0; // send the answer at once
                options.Audio.FrameQueueFullMode = FrameQueueFullMode.Wait; // the test sends faster than real time
            },
            (session, cancellationToken) => new ParrotAgent(session, BotName, log, clock).RunAsync(cancellationToken));
        using var control = await host.ConnectAsync("/bridge", BotId);
        using var audio = await host.ConnectAsync("/bridge/audio", BotId);

        // The bot's own voice comes back first, loud: the parrot must not hear it.
        await SendAsync(audio, "spk_bot", " parrot bot", Tone(Ms(600), amplitude: 12_000));
        // Alice: 300 ms of room noise, 600 ms of speech, 800 ms of room noise (the VAD's 500 ms hangover ends the utterance).
        short[] alice = [.. Noise(Ms(300)), .. Tone(Ms(600), amplitude: 3_000), .. Noise(Ms(800))];
        await SendAsync(audio, "spk_alice", "Alice", alice);

        var answer = await control.ReceiveJsonAsync();
        Assert.Equal("sendaudio", answer["command"]!.GetValue<string>());
        Assert.Equal(48_000, answer["sample_rate"]!.GetValue<int>());
        short[] spoken = Decode(answer);
        Assert.InRange(spoken.Length, Ms(600) - Ms(40), Ms(600) + Ms(40));
        var offset = FindSlice(alice, spoken, Ms(300) - Ms(40), Ms(300) + Ms(40));
        Assert.True(offset >= 0, "the answer is Alice's own audio, starting within 40 ms of her first word");

        // Bob starts talking while the answer plays: the parrot interrupts.
        await SendAsync(audio, "spk_bob", "Bob", Tone(Ms(300), amplitude: 3_000));
        var interrupt = await control.ReceiveJsonAsync();

        Assert.Equal("interrupt", interrupt["command"]!.GetValue<string>());
        Assert.Equal("clear_audio_queue", interrupt["action"]!.GetValue<string>());
        Assert.Equal(BotId, interrupt["bot_id"]!.GetValue<string>());
        string printed;
        lock (log)
        {
            printed = text.ToString();
        }

        Assert.Contains($"[{BotId}] heard Alice: 0.", printed, StringComparison.Ordinal);
        Assert.Contains($"[{BotId}] Bob started talking: interrupting", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("parrot bot", printed, StringComparison.OrdinalIgnoreCase);
    }

    private static int Ms(int milliseconds) => milliseconds * Rate / 1000;

    private static async Task SendAsync(MeetStream.Client.Tests.Realtime.Support.FakeBot bot, string speakerId, string speakerName, short[] samples)
    {
        for (int start = 0; start < samples.Length; start += 960)
        {
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame(speakerId, speakerName, samples.AsSpan(start, Math.Min(960, samples.Length - start))));
        }
    }

    private static short[] Tone(int samples, short amplitude) =>
        Enumerable.Range(0, samples).Select(i => (short)(amplitude * Math.Sin(2 * Math.PI * 440 * i / Rate))).ToArray();

    private static short[] Noise(int samples)
    {
        var random = new Random(7);
        return Enumerable.Range(0, samples).Select(_ => (short)random.Next(-8, 9)).ToArray();
    }

    private static int FindSlice(short[] signal, short[] slice, int from, int to)
    {
        for (int offset = Math.Max(0, from); offset <= to && offset + slice.Length <= signal.Length; offset++)
        {
            if (signal.AsSpan(offset, slice.Length).SequenceEqual(slice))
            {
                return offset;
            }
        }

        return -1;
    }

    private static short[] Decode(JsonObject sendaudio)
    {
        var bytes = Convert.FromBase64String(sendaudio["audiochunk"]!.GetValue<string>());
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, bytes.Length);
        return samples;
    }
}
