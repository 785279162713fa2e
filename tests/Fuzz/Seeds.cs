using MeetStream.Client.Realtime;

namespace MeetStream.Client.Fuzz;

/// <summary>
/// Writes the binary seeds that are built rather than copied: real audio frames from <see cref="AudioFrameWriter"/>
/// (binary and legacy <c>PCMChunk</c>) into <c>corpus/binary-audio-frame</c> and <c>corpus/legacy-pcm-chunk</c>.
/// Run with <c>MeetStream.Client.Fuzz --write-seeds tests/Fuzz/corpus</c>; the output is committed.
/// </summary>
internal static class Seeds
{
    public static void Write(string corpus)
    {
        var binary = Directory.CreateDirectory(Path.Combine(corpus, "binary-audio-frame")).FullName;
        var legacy = Directory.CreateDirectory(Path.Combine(corpus, "legacy-pcm-chunk")).FullName;
        short[] tone = new short[96];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(i % 2 == 0 ? 12000 : -12000);
        }

        var speakers = new (string Id, string Name)[] { ("spk-1", "Ada Lovelace"), ("", ""), ("spaces/abc/devices/290", "Zoë Ångström 🎙"), ("7", "Speaker 1") };
        var n = 0;
        foreach (var (id, name) in speakers)
        {
            File.WriteAllBytes(Path.Combine(binary, $"frame-{n}.bin"), AudioFrameWriter.CreateFrame(id, name, tone.AsSpan(0, 8 * (n + 1))));
            File.WriteAllBytes(Path.Combine(legacy, $"chunk-{n}.json"), AudioFrameWriter.CreateLegacyPcmChunk(name, AudioFrameWriterBytes(tone.AsSpan(0, 8 * (n + 1)))));
            n++;
        }

        File.WriteAllBytes(Path.Combine(binary, "frame-empty-pcm.bin"), AudioFrameWriter.CreateFrame("spk-2", "Grace", ReadOnlySpan<byte>.Empty));
        File.WriteAllBytes(Path.Combine(binary, "frame-odd-pcm.bin"), AudioFrameWriter.CreateFrame("spk-3", "Odd", new byte[] { 1, 2, 3 }));
        File.WriteAllBytes(Path.Combine(legacy, "chunk-empty.json"), AudioFrameWriter.CreateLegacyPcmChunk("Grace", ReadOnlySpan<byte>.Empty));
    }

    private static byte[] AudioFrameWriterBytes(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            bytes[2 * i] = (byte)samples[i];
            bytes[(2 * i) + 1] = (byte)(samples[i] >> 8);
        }

        return bytes;
    }
}
