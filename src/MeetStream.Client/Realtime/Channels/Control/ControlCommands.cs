using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using MeetStream.Client.Realtime.Internal;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Serializes the control commands exactly as MeetStream documents them, straight into pooled UTF-8 buffers (audio
/// and images are base64-encoded in place, without an intermediate string).
/// </summary>
internal static class ControlCommands
{
    public const int SampleRate = 48_000;

    private const int EnvelopeBytes = 192;

    /// <summary><c>{"command":"sendaudio","bot_id":…,"audiochunk":"&lt;b64&gt;","sample_rate":48000,"encoding":"pcm16","channels":1,"endianness":"little"}</c></summary>
    public static PooledBufferWriter SendAudio(string botId, ReadOnlySpan<byte> pcm)
    {
        var buffer = new PooledBufferWriter(EnvelopeBytes + botId.Length + Base64.GetMaxEncodedToUtf8Length(pcm.Length));
        using var writer = Begin(buffer, "sendaudio"u8, botId);
        writer.WriteBase64String("audiochunk"u8, pcm);
        writer.WriteNumber("sample_rate"u8, SampleRate);
        writer.WriteString("encoding"u8, "pcm16"u8);
        writer.WriteNumber("channels"u8, 1);
        writer.WriteString("endianness"u8, "little"u8);
        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }

    /// <summary>The same as <see cref="SendAudio(string, ReadOnlySpan{byte})"/> from samples (written little-endian on any host).</summary>
    public static PooledBufferWriter SendAudio(string botId, ReadOnlySpan<short> samples)
    {
        if (BitConverter.IsLittleEndian)
        {
            return SendAudio(botId, MemoryMarshal.AsBytes(samples));
        }

        short[] swapped = new short[samples.Length];
        BinaryPrimitives.ReverseEndianness(samples, swapped);
        return SendAudio(botId, MemoryMarshal.AsBytes(swapped.AsSpan()));
    }

    /// <summary><c>{"command":"sendmsg","bot_id":…,"message":"…","msg":"…"}</c> (both keys, for every platform).</summary>
    public static PooledBufferWriter SendMessage(string botId, string message)
    {
        var buffer = new PooledBufferWriter(EnvelopeBytes + botId.Length + (message.Length * 12));
        using var writer = Begin(buffer, "sendmsg"u8, botId);
        writer.WriteString("message"u8, message);
        writer.WriteString("msg"u8, message);
        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }

    /// <summary><c>{"command":"sendchat","bot_id":…,"role":"assistant","text":"…","is_final":true}</c></summary>
    public static PooledBufferWriter SendChat(string botId, string role, string text, bool isFinal)
    {
        var buffer = new PooledBufferWriter(EnvelopeBytes + botId.Length + role.Length + (text.Length * 6));
        using var writer = Begin(buffer, "sendchat"u8, botId);
        writer.WriteString("role"u8, role);
        writer.WriteString("text"u8, text);
        writer.WriteBoolean("is_final"u8, isFinal);
        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }

    /// <summary><c>{"command":"interrupt","bot_id":…,"action":"clear_audio_queue"}</c></summary>
    public static PooledBufferWriter Interrupt(string botId)
    {
        var buffer = new PooledBufferWriter(EnvelopeBytes + botId.Length);
        using var writer = Begin(buffer, "interrupt"u8, botId);
        writer.WriteString("action"u8, "clear_audio_queue"u8);
        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }

    /// <summary><c>{"command":"sendimg","bot_id":…,"img":"&lt;base64 JPEG/PNG&gt;"}</c></summary>
    public static PooledBufferWriter SendImage(string botId, ReadOnlySpan<byte> image)
    {
        var buffer = new PooledBufferWriter(EnvelopeBytes + botId.Length + Base64.GetMaxEncodedToUtf8Length(image.Length));
        using var writer = Begin(buffer, "sendimg"u8, botId);
        writer.WriteBase64String("img"u8, image);
        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }

    /// <summary><c>{"command":"sendimg_url","bot_id":…,"img_url":"https://…"}</c></summary>
    public static PooledBufferWriter SendImageUrl(string botId, string imageUrl)
    {
        var buffer = new PooledBufferWriter(EnvelopeBytes + botId.Length + (imageUrl.Length * 6));
        using var writer = Begin(buffer, "sendimg_url"u8, botId);
        writer.WriteString("img_url"u8, imageUrl);
        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }

    private static Utf8JsonWriter Begin(PooledBufferWriter buffer, ReadOnlySpan<byte> command, string botId)
    {
        var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false });
        writer.WriteStartObject();
        writer.WriteString("command"u8, command);
        writer.WriteString("bot_id"u8, botId);
        return writer;
    }
}
