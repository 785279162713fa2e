namespace MeetStream.Client.Testing;

/// <summary>
/// Speech-like audio for the simulated conversation: each word is a voiced tone burst (a fundamental with harmonics
/// and a vibrato, different per speaker) and the gaps are silence, so voice-activity detection and speaker
/// attribution behave as with real speech. 48 kHz mono PCM16.
/// </summary>
internal static class SimulatedSpeech
{
    public const int SampleRate = 48_000;

    public const int FrameSamples = 960;

    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Fills one 20 ms frame at <paramref name="frameIndex"/> of the recording; returns the speaking utterance or null for
    /// silence. When lines overlap (an interruption) the frame is the mix of both voices and the later line, the
    /// interrupter, is the one returned (the dominant speaker).
    /// </summary>
    public static PlannedUtterance? Fill(Span<short> frame, long frameIndex, IReadOnlyList<PlannedUtterance> plan)
    {
        var start = frameIndex * FrameSamples;
        var t = (double)start / SampleRate;
        PlannedUtterance? speaking = null;
        PlannedUtterance? underneath = null; // the line being talked over, if any
        foreach (var utterance in plan)
        {
            if (t >= utterance.Start - 0.02 && t < utterance.End + 0.1)
            {
                underneath = speaking;
                speaking = utterance;
            }
            else if (utterance.Start - 0.02 > t)
            {
                break; // the plan is in time order
            }
        }

        if (speaking is null)
        {
            frame.Clear();
            return null;
        }

        for (var i = 0; i < frame.Length; i++)
        {
            var time = (double)(start + i) / SampleRate;
            var sample = Voice(speaking, time) + (underneath is null ? 0 : Voice(underneath, time));
            frame[i] = (short)Math.Clamp(sample, short.MinValue, short.MaxValue);
        }

        return speaking;
    }

    /// <summary>One speaker's voice at <paramref name="time"/>: a tone burst during each word, 0 between words.</summary>
    private static double Voice(PlannedUtterance speaking, double time)
    {
        var envelope = 0.0;
        foreach (var word in speaking.Words)
        {
            if (time >= word.Start && time < word.End)
            {
                var into = time - word.Start;
                var left = word.End - time;
                envelope = Math.Min(1.0, Math.Min(into, left) / 0.015);
                break;
            }
        }

        if (envelope == 0)
        {
            return 0;
        }

        var f0 = 120.0 + (65.0 * speaking.SpeakerIndex);
        var pitch = f0 * (1 + (0.03 * Math.Sin(2 * Math.PI * 5 * time)));
        var phase = 2 * Math.PI * pitch * time;
        var voiced = (0.6 * Math.Sin(phase)) + (0.25 * Math.Sin(2 * phase)) + (0.15 * Math.Sin(3 * phase));
        return voiced * envelope * 0.35 * short.MaxValue;
    }
}
