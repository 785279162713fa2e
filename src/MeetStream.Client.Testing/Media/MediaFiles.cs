using System.Buffers.Binary;

namespace MeetStream.Client.Testing;

/// <summary>Small generated media files the simulator serves behind its pre-signed-style URLs.</summary>
internal static class MediaFiles
{
    public const int SampleRate = 48000;

    private static readonly Lazy<byte[]> Wav = new(() => CreateWav(TimeSpan.FromSeconds(1)));

    /// <summary>A 1-second 48 kHz mono 16-bit PCM WAV: a soft two-tone chime.</summary>
    public static byte[] AudioWav => Wav.Value;

    /// <summary>A minimal MP4 placeholder (ftyp + empty moov + free); players may refuse it, parsers recognise it.</summary>
    public static byte[] VideoMp4 { get; } = CreateMp4();

    /// <summary>A minimal WebM (EBML header) placeholder for per-participant segments.</summary>
    public static byte[] WebM { get; } = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6D, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02];

    /// <summary>A 1×1 transparent PNG (screenshots).</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A placeholder fMP4 fragment (moof with its sequence number + mdat) for the live video stream.</summary>
    public static byte[] VideoFragment(long sequence)
    {
        var fragment = new byte[16 + 24 + 2048];
        BinaryPrimitives.WriteInt32BigEndian(fragment, 24);
        "moof"u8.CopyTo(fragment.AsSpan(4));
        BinaryPrimitives.WriteInt32BigEndian(fragment.AsSpan(8), 16);
        "mfhd"u8.CopyTo(fragment.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(fragment.AsSpan(20), (int)sequence);
        BinaryPrimitives.WriteInt32BigEndian(fragment.AsSpan(24), fragment.Length - 24);
        "mdat"u8.CopyTo(fragment.AsSpan(28));
        return fragment;
    }

    /// <summary>PCM16 LE mono samples of a tone (used for WAV and, later, live audio).</summary>
    public static byte[] Tone(TimeSpan length, double frequency, double amplitude = 0.2)
    {
        var samples = (int)(length.TotalSeconds * SampleRate);
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var envelope = Math.Min(1, Math.Min(i, samples - i) / (SampleRate * 0.02));
            var value = (short)(Math.Sin(2 * Math.PI * frequency * i / SampleRate) * amplitude * envelope * short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), value);
        }

        return pcm;
    }

    private static byte[] CreateWav(TimeSpan length)
    {
        var half = TimeSpan.FromTicks(length.Ticks / 2);
        var pcm = Tone(half, 660).Concat(Tone(half, 880)).ToArray();
        var wav = new byte[44 + pcm.Length];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + pcm.Length);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], pcm.Length);
        pcm.CopyTo(span[44..]);
        return wav;
    }

    private static byte[] CreateMp4()
    {
        using var stream = new MemoryStream();
        void Box(string type, ReadOnlySpan<byte> payload)
        {
            Span<byte> header = stackalloc byte[8];
            BinaryPrimitives.WriteInt32BigEndian(header, 8 + payload.Length);
            System.Text.Encoding.ASCII.GetBytes(type, header[4..]);
            stream.Write(header);
            stream.Write(payload);
        }

        Box("ftyp", "isom\0\0\u0002\0isomiso2mp41"u8);
        var mvhd = new byte[108];
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(12), 1000);
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(20), 0x00010000);
        BinaryPrimitives.WriteInt16BigEndian(mvhd.AsSpan(24), 0x0100);
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(104), 1);
        using (var moov = new MemoryStream())
        {
            Span<byte> header = stackalloc byte[8];
            BinaryPrimitives.WriteInt32BigEndian(header, 8 + mvhd.Length);
            "mvhd"u8.CopyTo(header[4..]);
            moov.Write(header);
            moov.Write(mvhd);
            Box("moov", moov.ToArray());
        }

        Box("free", "MeetStream simulator placeholder video"u8);
        return stream.ToArray();
    }
}
