using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace MeetStream.Client.Realtime;

/// <summary>
/// A zero-allocation view of one binary live-audio frame: <c>msg_type</c> (<c>0x01</c>), <c>sid_length</c>
/// (uint16 LE), the UTF-8 <c>speaker_id</c>, <c>sname_length</c> (uint16 LE), the UTF-8 <c>speaker_name</c>, then raw
/// PCM16 LE samples at 48 kHz mono. Every span points into the message it was parsed from.
/// </summary>
/// <remarks>
/// <see cref="TryParse(ReadOnlySpan{byte}, out BinaryAudioFrame, out AudioFrameParseError)"/> never throws and never
/// allocates. An odd number of PCM bytes is accepted; <see cref="Samples"/> then ignores the last byte.
/// </remarks>
public readonly ref struct BinaryAudioFrame
{
    /// <summary>The <c>msg_type</c> of PCM audio frames, the only type defined so far.</summary>
    public const byte PcmAudioType = 0x01;

    /// <summary>The smallest valid frame: the type byte and two zero length fields.</summary>
    public const int MinimumLength = 5;

    /// <summary>The sample rate of the PCM payload, in hertz.</summary>
    public const int SampleRate = 48_000;

    private BinaryAudioFrame(ReadOnlySpan<byte> speakerId, ReadOnlySpan<byte> speakerName, ReadOnlySpan<byte> pcm)
    {
        SpeakerIdUtf8 = speakerId;
        SpeakerNameUtf8 = speakerName;
        Pcm = pcm;
    }

    /// <summary>Gets the UTF-8 bytes of <c>speaker_id</c> (validated).</summary>
    public ReadOnlySpan<byte> SpeakerIdUtf8 { get; }

    /// <summary>Gets the UTF-8 bytes of <c>speaker_name</c> (validated); <c>NoSpeaker</c> when the audio could not be attributed.</summary>
    public ReadOnlySpan<byte> SpeakerNameUtf8 { get; }

    /// <summary>Gets the raw PCM bytes: signed 16-bit little-endian, 48 kHz, mono.</summary>
    public ReadOnlySpan<byte> Pcm { get; }

    /// <summary>Gets the PCM payload as samples (a reinterpretation of <see cref="Pcm"/>, no copy).</summary>
    /// <exception cref="PlatformNotSupportedException">The process runs on a big-endian machine; copy with <see cref="CopySamplesTo"/> instead.</exception>
    public ReadOnlySpan<short> Samples => PcmSamples.View(Pcm);

    /// <summary>Gets the number of whole 16-bit samples.</summary>
    public int SampleCount => Pcm.Length / 2;

    /// <summary>Gets the duration of the audio (<c>pcm_bytes / 2 / 48000</c> seconds).</summary>
    public TimeSpan Duration => PcmSamples.DurationOf(SampleCount);

    /// <summary>Decodes <c>speaker_id</c> into a new string.</summary>
    /// <returns>The speaker id.</returns>
    public string GetSpeakerId() => Encoding.UTF8.GetString(SpeakerIdUtf8);

    /// <summary>Decodes <c>speaker_name</c> into a new string.</summary>
    /// <returns>The speaker name.</returns>
    public string GetSpeakerName() => Encoding.UTF8.GetString(SpeakerNameUtf8);

    /// <summary>Copies the samples into a buffer in host byte order (correct on any endianness).</summary>
    /// <param name="destination">At least <see cref="SampleCount"/> samples long.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int CopySamplesTo(Span<short> destination) => PcmSamples.Copy(Pcm, destination);

    /// <summary>Reads a binary live-audio frame without throwing or allocating.</summary>
    /// <param name="message">One complete WebSocket binary message.</param>
    /// <param name="frame">The frame when the result is <see langword="true"/>; otherwise <see langword="default"/>.</param>
    /// <returns>Whether the message is a valid PCM audio frame.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, out BinaryAudioFrame frame) => TryParse(message, out frame, out _);

    /// <summary>Reads a binary live-audio frame without throwing or allocating, and says what is wrong with a bad one.</summary>
    /// <param name="message">One complete WebSocket binary message.</param>
    /// <param name="frame">The frame when the result is <see langword="true"/>; otherwise <see langword="default"/>.</param>
    /// <param name="error">
    /// <see cref="AudioFrameParseError.None"/> on success; otherwise <see cref="AudioFrameParseError.TooShort"/>,
    /// <see cref="AudioFrameParseError.UnknownType"/>, <see cref="AudioFrameParseError.LengthPastEnd"/> or
    /// <see cref="AudioFrameParseError.InvalidUtf8"/>.
    /// </param>
    /// <returns>Whether the message is a valid PCM audio frame.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, out BinaryAudioFrame frame, out AudioFrameParseError error)
    {
        frame = default;
        if (message.IsEmpty)
        {
            error = AudioFrameParseError.TooShort;
            return false;
        }

        if (message[0] != PcmAudioType)
        {
            error = AudioFrameParseError.UnknownType;
            return false;
        }

        if (message.Length < MinimumLength)
        {
            error = AudioFrameParseError.TooShort;
            return false;
        }

        int idLength = BinaryPrimitives.ReadUInt16LittleEndian(message.Slice(1, 2));

        // 3 + L1 must leave room for the 2-byte sname_length.
        if (idLength > message.Length - MinimumLength)
        {
            error = AudioFrameParseError.LengthPastEnd;
            return false;
        }

        var speakerId = message.Slice(3, idLength);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(message.Slice(3 + idLength, 2));
        int nameStart = MinimumLength + idLength;
        if (nameLength > message.Length - nameStart)
        {
            error = AudioFrameParseError.LengthPastEnd;
            return false;
        }

        var speakerName = message.Slice(nameStart, nameLength);
        if (!Utf8.IsValid(speakerId) || !Utf8.IsValid(speakerName))
        {
            error = AudioFrameParseError.InvalidUtf8;
            return false;
        }

        frame = new BinaryAudioFrame(speakerId, speakerName, message[(nameStart + nameLength)..]);
        error = AudioFrameParseError.None;
        return true;
    }
}

/// <summary>Shared PCM16 helpers of the frame types.</summary>
internal static class PcmSamples
{
    public static ReadOnlySpan<short> View(ReadOnlySpan<byte> pcm)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("PCM samples can only be viewed in place on little-endian machines; use CopySamplesTo.");
        }

        return MemoryMarshal.Cast<byte, short>(pcm);
    }

    public static TimeSpan DurationOf(int samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / BinaryAudioFrame.SampleRate);

    public static int Copy(ReadOnlySpan<byte> pcm, Span<short> destination)
    {
        int count = pcm.Length / 2;
        if (destination.Length < count)
        {
            throw new ArgumentException($"The destination holds {destination.Length} samples but the frame has {count}.", nameof(destination));
        }

        var source = MemoryMarshal.Cast<byte, short>(pcm[..(count * 2)]);
        if (BitConverter.IsLittleEndian)
        {
            source.CopyTo(destination);
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(source, destination);
        }

        return count;
    }
}
