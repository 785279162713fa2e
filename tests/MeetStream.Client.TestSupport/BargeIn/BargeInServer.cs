using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Realtime;
using MeetStream.Client.Realtime.Dsp;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>
/// The server side of the barge-in benchmark: real Kestrel on loopback hosting both paths side by side.
/// <list type="bullet">
/// <item><b>SDK</b>: <c>AddMeetStreamBridge</c> + <c>MapMeetStreamBridge("/bridge")</c>; the handler is the documented
/// barge-in loop: <c>await foreach</c> over <c>bot.ReadAudioFramesAsync()</c>, own-voice filter, a
/// <see cref="VoiceActivityDetector"/> per bot, and <c>await bot.InterruptAsync()</c> on <c>SpeechStarted</c>.</item>
/// <item><b>Raw</b> baseline (<c>/raw</c>, <c>/raw/audio</c>): the same sockets and framing, and the minimum: read
/// each message into one buffer, check the PCM's first sample, and on the first voiced frame after silence write a
/// pre-encoded <c>interrupt</c> frame on the bot's control socket.</item>
/// </list>
/// </summary>
public sealed class BargeInServer : IAsyncDisposable
{
    /// <summary>The bridge's access token (loopback only).</summary>
    public const string Token = "bargein-generator-token-0123456789";

    /// <summary>The bot's display name: frames under it are our own voice and never interrupt.</summary>
    public const string BotName = "Barge-in Bot";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<WebSocket>> _rawControls = new(StringComparer.Ordinal);
    private WebApplication _app = null!;
    private int _rawPaired;

    private BargeInServer()
    {
    }

    /// <summary>Gets the stage timings of the SDK path.</summary>
    public BargeInStages SdkStages { get; } = new();

    /// <summary>Gets the stage timings of the raw path.</summary>
    public BargeInStages RawStages { get; } = new();

    /// <summary>Gets the base address (<c>ws://127.0.0.1:port</c>).</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Gets the bridge's session registry.</summary>
    public BotSessionRegistry Registry => _app.Services.GetRequiredService<BotSessionRegistry>();

    /// <summary>Gets the number of raw bots whose audio socket found its control socket.</summary>
    public int RawPairedBots => Volatile.Read(ref _rawPaired);

    /// <summary>Gets the number of SDK bot sessions with both an audio and a control channel.</summary>
    public int SdkPairedBots => Registry.Sessions.Count(s => s.Audio is not null && s.Control is not null);

    /// <summary>Gets the audio frames the SDK sessions dropped because the handler fell behind.</summary>
    public long SdkDroppedFrames => Registry.Sessions.Sum(s => s.Audio?.FramesDropped ?? 0);

    /// <summary>Starts Kestrel on a free loopback port.</summary>
    /// <param name="lossless">Use <see cref="FrameQueueFullMode.Wait"/> (no frame is ever dropped) instead of the default <c>DropOldest</c>.</param>
    public static async Task<BargeInServer> StartAsync(bool lossless)
    {
        var server = new BargeInServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackKestrel.Listen(builder);
        builder.Services.AddMeetStreamBridge(o =>
        {
            o.AccessTokens.Add(Token);
            o.EnableVideo = false;
            if (lossless)
            {
                o.Audio.FrameQueueFullMode = FrameQueueFullMode.Wait;
            }
        }).AddHandler(server.HandleSdkBotAsync);
        var app = builder.Build();
        app.MapMeetStreamBridge("/bridge");
        app.Map("/raw", server.HandleRawControlAsync);
        app.Map("/raw/audio", server.HandleRawAudioAsync);
        await app.StartAsync();
        server._app = app;
        var address = LoopbackKestrel.Address(app);
        server.BaseUri = new Uri($"ws://{address.Authority}");
        return server;
    }

    /// <summary>Gets the control and audio URLs of one path.</summary>
    public (Uri Control, Uri Audio) GetUrls(bool sdk) => sdk
        ? (new Uri(BaseUri, $"/bridge?token={Token}"), new Uri(BaseUri, $"/bridge/audio?token={Token}"))
        : (new Uri(BaseUri, "/raw"), new Uri(BaseUri, "/raw/audio"));

