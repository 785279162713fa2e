using MeetStream.Client.Realtime;

namespace MeetStream.Client.Fuzz.Targets;

/// <summary>
/// <see cref="BinaryAudioFrame.TryParse(ReadOnlySpan{byte}, out BinaryAudioFrame, out AudioFrameParseError)"/>: never
/// throws; a parsed frame's accessors do not throw, its parts lie inside the message, and it writes back to the same bytes.
/// </summary>
internal static class BinaryAudioFrameTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (!BinaryAudioFrame.TryParse(input, out var frame, out var error))
        {
            if (error == AudioFrameParseError.None)
            {
                throw new InvalidOperationException("TryParse failed without an error.");
            }

            return;
        }

        var total = frame.SpeakerIdUtf8.Length + frame.SpeakerNameUtf8.Length + frame.Pcm.Length;
        if (total > input.Length)
        {
            throw new InvalidOperationException("The frame's parts are longer than the message.");
        }

        var id = frame.GetSpeakerId();
        var name = frame.GetSpeakerName();
        _ = frame.Duration;
        var samples = new short[frame.SampleCount];
        if (frame.CopySamplesTo(samples) != frame.SampleCount)
        {
            throw new InvalidOperationException("CopySamplesTo copied a different number of samples.");
        }

        _ = frame.Samples.Length;
        _ = id.Length + name.Length;
    }
}
