using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// What a simulated bot does with the messages your server sends it (§4): <c>sendaudio</c> is queued to be spoken,
/// <c>interrupt</c> drops the queue (Google Meet only), <c>sendmsg</c> writes in the meeting chat; every message is
/// journaled and every control command lands in the bot's command list.
/// </summary>
internal sealed class ControlSocketCommands(RealtimeBots owner, RealtimeRecorder recorder, SpeechPlayback playback, string botId, bool interruptClearsQueue)
{
    public void Handle(SimulatorRealtimeChannel channel, byte[] bytes)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            recorder.Record(channel, fromBot: false, "invalid", Encoding.UTF8.GetString(bytes), detail: "not a JSON object");
            return;
        }

        var name = Text(json, "command") ?? Text(json, "type") ?? "unknown";
        if (channel != SimulatorRealtimeChannel.Control)
        {
            recorder.Record(channel, fromBot: false, name, json.ToJsonString());
            return;
        }

        switch (name)
        {
            case "sendaudio":
                ReceiveSpeech(json);
                break;
            case "interrupt":
                Interrupt(json);
                break;
            case "sendmsg":
                var text = Text(json, "message") ?? Text(json, "msg");
                recorder.Record(channel, fromBot: false, name, json.ToJsonString(), detail: text is null ? "no message" : null);
                if (text is not null)
                {
                    owner.BotSaysInChat(botId, text);
                }

                break;
            default:
                recorder.Record(channel, fromBot: false, name, json.ToJsonString());
                break;
        }

        owner.RecordCommand(botId, name, json);
    }

    private void ReceiveSpeech(JsonObject json)
    {
        var base64 = Text(json, "audiochunk");
        byte[] pcm;
        try
        {
            pcm = base64 is null ? [] : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            pcm = [];
        }

        var problems = new List<string>();
        if (pcm.Length == 0)
        {
            problems.Add("audiochunk is missing or not base64");
        }

        var rate = json["sample_rate"]?.GetValueKind() == JsonValueKind.Number ? json["sample_rate"]!.GetValue<double>() : 0;
        if (rate != 48000)
        {
            problems.Add($"sample_rate must be 48000 (got {rate.ToString(CultureInfo.InvariantCulture)})");
        }

        if (Text(json, "encoding") != "pcm16")
        {
            problems.Add("encoding must be pcm16");
        }

        var samples = new short[pcm.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(i * 2));
        }

        if (samples.Length > 0)
        {
            playback.Enqueue(samples);
        }

        var redacted = (JsonObject)json.DeepClone();
        redacted["audiochunk"] = $"<{pcm.Length} bytes>";
        recorder.Record(SimulatorRealtimeChannel.Control, fromBot: false, "sendaudio", redacted.ToJsonString(), SpeechPlayback.Duration(samples.Length), problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private void Interrupt(JsonObject json)
    {
        if (!interruptClearsQueue)
        {
            recorder.Record(SimulatorRealtimeChannel.Control, fromBot: false, "interrupt", json.ToJsonString(), detail: "accepted without effect (only Google Meet clears the audio queue)");
            return;
        }

        var dropped = playback.Clear();
        recorder.Record(SimulatorRealtimeChannel.Control, fromBot: false, "interrupt", json.ToJsonString(), SpeechPlayback.Duration(dropped), $"dropped {SpeechPlayback.Duration(dropped).TotalMilliseconds:0} ms of queued speech");
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