    /// <summary>The exact interrupt command both paths write: <c>{"command":"interrupt","bot_id":…,"action":"clear_audio_queue"}</c>.</summary>
    public static byte[] InterruptCommand(string botId) =>
        Encoding.UTF8.GetBytes($$"""{"command":"interrupt","bot_id":"{{botId}}","action":"clear_audio_queue"}""");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The SDK path: the barge-in loop of docs/realtime.md, instrumented with three timestamps.</summary>
    private async Task HandleSdkBotAsync(BotSession bot, CancellationToken cancellationToken)
    {
        var vad = new VoiceActivityDetector(BargeInScript.VadOptions);
        var ownVoice = new BotSpeakerFilter(BotName);
        await foreach (var frame in bot.ReadAudioFramesAsync(cancellationToken))
        {
            var received = Stopwatch.GetTimestamp();
            if (ownVoice.IsBot(frame.SpeakerName))
            {
                continue;
            }

            var activity = vad.Process(frame.Samples);
            if (activity.SpeechStarted)
            {
                var decided = Stopwatch.GetTimestamp();
                var sent = BinaryPrimitives.ReadInt64LittleEndian(frame.Pcm.Span[BargeInScript.TimestampOffset..]);
                await bot.InterruptAsync(cancellationToken);
                var written = Stopwatch.GetTimestamp();
                SdkStages.Receive.Record(received - sent);
                SdkStages.Decide.Record(decided - received);
                SdkStages.Send.Record(written - decided);
            }
        }
    }

    private async Task HandleRawControlAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        string? botId = null;
        try
        {
            var ready = await ReceiveMessageAsync(socket, buffer);
            botId = ReadBotId(buffer.AsSpan(0, ready.Length));
            _rawControls.GetOrAdd(botId, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(socket);
            while (!(await ReceiveMessageAsync(socket, buffer)).Closed)
            {
                // The bot sends nothing else on its control socket; keep reading to see the close.
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            // The generator aborts its sockets at the end of a step.
        }
        finally
        {
            if (botId is not null)
            {
                _rawControls.TryRemove(botId, out _);
            }
        }
    }

    private async Task HandleRawAudioAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[8192];
        var paired = false;
        try
        {
            var ready = await ReceiveMessageAsync(socket, buffer);
            var botId = ReadBotId(buffer.AsSpan(0, ready.Length));
            var control = await _rawControls.GetOrAdd(botId, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(30));
            var interrupt = InterruptCommand(botId);
            Interlocked.Increment(ref _rawPaired);
            paired = true;
            var wasVoiced = false;
            while (true)
            {
                var message = await ReceiveMessageAsync(socket, buffer);
                if (message.Closed)
                {
                    break;
                }

                var received = Stopwatch.GetTimestamp();
                var pcm = PcmOf(buffer.AsSpan(0, message.Length));
                var voiced = BargeInScript.IsVoicedRaw(pcm);
                if (voiced && !wasVoiced)
                {
                    var sent = BinaryPrimitives.ReadInt64LittleEndian(pcm[BargeInScript.TimestampOffset..]);
                    var decided = Stopwatch.GetTimestamp();
                    await control.SendAsync(interrupt, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    var written = Stopwatch.GetTimestamp();
                    RawStages.Receive.Record(received - sent);
                    RawStages.Decide.Record(decided - received);
                    RawStages.Send.Record(written - decided);
                }

                wasVoiced = voiced;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or TimeoutException)
        {
            // The generator aborts its sockets at the end of a step.
        }
        finally
        {
            if (paired)
            {
                Interlocked.Decrement(ref _rawPaired);
            }
        }
    }

    /// <summary>The PCM of a binary frame: <c>0x01</c>, uint16 id length, id, uint16 name length, name, PCM.</summary>
    private static ReadOnlySpan<byte> PcmOf(ReadOnlySpan<byte> frame)
    {
        var idLength = BinaryPrimitives.ReadUInt16LittleEndian(frame[1..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(frame[(3 + idLength)..]);
        return frame[(5 + idLength + nameLength)..];
    }

    private static string ReadBotId(ReadOnlySpan<byte> ready)
    {
        var reader = new Utf8JsonReader(ready);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("bot_id"u8) && reader.Read())
            {
                return reader.GetString() ?? throw new InvalidDataException("The ready message has a null bot_id.");
            }
        }

        throw new InvalidDataException("The ready message has no bot_id.");
    }

    private static async ValueTask<(int Length, bool Closed)> ReceiveMessageAsync(WebSocket socket, byte[] buffer)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            length += result.Count;
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        return (length, result.MessageType == WebSocketMessageType.Close);
    }
}
