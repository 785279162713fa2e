using MeetStream.Client.Realtime;

namespace MeetStream.Client.Fuzz.Targets;

/// <summary>
/// <see cref="LegacyPcmChunk.TryParse"/>: never throws; on a parsed chunk <c>GetSpeakerName</c> and
/// <c>TryDecodePcm</c> do not throw, and <c>DecodePcm</c> throws only its documented <see cref="FormatException"/>,
/// exactly when <c>TryDecodePcm</c> fails.
/// </summary>
internal static class LegacyPcmChunkTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (!LegacyPcmChunk.TryParse(input, out var chunk, out var error))
        {
            if (error == AudioFrameParseError.None)
            {
                throw new InvalidOperationException("TryParse failed without an error.");
            }

            return;
        }

        _ = chunk.GetSpeakerName();
        var buffer = new byte[chunk.MaxPcmLength];
        var decoded = chunk.TryDecodePcm(buffer, out var written);
        if (written > buffer.Length)
        {
            throw new InvalidOperationException("TryDecodePcm wrote more than MaxPcmLength.");
        }

        try
        {
            var pcm = chunk.DecodePcm();
            if (!decoded || pcm.Length != written)
            {
                throw new InvalidOperationException("DecodePcm and TryDecodePcm disagree.");
            }
        }
        catch (FormatException)
        {
            if (decoded)
            {
                throw new InvalidOperationException("DecodePcm threw where TryDecodePcm succeeded.");
            }
        }
    }
}
