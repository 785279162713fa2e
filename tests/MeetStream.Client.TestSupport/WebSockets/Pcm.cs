namespace MeetStream.Client.Tests.Realtime.Support;

/// <summary>Generates recognisable PCM for ordering assertions.</summary>
public static class Pcm
{
    /// <summary>960 samples (20 ms at 48 kHz) whose every sample is <paramref name="marker"/>.</summary>
    public static short[] Marked(short marker, int samples = 960) => Enumerable.Repeat(marker, samples).ToArray();

    /// <summary>Samples as little-endian bytes.</summary>
    public static byte[] Bytes(short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            bytes[2 * i] = (byte)samples[i];
            bytes[(2 * i) + 1] = (byte)(samples[i] >> 8);
        }

        return bytes;
    }

    /// <summary>Reads the first little-endian sample of a PCM byte array.</summary>
    public static short First(ReadOnlySpan<byte> pcm) => (short)(pcm[0] | (pcm[1] << 8));
}
