using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Builds live-audio frames the way MeetStream's bot sends them: binary frames and legacy <c>PCMChunk</c> JSON
/// frames. For tests, simulators and load generators that play the bot's side of the live-audio socket.
/// </summary>
public static class AudioFrameWriter
{
    /// <summary>Computes the size of a binary frame.</summary>
    /// <param name="speakerId">The speaker id.</param>
    /// <param name="speakerName">The speaker name.</param>
    /// <param name="pcmLength">The number of PCM bytes.</param>
    /// <returns>The frame length in bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="speakerId"/> or <paramref name="speakerName"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pcmLength"/> is negative.</exception>
    public static int GetFrameLength(string speakerId, string speakerName, int pcmLength)
    {
        ArgumentNullException.ThrowIfNull(speakerId);
        ArgumentNullException.ThrowIfNull(speakerName);
        ArgumentOutOfRangeException.ThrowIfNegative(pcmLength);
        return BinaryAudioFrame.MinimumLength + Encoding.UTF8.GetByteCount(speakerId) + Encoding.UTF8.GetByteCount(speakerName) + pcmLength;
    }

    /// <summary>Writes a binary frame (<c>0x01</c>, uint16 LE lengths, UTF-8 speaker id and name, PCM) into a buffer.</summary>
    /// <param name="destination">At least <see cref="GetFrameLength"/> bytes.</param>
    /// <param name="speakerId">The speaker id (at most 65,535 UTF-8 bytes).</param>
    /// <param name="speakerName">The speaker name (at most 65,535 UTF-8 bytes).</param>
    /// <param name="pcm">Raw PCM16 LE bytes at 48 kHz mono.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="speakerId"/> or <paramref name="speakerName"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is longer than 65,535 UTF-8 bytes or the destination is too short.</exception>
    public static int Write(Span<byte> destination, string speakerId, string speakerName, ReadOnlySpan<byte> pcm)
    {
        ArgumentNullException.ThrowIfNull(speakerId);
        ArgumentNullException.ThrowIfNull(speakerName);
        int idLength = CheckedByteCount(speakerId, nameof(speakerId));
        int nameLength = CheckedByteCount(speakerName, nameof(speakerName));
        int total = BinaryAudioFrame.MinimumLength + idLength + nameLength + pcm.Length;
        if (destination.Length < total)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes but the frame needs {total}.", nameof(destination));
        }

        destination[0] = BinaryAudioFrame.PcmAudioType;
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(1, 2), (ushort)idLength);
        Encoding.UTF8.GetBytes(speakerId, destination.Slice(3, idLength));
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(3 + idLength, 2), (ushort)nameLength);
        Encoding.UTF8.GetBytes(speakerName, destination.Slice(5 + idLength, nameLength));
        pcm.CopyTo(destination[(5 + idLength + nameLength)..]);
        return total;
    }

    /// <summary>Creates a binary frame from raw PCM bytes.</summary>
    /// <param name="speakerId">The speaker id.</param>
    /// <param name="speakerName">The speaker name.</param>
    /// <param name="pcm">Raw PCM16 LE bytes at 48 kHz mono.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="speakerId"/> or <paramref name="speakerName"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is longer than 65,535 UTF-8 bytes.</exception>
    public static byte[] CreateFrame(string speakerId, string speakerName, ReadOnlySpan<byte> pcm)
    {
        byte[] frame = new byte[GetFrameLength(speakerId, speakerName, pcm.Length)];
        Write(frame, speakerId, speakerName, pcm);
        return frame;
    }

    /// <summary>Creates a binary frame from samples (written little-endian whatever the host byte order).</summary>
    /// <param name="speakerId">The speaker id.</param>
    /// <param name="speakerName">The speaker name.</param>
    /// <param name="samples">PCM16 samples at 48 kHz mono.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="speakerId"/> or <paramref name="speakerName"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is longer than 65,535 UTF-8 bytes.</exception>
    public static byte[] CreateFrame(string speakerId, string speakerName, ReadOnlySpan<short> samples)
    {
        return CreateFrame(speakerId, speakerName, ToLittleEndianBytes(samples));
    }

    /// <summary>Creates a legacy <c>{"type":"PCMChunk","speakerName":…,"audioData":"&lt;base64&gt;"}</c> text frame.</summary>
    /// <param name="speakerName">The speaker name.</param>
    /// <param name="pcm">Raw PCM16 LE bytes at 48 kHz mono.</param>
    /// <returns>The UTF-8 JSON of the frame.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="speakerName"/> is null.</exception>
    public static byte[] CreateLegacyPcmChunk(string speakerName, ReadOnlySpan<byte> pcm)
    {
        ArgumentNullException.ThrowIfNull(speakerName);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, LegacyPcmChunk.TypeName);
            writer.WriteString("speakerName"u8, speakerName);
            writer.WriteBase64String("audioData"u8, pcm);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Writes samples as little-endian bytes.</summary>
    internal static byte[] ToLittleEndianBytes(ReadOnlySpan<short> samples)
    {
        byte[] bytes = new byte[samples.Length * 2];
        var target = MemoryMarshal.Cast<byte, short>(bytes.AsSpan());
        if (BitConverter.IsLittleEndian)
        {
            samples.CopyTo(target);
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(samples, target);
        }

        return bytes;
    }

    private static int CheckedByteCount(string value, string paramName)
    {
        int count = Encoding.UTF8.GetByteCount(value);
        if (count > ushort.MaxValue)
        {
            throw new ArgumentException($"The {paramName} is {count} UTF-8 bytes long; a frame allows at most {ushort.MaxValue}.", paramName);
        }

        return count;
    }
}
